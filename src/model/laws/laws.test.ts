import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { gainFromRatios, laws, type LawsInputs, type LawsResult } from './laws';

function run(i: LawsInputs): LawsResult {
  const r = laws(i);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.result;
}

describe('LAWS on hand-computed examples', () => {
  it('gives gain 0.75 when the host already fills a 1 Gb/s wire and a slow NIC becomes the bottleneck', () => {
    // a=8, o=2, X=1/2.4e9, Y=4X (α=4), B=125e6, p=0.8, β=1.
    // host before = 2.4e9/10 = 240e6 > B, so B_before = 125e6; σ = 2.4e9/(8·125e6) = 2.4.
    // NIC after = 1/(0.8·8·1·4/2.4e9) = 93.75e6 = B_after; gain = 0.75.
    const r = run({ a: 8, o: 2, X: 1 / 2.4e9, Y: 4 / 2.4e9, B: 125e6, p: 0.8, beta: 1 });
    expect(r.bBefore).toBe(125e6);
    expect(r.bAfter).toBeCloseTo(93.75e6, 0);
    expect(r.gain).toBeCloseTo(0.75, 12);
    expect(r.sigma).toBeCloseTo(2.4, 12);
    expect(r.alpha).toBeCloseTo(4, 12);
    expect(r.gamma).toBeCloseTo(0.25, 12);
    expect(r.hostFillsWire).toBe(true);
    expect(r.offloadLoses).toBe(true);
    expect(r.limitBefore).toBe('wire');
    expect(r.limitAfter).toBe('nic');
  });

  it('reaches the bound 1 + 1/γ exactly when the NIC keeps up and all overhead moves (γ = 1, gain 2)', () => {
    // a=8, o=8, X=1e-9, Y=2e-9, B=1e9, p=1, β=0.5: before 1e9/16 = 62.5e6; after
    // host 1e9/8 = 125e6, NIC 1/(8·0.5·2e-9) = 125e6; gain 2 = 1 + 1/γ, improvement 1 = 1/γ.
    const r = run({ a: 8, o: 8, X: 1e-9, Y: 2e-9, B: 1e9, p: 1, beta: 0.5 });
    expect(r.bBefore).toBeCloseTo(62.5e6, 0);
    expect(r.bAfter).toBeCloseTo(125e6, 0);
    expect(r.gain).toBeCloseTo(2, 12);
    expect(r.gainBound).toBe(2);
    expect(r.improvementBound).toBe(1);
    expect(r.tightGainBound).toBeCloseTo(2, 12);
    expect(r.offloadLoses).toBe(false);
  });

  it('loses when αβ > 1+γ under full offload of a host-limited baseline: α=3, β=0.6, γ=0.5 gives 1.5/1.8', () => {
    const r = run({ a: 1, o: 0.5, X: 1, Y: 3, B: 100, p: 1, beta: 0.6 });
    expect(r.alpha * r.beta).toBeCloseTo(1.8, 12);
    expect(r.gain).toBeCloseTo(1.5 / 1.8, 12);
    expect(r.offloadLoses).toBe(true);
  });

  it('returns errors naming the field and the rule for impossible inputs', () => {
    const r = laws({ a: 0, o: -1, X: 1, Y: 1, B: 1, p: 1.5, beta: Number.NaN });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors).toEqual([
      { field: 'a', message: 'must be > 0 (host communication work per byte)' },
      { field: 'o', message: 'must be ≥ 0' },
      { field: 'p', message: 'must be between 0 and 1' },
      { field: 'beta', message: 'must be a finite number' },
    ]);
  });
});

const pos = (min: number, max: number) => fc.double({ min, max, noNaN: true, noDefaultInfinity: true });
const inputs = fc.record({
  a: pos(0.01, 100),
  o: pos(0, 100),
  X: pos(1e-10, 1e-8),
  Y: pos(1e-10, 1e-7),
  B: pos(1e6, 1e10),
  p: pos(0, 1),
  beta: pos(0, 10),
});
const EPS = 1e-9;

describe('LAWS consequences (DESIGN.md 1.8) as properties', () => {
  it('never lets the improvement exceed 1/γ, i.e. gain ≤ 1 + 1/γ', () => {
    fc.assert(fc.property(inputs, (i) => {
      const r = run(i);
      return r.gain - 1 <= r.improvementBound * (1 + EPS) + EPS && r.gain <= r.gainBound * (1 + EPS);
    }), { numRuns: 500 });
  });

  it('never exceeds the tight bound max(σ,1+γ)/max(σ,γ)', () => {
    fc.assert(fc.property(inputs, (i) => run(i).gain <= run(i).tightGainBound * (1 + EPS)), { numRuns: 500 });
  });

  it('equals the closed form max(σ,1+γ)/max(σ,1-p+γ,pαβ)', () => {
    fc.assert(fc.property(inputs, (i) => {
      const r = run(i);
      const g = gainFromRatios(r.alpha, r.beta, r.gamma, r.sigma, i.p);
      return Math.abs(g - r.gain) <= 1e-9 * Math.max(1, r.gain);
    }), { numRuns: 500 });
  });

  it('loses exactly when pαβ > max(σ, 1+γ) (away from the boundary itself)', () => {
    fc.assert(fc.property(inputs, (i) => {
      const r = run(i);
      const lhs = i.p * r.alpha * r.beta;
      const rhs = Math.max(r.sigma, 1 + r.gamma);
      fc.pre(Math.abs(lhs - rhs) > 1e-6 * rhs);
      return r.offloadLoses === (lhs > rhs) && (r.gain < 1) === r.offloadLoses;
    }), { numRuns: 500 });
  });

  it('with full offload of a host-limited baseline, loses exactly when αβ > 1+γ', () => {
    fc.assert(fc.property(inputs, (i0) => {
      const i = { ...i0, p: 1 };
      const r = run(i);
      fc.pre(r.sigma <= 1 + r.gamma && Math.abs(r.alpha * r.beta - (1 + r.gamma)) > 1e-6);
      return (r.gain < 1) === r.alpha * r.beta > 1 + r.gamma;
    }), { numRuns: 500 });
  });

  it('gives no gain once the host alone fills the wire', () => {
    fc.assert(fc.property(inputs, (i) => {
      const r = run(i);
      return !r.hostFillsWire || r.gain <= 1 + EPS;
    }), { numRuns: 500 });
  });
});
