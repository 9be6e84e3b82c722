// `npm run bench`: run every bench module listed in BENCH_MODULES, print one
// table and write bench/results/latest.json. To add a benchmark, write
// bench/<name>.bench.ts exporting `default async function(): Promise<BenchRow[]>`
// and add it to the list below. `npm run bench -- kernel` runs only the modules
// whose name contains "kernel".

import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { formatTable, type BenchRow } from './lib';

export interface BenchModule {
  name: string;
  load: () => Promise<{ default: () => Promise<BenchRow[]> }>;
}

export const BENCH_MODULES: BenchModule[] = [
  { name: 'kernel', load: () => import('./kernel.bench') },
  { name: 'stack', load: () => import('./stack.bench') },
  { name: 'frames', load: () => import('./frames.bench') },
  { name: 'model', load: () => import('./model.bench') },
  { name: 'sweep', load: () => import('./sweep.bench') },
  { name: 'rewind', load: () => import('./rewind.bench') },
];

export async function runBenches(filter?: string): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  for (const m of BENCH_MODULES) {
    if (filter !== undefined && !m.name.includes(filter)) continue;
    process.stderr.write(`bench: ${m.name}...\n`);
    const mod = await m.load();
    rows.push(...(await mod.default()));
  }
  return rows;
}

async function main(): Promise<void> {
  const filter = process.argv[2];
  const rows = await runBenches(filter);
  console.log(formatTable(rows));
  const here = dirname(fileURLToPath(import.meta.url));
  const out = join(here, 'results', 'latest.json');
  mkdirSync(dirname(out), { recursive: true });
  const cpu = cpus()[0];
  const meta = { node: process.version, cpu: cpu?.model ?? 'unknown', cores: cpus().length, filter: filter ?? null };
  writeFileSync(out, `${JSON.stringify({ meta, rows }, null, 2)}\n`);
  console.log(`\nwrote ${out}`);
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((e: unknown) => {
    console.error(e);
    process.exit(1);
  });
}
