import { describe, expect, it } from 'vitest';
import { applyOverrides, defaultScenario } from '../../scenario';
import { readAxes, sweepablePaths, sweepConfigurations } from './sweep-form';

describe('sweep form', () => {
  it('offers every numeric parameter of the chosen variants, costs included, but not the seed', () => {
    const paths = sweepablePaths(defaultScenario()).map((p) => p.path);
    expect(paths).toContain('inic.iopClockMHz');
    expect(paths).toContain('workload.messageBytes');
    expect(paths.some((p) => p.startsWith('costs.host.'))).toBe(true);
    expect(paths).not.toContain('seed');
    expect(paths).not.toContain('bus.lanes');
    const pcie = applyOverrides(defaultScenario(), ['bus.kind=pcie']);
    if (pcie.ok) expect(sweepablePaths(pcie.scenario).map((p) => p.path)).not.toContain('bus.lanes'); // a choice, not a range
  });

  it('reads a 1-D axis into evenly spaced points', () => {
    const r = readAxes(defaultScenario(), [{ path: 'inic.iopClockMHz', from: '200', to: '1200', steps: '6' }]);
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.points.map((p) => p.values['inic.iopClockMHz'])).toEqual([200, 400, 600, 800, 1000, 1200]);
  });

  it('names the field that is wrong, and out-of-range ends by the rule they break', () => {
    const bad = readAxes(defaultScenario(), [{ path: 'inic.iopClockMHz', from: 'x', to: '1200', steps: '1' }]);
    expect(bad).toEqual({ ok: false, errors: { 'a.from': 'must be a number', 'a.steps': 'must be a whole number from 2 to 200' } });
    const range = readAxes(defaultScenario(), [{ path: 'inic.iopClockMHz', from: '5', to: '1200', steps: '3' }]);
    expect(range.ok).toBe(false);
    if (!range.ok) expect(range.errors['a.path']).toBe('inic.iopClockMHz must be ≥ 10 MHz');
  });

  it('makes a 2-D grid with the first axis slowest', () => {
    const r = readAxes(defaultScenario(), [
      { path: 'inic.iopClockMHz', from: '300', to: '600', steps: '2' },
      { path: 'workload.messageBytes', from: '1024', to: '65536', steps: '3' },
    ]);
    expect(r.ok && r.points.map((p) => p.coords.join(','))).toEqual(['0,0', '0,1', '0,2', '1,0', '1,1', '1,2']);
  });

  it('runs native and offload for the gain, the scenario\'s configurations otherwise', () => {
    expect(sweepConfigurations(defaultScenario(), 'gain')).toEqual(['native', 'offload']);
    expect(sweepConfigurations(defaultScenario(), 'hostCpuPercent')).toEqual(['native', 'stateless', 'offload']);
  });
});
