// Sweep axes and grids: parsing with errors that name what is wrong, values
// spaced evenly and rounded for integer parameters, the cartesian product in
// row-major order, and each point's scenario.
import { describe, expect, it } from 'vitest';
import { axisValues, parseSweepAxis, scenarioForPoint, sweepPoints, validateAxes } from './sweep';
import { scenarioOf } from './testing';

const base = () => scenarioOf('2002-gigabit', []);

describe('sweeps', () => {
  it('parses path=from:to:steps and names the fault in bad axes', () => {
    expect(parseSweepAxis('inic.iopClockMHz=200:1200:6')).toEqual({ ok: true, axis: { path: 'inic.iopClockMHz', from: 200, to: 1200, steps: 6 } });
    const bad = ['nope', 'a=1:2', 'a=x:2:3', 'a=1:2:0', 'a=1:2:1.5'].map(parseSweepAxis);
    for (const b of bad) expect(b.ok).toBe(false);
    const r = parseSweepAxis('a=1:2:0');
    if (r.ok) throw new Error('accepted');
    expect(r.error.message).toContain('steps');
  });

  it('spaces values evenly and rounds integer parameters', () => {
    expect(axisValues(base(), { path: 'inic.iopClockMHz', from: 200, to: 1200, steps: 6 })).toEqual([200, 400, 600, 800, 1000, 1200]);
    expect(axisValues(base(), { path: 'workload.messageBytes', from: 100, to: 200, steps: 3 })).toEqual([100, 150, 200]);
    expect(axisValues(base(), { path: 'workload.messageBytes', from: 1, to: 2, steps: 4 })).toEqual([1, 1, 2, 2]);
    expect(axisValues(base(), { path: 'inic.iopClockMHz', from: 500, to: 900, steps: 1 })).toEqual([500]);
  });

  it('builds a row-major grid whose points each give a valid scenario', () => {
    const axes = [{ path: 'inic.iopClockMHz', from: 200, to: 600, steps: 3 }, { path: 'workload.appCyclesPerByte', from: 0, to: 10, steps: 2 }];
    expect(validateAxes(base(), axes)).toEqual([]);
    const pts = sweepPoints(base(), axes);
    expect(pts.length).toBe(6);
    expect(pts[1]!.values).toEqual({ 'inic.iopClockMHz': 200, 'workload.appCyclesPerByte': 10 });
    expect(pts[5]!.coords).toEqual([2, 1]);
    const s = scenarioForPoint(base(), pts[5]!);
    if (!s.ok) throw new Error(JSON.stringify(s.errors));
    expect(s.scenario.inic.iopClockMHz).toBe(600);
    expect(s.scenario.workload.appCyclesPerByte).toBe(10);
  });

  it('rejects unknown paths, out-of-range ends and repeated axes', () => {
    const errs = validateAxes(base(), [
      { path: 'inic.nope', from: 1, to: 2, steps: 2 },
      { path: 'inic.iopClockMHz', from: 1, to: 20_000, steps: 2 },
      { path: 'wire.delayUs', from: 1, to: 2, steps: 2 },
      { path: 'wire.delayUs', from: 1, to: 2, steps: 2 },
    ]);
    console.log(errs.map((e) => `${e.path}: ${e.message}`).join('\n'));
    expect(errs.some((e) => e.path === 'inic.nope')).toBe(true);
    expect(errs.some((e) => e.path === 'inic.iopClockMHz')).toBe(true);
    expect(errs.some((e) => e.message === 'is swept twice')).toBe(true);
  });
});
