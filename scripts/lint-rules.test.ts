// The lint rules that keep the layers one-way and the model deterministic must
// actually fire: each forbidden pattern below is linted as if it lived in a
// given folder and must produce the named rule's error.
import { describe, expect, it } from 'vitest';
import { ESLint } from 'eslint';

const eslint = new ESLint({ cwd: process.cwd() });

async function ruleIdsFor(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((m) => m.ruleId ?? m.message);
}

describe('lint: layering and determinism', () => {
  it('rejects an import from src/ui inside src/sim', async () => {
    const ids = await ruleIdsFor('src/sim/bad.ts', "import { x } from '../ui/main';\nexport const y = x;\n");
    expect(ids).toContain('no-restricted-imports');
  });

  it('rejects an import from src/model inside src/net', async () => {
    const ids = await ruleIdsFor('src/net/bad.ts', "import { x } from '../model/costs';\nexport const y = x;\n");
    expect(ids).toContain('no-restricted-imports');
  });

  it('rejects react below src/ui', async () => {
    const ids = await ruleIdsFor('src/scenario/bad.ts', "import { useState } from 'react';\nexport const y = useState;\n");
    expect(ids).toContain('no-restricted-imports');
  });

  it('rejects Date.now, Math.random and performance.now below src/ui', async () => {
    const code = 'export const a = Date.now();\nexport const b = Math.random();\nexport const c = performance.now();\n';
    const ids = await ruleIdsFor('src/model/bad.ts', code);
    expect(ids.filter((id) => id === 'no-restricted-properties').length).toBeGreaterThanOrEqual(3);
  });

  it('rejects DOM globals below src/ui', async () => {
    const ids = await ruleIdsFor('src/worker/bad.ts', 'export const el = document.body;\n');
    expect(ids).toContain('no-restricted-globals');
  });

  it('accepts the same code inside src/ui', async () => {
    const ids = await ruleIdsFor('src/ui/ok.ts', 'export const a = Date.now();\nexport const el = document.body;\n');
    expect(ids).toEqual([]);
  });

  it('accepts a downward import (model imports sim)', async () => {
    const ids = await ruleIdsFor('src/model/ok.ts', "import { x } from '../sim/index';\nexport const y = x;\n");
    expect(ids).toEqual([]);
  });
});
