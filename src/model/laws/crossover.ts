// Where offload starts (or stops) paying along a 1-D sweep: the parameter values at
// which gain crosses 1, by linear interpolation between neighbouring samples. Pure
// functions over arrays, so the simulated curve and the LAWS curve use the same code.

export interface Crossover {
  /** Interpolated parameter value where gain = 1. */
  readonly x: number;
  /** 'loses' when gain falls below 1 as x grows, 'gains' when it rises above 1. */
  readonly direction: 'loses' | 'gains';
  /** Index of the sample just before the crossing. */
  readonly index: number;
}

/**
 * Every crossing of gain = 1 along (xs[i], gains[i]), in sample order. Samples must be
 * in the order swept; mismatched lengths or non-finite values yield an error.
 */
export function findCrossovers(
  xs: readonly number[],
  gains: readonly number[],
): { ok: true; crossovers: Crossover[] } | { ok: false; error: string } {
  if (xs.length !== gains.length) return { ok: false, error: `xs has ${xs.length} values but gains has ${gains.length}` };
  for (let i = 0; i < xs.length; i++) {
    if (!Number.isFinite(xs[i]!) || !Number.isFinite(gains[i]!)) return { ok: false, error: `sample ${i} is not a finite number` };
  }
  const out: Crossover[] = [];
  // Walk the signs of gain-1; a crossing is a change between two non-zero signs.
  // Samples exactly at 1 in between place the crossing at the first of them; a curve
  // that touches 1 and turns back does not cross.
  let lastSign = 0;
  let lastIndex = -1;
  for (let i = 0; i < xs.length; i++) {
    const d = gains[i]! - 1;
    const sign = d > 0 ? 1 : d < 0 ? -1 : 0;
    if (sign === 0) continue;
    if (lastSign !== 0 && sign !== lastSign) {
      const direction = sign < 0 ? 'loses' : 'gains';
      if (lastIndex === i - 1) {
        const x0 = xs[i - 1]!, x1 = xs[i]!, d0 = gains[i - 1]! - 1;
        out.push({ x: x0 + ((x1 - x0) * d0) / (d0 - d), direction, index: i - 1 });
      } else {
        out.push({ x: xs[lastIndex + 1]!, direction, index: lastIndex + 1 });
      }
    }
    lastSign = sign;
    lastIndex = i;
  }
  return { ok: true, crossovers: out };
}

/** The first crossing, or null when gain stays on one side of 1. */
export function firstCrossover(xs: readonly number[], gains: readonly number[]): Crossover | null {
  const r = findCrossovers(xs, gains);
  return r.ok ? (r.crossovers[0] ?? null) : null;
}
