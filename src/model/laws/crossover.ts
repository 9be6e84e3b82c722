// Where offload starts (or stops) paying along a 1-D sweep: the parameter values at
// which gain crosses 1, by linear interpolation between neighbouring samples. Pure
// functions over arrays, so the simulated curve and the LAWS curve use the same code.

export interface Crossover {
  /** Interpolated parameter value where gain = 1. */
  readonly x: number;
  /** 'loses' when gain falls below 1 as x grows, 'gains' when it rises back to 1 or above. */
  readonly direction: 'loses' | 'gains';
  /** Index of the sample just before the crossing. */
  readonly index: number;
}

/** Gains this close to 1 count as exactly 1 (the default, for analytic curves). */
export const TIE = 1e-9;

/**
 * Every crossing of gain = 1 along (xs[i], gains[i]), in sample order. Samples must be
 * in the order swept; mismatched lengths or non-finite values yield an error. `ties[i]`
 * (or one number for all) is how close to 1 sample i must be to count as a tie: TIE for
 * an exact curve; for a simulated gain, the resolution of the goodput measurement (a
 * segment at each edge of the measured window), so that a wire-limited offload whose
 * flow runs at another phase and delivers a few segments fewer in the window is read as
 * a tie and not as a loss.
 */
export function findCrossovers(
  xs: readonly number[],
  gains: readonly number[],
  ties: number | readonly number[] = TIE,
): { ok: true; crossovers: Crossover[] } | { ok: false; error: string } {
  const tie = (d: number, i: number): number => {
    const t = typeof ties === 'number' ? ties : (ties[i] ?? TIE);
    return Math.abs(d) <= Math.max(TIE, t) ? 0 : d;
  };
  if (xs.length !== gains.length) return { ok: false, error: `xs has ${xs.length} values but gains has ${gains.length}` };
  for (let i = 0; i < xs.length; i++) {
    if (!Number.isFinite(xs[i]!) || !Number.isFinite(gains[i]!)) return { ok: false, error: `sample ${i} is not a finite number` };
  }
  const out: Crossover[] = [];
  // A crossing is where the sweep passes between "offload loses" (gain < 1) and
  // "offload does not lose" (gain ≥ 1, a tie included: a wire-limited gain of exactly 1
  // is where the loss ends). Gains within TIE of 1 count as 1, so rounding does not
  // invent crossings. The crossing sits where the straight line between the two
  // samples reaches 1 (on the sample itself when it is at 1).
  for (let i = 0; i + 1 < xs.length; i++) {
    const x0 = xs[i]!, x1 = xs[i + 1]!;
    const d0 = tie(gains[i]! - 1, i), d1 = tie(gains[i + 1]! - 1, i + 1);
    const lose0 = d0 < 0, lose1 = d1 < 0;
    if (lose0 === lose1) continue;
    const x = d0 === 0 ? x0 : d1 === 0 ? x1 : x0 + ((x1 - x0) * d0) / (d0 - d1);
    out.push({ x, direction: lose1 ? 'loses' : 'gains', index: i });
  }
  return { ok: true, crossovers: out };
}

/** The first crossing, or null when gain stays on one side of 1. */
export function firstCrossover(xs: readonly number[], gains: readonly number[]): Crossover | null {
  const r = findCrossovers(xs, gains);
  return r.ok ? (r.crossovers[0] ?? null) : null;
}
