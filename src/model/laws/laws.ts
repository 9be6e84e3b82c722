// LAWS (Shivam and Chase, "On the Elusive Benefits of Protocol Offload", NICELI 2003)
// exactly as DESIGN.md 1.8 writes it. Per unit of data (here: per byte):
//   a  host communication work (host cycles/B)      o  application work (host cycles/B)
//   X  host slowness (s per host cycle)             Y  NIC processor slowness (s per unit of work)
//   B  wire bandwidth (B/s)                         p  share of a that offload removes
//   β  work left on the NIC relative to the host work it removed (structural ratio)
//
//   B_before = min(B, 1/((a+o)X))
//   B_after  = min(B, 1/(((1-p)a+o)X), 1/(p·a·β·Y))
//   gain     = B_after / B_before
//   ratios:  α = Y/X (lag), γ = o/a (application), σ = 1/(aXB) (wire), β (structural)
//
// Dividing every rate by 1/(aX) gives a closed form in the ratios alone:
//   gain = max(σ, 1+γ) / max(σ, 1-p+γ, pαβ)
// from which (laws.test.ts checks each as a property):
// - offload loses (gain < 1) exactly when pαβ > max(σ, 1+γ); with full offload (p = 1)
//   and a host-limited baseline (σ ≤ 1+γ) that is the paper's αβ > 1+γ;
// - the improvement gain-1 never exceeds 1/γ, i.e. gain ≤ 1 + 1/γ. DESIGN.md says "the
//   gain is at most 1/γ": that holds for the improvement (the paper's reading), not for
//   B_after/B_before itself; e.g. γ = 0.5, σ = 0, p = 1, β→0 gives gain = 3 > 1/γ = 2.
//   The supremum over p and β is max(σ,1+γ)/max(σ,γ), tighter still when the wire binds;
// - no gain once the host already fills the wire: σ ≥ 1+γ implies gain ≤ 1.

export interface LawsInputs {
  readonly a: number;
  readonly o: number;
  readonly X: number;
  readonly Y: number;
  readonly B: number;
  readonly p: number;
  readonly beta: number;
}

export interface LawsResult {
  readonly inputs: LawsInputs;
  /** Bytes per second before and after offload. */
  readonly bBefore: number;
  readonly bAfter: number;
  readonly gain: number;
  readonly alpha: number;
  readonly gamma: number;
  readonly sigma: number;
  readonly beta: number;
  /** Upper bound of the improvement gain-1 (the paper's 1/γ); Infinity when o = 0. */
  readonly improvementBound: number;
  /** 1 + 1/γ: the bound on gain itself. */
  readonly gainBound: number;
  /** max(σ,1+γ)/max(σ,γ): the best gain any p and β could give at these α, γ, σ. */
  readonly tightGainBound: number;
  /** pαβ > max(σ, 1+γ): the NIC becomes the bottleneck below the baseline. */
  readonly offloadLoses: boolean;
  /** σ ≥ 1+γ: the host alone already fills the wire, so offload cannot gain. */
  readonly hostFillsWire: boolean;
  /** Which term limits B_after. */
  readonly limitAfter: 'wire' | 'host' | 'nic';
  readonly limitBefore: 'wire' | 'host';
}

export interface LawsError {
  readonly field: keyof LawsInputs;
  readonly message: string;
}

const RULES: readonly [keyof LawsInputs, (v: number) => boolean, string][] = [
  ['a', (v) => v > 0, 'must be > 0 (host communication work per byte)'],
  ['o', (v) => v >= 0, 'must be ≥ 0'],
  ['X', (v) => v > 0, 'must be > 0'],
  ['Y', (v) => v > 0, 'must be > 0'],
  ['B', (v) => v > 0, 'must be > 0'],
  ['p', (v) => v >= 0 && v <= 1, 'must be between 0 and 1'],
  ['beta', (v) => v >= 0, 'must be ≥ 0'],
];

export function validateLaws(i: LawsInputs): LawsError[] {
  const errors: LawsError[] = [];
  for (const [field, ok, message] of RULES) {
    const v = i[field];
    if (!Number.isFinite(v)) errors.push({ field, message: 'must be a finite number' });
    else if (!ok(v)) errors.push({ field, message });
  }
  return errors;
}

/** Evaluate LAWS; invalid inputs come back as errors naming the field and the rule. */
export function laws(i: LawsInputs): { ok: true; result: LawsResult } | { ok: false; errors: LawsError[] } {
  const errors = validateLaws(i);
  if (errors.length > 0) return { ok: false, errors };
  const { a, o, X, Y, B, p, beta } = i;
  const hostBefore = 1 / ((a + o) * X);
  const bBefore = Math.min(B, hostBefore);
  const hostAfter = 1 / (((1 - p) * a + o) * X);
  const nic = p * a * beta * Y === 0 ? Infinity : 1 / (p * a * beta * Y);
  const bAfter = Math.min(B, hostAfter, nic);
  const alpha = Y / X;
  const gamma = o / a;
  const sigma = 1 / (a * X * B);
  const limitAfter = bAfter === B ? 'wire' : bAfter === hostAfter ? 'host' : 'nic';
  return {
    ok: true,
    result: {
      inputs: i,
      bBefore,
      bAfter,
      gain: bAfter / bBefore,
      alpha,
      gamma,
      sigma,
      beta,
      improvementBound: gamma === 0 ? Infinity : 1 / gamma,
      gainBound: gamma === 0 ? Infinity : 1 + 1 / gamma,
      tightGainBound: Math.max(sigma, 1 + gamma) / Math.max(sigma, gamma),
      offloadLoses: p * alpha * beta > Math.max(sigma, 1 + gamma),
      hostFillsWire: sigma >= 1 + gamma,
      limitAfter,
      limitBefore: bBefore === B ? 'wire' : 'host',
    },
  };
}

/** The closed form in the ratios: max(σ, 1+γ) / max(σ, 1-p+γ, pαβ). */
export function gainFromRatios(alpha: number, beta: number, gamma: number, sigma: number, p: number): number {
  return Math.max(sigma, 1 + gamma) / Math.max(sigma, 1 - p + gamma, p * alpha * beta);
}
