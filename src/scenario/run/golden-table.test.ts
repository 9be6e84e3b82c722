// Pins the golden table (golden-table.ts) as text. On a mismatch the new table
// is written to golden-table-changed.txt beside the snapshot so a reviewer can
// diff the two; when the change is intended, copy it over golden-table.txt
// (or run with UPDATE_GOLDEN=1).
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { goldenTable } from './golden-table';

const here = dirname(fileURLToPath(import.meta.url));
const golden = join(here, 'golden-table.txt');
const changed = join(here, 'golden-table-changed.txt');

it('the golden table of goodput and host cycles per byte over configuration x message size x loss matches its snapshot', () => {
  const table = goldenTable();
  console.log(table);
  if (process.env.UPDATE_GOLDEN === '1') writeFileSync(golden, table);
  const want = existsSync(golden) ? readFileSync(golden, 'utf8') : '(no snapshot yet)\n';
  if (table !== want) writeFileSync(changed, table);
  else if (existsSync(changed)) rmSync(changed);
  expect(table, `the model changed: diff ${golden} ${changed}`).toBe(want);
}, 120_000);
