import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// The scenario code, its presets and the cost and LAWS modules run in the browser
// worker and in Node alike, so none of their modules may import a Node built-in.
const FOLDERS = ['src/scenario/schema', 'src/scenario/presets', 'src/model/costs', 'src/model/laws'];

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    if (statSync(p).isDirectory()) return sources(p);
    return p.endsWith('.ts') && !p.endsWith('.test.ts') ? [p] : [];
  });
}

describe('portability', () => {
  it('keeps Node built-ins out of the scenario, preset, cost and LAWS modules', () => {
    const files = FOLDERS.flatMap(sources);
    expect(files.length).toBeGreaterThan(20);
    const offenders = files.filter((f) => /from\s+['"](node:|fs['"]|path['"]|process['"])/.test(readFileSync(f, 'utf8')));
    expect(offenders).toEqual([]);
  });
});
