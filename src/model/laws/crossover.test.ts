import { describe, expect, it } from 'vitest';
import { findCrossovers, firstCrossover } from './crossover';
import { laws } from './laws';

describe('crossovers of gain = 1 along a sweep', () => {
  it('interpolates linearly between the samples either side of 1', () => {
    const r = findCrossovers([100, 200, 300, 400], [0.5, 0.9, 1.1, 1.2]);
    expect(r.ok && r.crossovers.length).toBe(1);
    const c = r.ok ? r.crossovers[0]! : null;
    expect(c?.x).toBeCloseTo(250, 9);
    expect(c?.direction).toBe('gains');
    expect(c?.index).toBe(1);
  });

  it('finds a loss crossing and a later recovery', () => {
    const r = findCrossovers([0, 1, 2, 3], [1.5, 0.5, 0.5, 2]);
    expect(r.ok && r.crossovers.map((c) => c.direction)).toEqual(['loses', 'gains']);
    expect(r.ok && r.crossovers[0]!.x).toBeCloseTo(0.5, 12);
    expect(r.ok && r.crossovers[1]!.x).toBeCloseTo(2 + 0.5 / 1.5, 12);
  });

  it('places the crossing on a sample that sits exactly at 1', () => {
    expect(firstCrossover([1, 2, 3], [1.2, 1, 0.8])).toEqual({ x: 2, direction: 'loses', index: 1 });
  });

  it('does not count a curve that touches 1 from above and turns back', () => {
    expect(firstCrossover([1, 2, 3], [1.2, 1, 1.3])).toBeNull();
    expect(firstCrossover([1, 2], [1.2, 1.3])).toBeNull();
  });

  it('counts reaching a tie from below as the end of the loss (the wire-limited case)', () => {
    expect(firstCrossover([400, 500, 600], [0.8, 1, 1])).toEqual({ x: 500, direction: 'gains', index: 0 });
    expect(firstCrossover([400, 500, 600], [0.8, 1 - 1e-12, 1])).toEqual({ x: 500, direction: 'gains', index: 0 });
    expect(firstCrossover([1, 2, 3], [0.5, 1, 0.5])?.direction).toBe('gains');
  });

  it('rejects mismatched lengths and non-finite samples with an error', () => {
    expect(findCrossovers([1, 2], [1])).toEqual({ ok: false, error: 'xs has 2 values but gains has 1' });
    expect(findCrossovers([1, 2], [1, Number.NaN])).toEqual({ ok: false, error: 'sample 1 is not a finite number' });
  });

  it('finds the NIC clock at which LAWS says offload stops losing, matching the closed form', () => {
    // a=8, o=0, X=1/2.4e9, B=1e12 (host-limited), p=1, β=1: gain = 1/(αβ) = f_nic/2.4e9,
    // so the crossover is at a NIC clock of 2.4 GHz.
    const clocks = [0.6e9, 1.2e9, 1.8e9, 2.4e9, 3.0e9, 3.6e9].map((c) => c + 0.1e9);
    const gains = clocks.map((c) => {
      const r = laws({ a: 8, o: 0, X: 1 / 2.4e9, Y: 1 / c, B: 1e12, p: 1, beta: 1 });
      return r.ok ? r.result.gain : Number.NaN;
    });
    const x = firstCrossover(clocks, gains);
    expect(x?.direction).toBe('gains');
    expect(x?.x).toBeCloseTo(2.4e9, -3);
  });
});
