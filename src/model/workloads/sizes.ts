// Response sizes for request/response (DESIGN.md 1.7): fixed, exponential,
// lognormal or Pareto with a given mean, truncated to [1, maxBytes]. Web file
// sizes are heavy-tailed (Crovella and Bestavros; SURGE, Barford and Crovella
// 1998: lognormal body, Pareto tail); SPECweb99's mix has a ~14.7 KB mean.
import type { Rng } from '../../sim';

export interface SizeDistribution {
  readonly distribution: 'fixed' | 'exponential' | 'lognormal' | 'pareto';
  readonly meanBytes: number;
  /** Lognormal sigma, or the Pareto tail index alpha. */
  readonly shape: number;
  readonly maxBytes: number;
}

/** One standard normal draw (Box-Muller; uses two uniforms). */
function normal(rng: Rng): number {
  const u = 1 - rng.next();
  const v = rng.next();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

/** Draws one size in whole bytes. */
export function drawSize(d: SizeDistribution, rng: Rng): number {
  let x: number;
  switch (d.distribution) {
    case 'fixed':
      x = d.meanBytes;
      break;
    case 'exponential':
      x = rng.exponential(d.meanBytes);
      break;
    case 'lognormal': {
      // E[X] = exp(mu + sigma^2 / 2), so mu = ln(mean) - sigma^2 / 2.
      const s = d.shape;
      x = Math.exp(Math.log(d.meanBytes) - (s * s) / 2 + s * normal(rng));
      break;
    }
    case 'pareto': {
      // E[X] = alpha xm / (alpha - 1) for alpha > 1; below that the mean is infinite
      // and xm is set to a tenth of the requested mean (the truncation bounds it).
      const a = d.shape;
      const xm = a > 1 ? (d.meanBytes * (a - 1)) / a : d.meanBytes / 10;
      x = xm / Math.pow(1 - rng.next(), 1 / a);
      break;
    }
  }
  return Math.max(1, Math.min(d.maxBytes, Math.round(x)));
}
