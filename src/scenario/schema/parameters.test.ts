import { describe, expect, it } from 'vitest';
import { applyOverride } from './override';
import { listParameters, PARAMETER_GROUPS } from './parameters';
import { defaultScenario } from './parse';

const GROUPS = new Set(PARAMETER_GROUPS.map((g) => g.id));

describe('listParameters', () => {
  const all = listParameters();

  it('gives every numeric parameter a unit, a finite range holding its default, and a source', () => {
    const missing: string[] = [];
    let numeric = 0;
    for (const p of all) {
      if (p.kind !== 'number' && p.kind !== 'integer') continue;
      numeric++;
      const problems = [
        p.unit === '' ? 'unit' : '',
        p.min === undefined || !Number.isFinite(p.min) ? 'min' : '',
        p.max === undefined || !Number.isFinite(p.max) ? 'max' : '',
        p.source === undefined ? 'source' : '',
        p.source?.tag === 'estimate' && (p.source.why ?? '') === '' ? 'why (estimate)' : '',
        p.description === '' ? 'description' : '',
        typeof p.default !== 'number' || p.default < (p.min ?? -Infinity) || p.default > (p.max ?? Infinity) ? 'default in range' : '',
      ].filter((x) => x !== '');
      if (problems.length > 0) missing.push(`${p.path}: ${problems.join(', ')}`);
    }
    console.log(`${numeric} numeric parameters listed (${all.length} in all)`);
    expect(missing).toEqual([]);
    expect(numeric).toBeGreaterThan(250);
  });

  it('gives every other parameter a description and a source too', () => {
    const missing = all.filter((p) => p.description === '' || p.source === undefined).map((p) => p.path);
    expect(missing).toEqual([]);
  });

  it('groups parameters by layer', () => {
    expect(all.filter((p) => !GROUPS.has(p.group)).map((p) => p.path)).toEqual([]);
    for (const g of GROUPS) expect(all.some((p) => p.group === g), g).toBe(true);
  });

  it('lists defaults equal to the defaults parsing gives, and values from a scenario', () => {
    const s = defaultScenario();
    const withValues = listParameters(s);
    for (const p of withValues) {
      if (p.inList === true || p.when !== undefined) continue;
      expect(p.value, p.path).toEqual(p.default);
    }
    const changed = applyOverride(s, 'costs.host.copy.cyclesPerByte', '3');
    if (!changed.ok) throw new Error('override must apply');
    const copy = listParameters(changed.scenario).find((p) => p.path === 'costs.host.copy.cyclesPerByte');
    expect([copy?.default, copy?.value]).toEqual([0.8, 3]);
  });

  it('marks fields of union variants with the variant they need, and gives values only for the chosen one', () => {
    const s = defaultScenario();
    const lanes = listParameters(s).find((p) => p.path === 'bus.lanes');
    expect(lanes?.when).toEqual({ path: 'bus.kind', equals: 'pcie' });
    expect(lanes?.value).toBeUndefined();
    const width = listParameters(s).find((p) => p.path === 'bus.widthBits' && p.when?.equals === 'pci-x');
    expect(width?.value).toBe(64);
    expect(listParameters(s).find((p) => p.path === 'bus.kind')?.choices).toEqual(['pci', 'pci-x', 'pcie']);
  });

  it('says which changes can apply while the model runs', () => {
    expect(all.find((p) => p.path === 'faults.wire.jitterUs')?.apply).toBe('live');
    expect(all.find((p) => p.path === 'inic.iopClockMHz')?.apply).toBe('restart');
  });
});
