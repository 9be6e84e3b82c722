import { describe, expect, it } from 'vitest';
import { PARAMETER_GROUPS, applyOverrides, defaultScenario } from '../../scenario/schema';
import { checklistText, controlGroups, rangeText } from './control-model';

function rows(sets: string[] = []) {
  const r = applyOverrides(defaultScenario(), sets);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return controlGroups(r.scenario).flatMap((g) => g.rows.map((row) => ({ ...row, group: g.id })));
}

describe('control model', () => {
  it('groups parameters in the layers\' order', () => {
    const ids = controlGroups(defaultScenario()).map((g) => g.id);
    const order = PARAMETER_GROUPS.map((g) => g.id).filter((id) => ids.includes(id));
    expect(ids).toEqual(order);
    expect(ids).toContain('inic');
    expect(ids).toContain('costs');
  });

  it('gives every numeric control its unit, range, default and source', () => {
    const iop = rows().find((r) => r.path === 'inic.iopClockMHz')!;
    expect(iop).toMatchObject({ kind: 'number', unit: 'MHz', rangeText: '10–10000 MHz', value: '600', defaultText: '600', apply: 'restart' });
    expect(iop.source?.id).toBe('iop321');
    for (const r of rows().filter((x) => x.kind === 'number')) {
      expect(r.rangeText, r.path).not.toBe('');
      expect(r.source, r.path).toBeDefined();
    }
  });

  it('shows only the chosen variant\'s fields', () => {
    const pcix = rows().filter((r) => r.path.startsWith('bus.')).map((r) => r.path);
    expect(pcix).toEqual(['bus.kind', 'bus.widthBits', 'bus.clockMHz']);
    const pcie = rows(['bus.kind=pcie']).filter((r) => r.path.startsWith('bus.')).map((r) => r.path);
    expect(pcie).toEqual(['bus.kind', 'bus.gen', 'bus.lanes']);
    const lanes = rows(['bus.kind=pcie']).find((r) => r.path === 'bus.lanes')!;
    expect(lanes.kind).toBe('select');
    expect(lanes.options).toEqual(['1', '2', '4', '8', '16']);
  });

  it('says which changes apply live and which by restart', () => {
    const all = rows();
    expect(all.find((r) => r.path === 'wire.delayUs')!.apply).toBe('live');
    expect(all.find((r) => r.path === 'workload.appCyclesPerByte')!.apply).toBe('live');
    expect(all.find((r) => r.path === 'nic.tso')!.apply).toBe('restart');
  });

  it('edits fault windows as one JSON list and configurations as a checklist', () => {
    const link = rows(['faults.wire.linkDown=[{"atMs":5,"forMs":1}]']).find((r) => r.path === 'faults.wire.linkDown')!;
    expect(link.kind).toBe('json');
    expect(JSON.parse(link.value)).toEqual([{ atMs: 5, forMs: 1 }]);
    const conf = rows().find((r) => r.path === 'configurations')!;
    expect(conf.kind).toBe('checklist');
    expect(conf.checked).toEqual(['native', 'stateless', 'offload']);
    expect(checklistText(['offload', 'native'], 'stateless', false)).toBe('native,offload');
    expect(checklistText(['offload'], 'native', true)).toBe('native,offload');
  });

  it('filters by path or description', () => {
    const g = controlGroups(defaultScenario(), 'iopclock');
    expect(g.flatMap((x) => x.rows.map((r) => r.path))).toEqual(['inic.iopClockMHz']);
  });

  it('writes ranges without units that read badly after a number, and large bounds with thousands separators, not exponents', () => {
    expect(rangeText({ min: 0, max: 1, unit: 'probability' })).toBe('0–1');
    expect(rangeText({ min: 1, max: 16_777_216, unit: 'B' })).toBe('1–16,777,216 B');
    expect(rangeText({ min: 1, max: 3_600_000, unit: 'ms' })).toBe('1–3,600,000 ms');
    expect(rangeText({ min: 0, max: 4_294_967_295, unit: 'seed' })).toBe('0–4,294,967,295');
  });
});
