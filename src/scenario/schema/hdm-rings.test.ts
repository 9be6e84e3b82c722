// The card MAC's descriptor rings (inic.txDescriptors, inic.rxDescriptors) are
// scenario parameters like every other: a unit, a range, a default of 256 with its
// source (Linux's e1000 driver), applied by restart, and out-of-range values named
// with the rule they break.
import { describe, expect, it } from 'vitest';
import { HDM_RINGS } from '../../model/offload/config';
import { applyOverride } from './override';
import { listParameters } from './parameters';
import { defaultScenario, parseScenario } from './parse';

function errorsOf(input: unknown) {
  const r = parseScenario(input);
  return r.ok ? [] : r.errors;
}

describe('the card MAC ring parameters', () => {
  const all = listParameters();

  for (const [path, driverName] of [['inic.txDescriptors', 'TxDescriptors'], ['inic.rxDescriptors', 'RxDescriptors']] as const) {
    it(`lists ${path} in the inic group with its unit, range, restart mode and the e1000 default's source`, () => {
      const p = all.find((x) => x.path === path);
      expect(p, path).toBeDefined();
      if (p === undefined) return;
      expect([p.group, p.kind, p.unit, p.min, p.max, p.default, p.apply]).toEqual(['inic', 'integer', 'descriptors', 8, 4096, 256, 'restart']);
      expect(p.source?.id).toBe('linux');
      expect(p.source?.tag).toBe('estimate');
      expect(p.source?.why).toContain(`e1000 driver default ${driverName} = 256`);
      expect(p.description).toContain("card MAC's ring (HDM)");
    });
  }

  it('defaults both rings to the values the HDM is built with', () => {
    const s = defaultScenario();
    expect(s.inic.txDescriptors).toBe(HDM_RINGS.txDescriptors.value);
    expect(s.inic.rxDescriptors).toBe(HDM_RINGS.rxDescriptors.value);
    expect([s.inic.txDescriptors, s.inic.rxDescriptors]).toEqual([256, 256]);
  });

  it('names the path and the rule of a ring size out of range or fractional', () => {
    expect(errorsOf({ inic: { txDescriptors: 4 } })).toEqual([{ path: 'inic.txDescriptors', message: 'must be ≥ 8 descriptors' }]);
    expect(errorsOf({ inic: { rxDescriptors: 5000 } })).toEqual([{ path: 'inic.rxDescriptors', message: 'must be ≤ 4096 descriptors' }]);
    expect(errorsOf({ inic: { txDescriptors: 16.5 } })).toEqual([{ path: 'inic.txDescriptors', message: 'must be a whole number of descriptors' }]);
    expect(errorsOf({ inic: { rxDescriptors: '256' } })).toEqual([{ path: 'inic.rxDescriptors', message: 'must be a number (descriptors)' }]);
  });

  it('takes a small ring by path, as the CLI and the controls set it', () => {
    const r = applyOverride(defaultScenario(), 'inic.txDescriptors', '16');
    expect(r.ok && r.scenario.inic.txDescriptors).toBe(16);
    const bad = applyOverride(defaultScenario(), 'inic.txDescriptors', '0');
    expect(bad.ok ? [] : bad.errors).toEqual([{ path: 'inic.txDescriptors', message: 'must be ≥ 8 descriptors' }]);
  });
});
