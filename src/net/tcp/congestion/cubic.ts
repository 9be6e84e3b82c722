// CUBIC per RFC 9438. Windows inside the formulas are in segments (RFC 9438
// section 4.1); cwnd is kept in bytes for the connection. Time comes from `now`.
//
//   W_cubic(t) = C*(t - K)^3 + W_max                      (RFC 9438 eq. 1)
//   K = cbrt((W_max - cwnd_epoch) / C)                     (eq. 2)
//   W_est += alpha_cubic * segments_acked / cwnd            (eq. 4, Reno-friendly)
//   alpha_cubic = 3*(1 - beta)/(1 + beta)                   (section 4.3)
import type { Nanos } from '../../../sim/units';
import { LossBasedCongestion } from './base';

export const CUBIC_C = 0.4;
export const CUBIC_BETA = 0.7;
export const CUBIC_ALPHA = (3 * (1 - CUBIC_BETA)) / (1 + CUBIC_BETA);

export class Cubic extends LossBasedCongestion {
  readonly name = 'cubic' as const;
  /** W_max in segments (0 before the first congestion event). */
  wMax = 0;
  /** K in seconds. */
  k = 0;
  /** Start of the current congestion-avoidance epoch, or -1 when none. */
  epochStart = -1;
  cwndEpoch = 0;
  /** Reno-friendly estimate in segments. */
  wEst = 0;

  /** W_cubic(t) in segments, t in seconds since the epoch began (eq. 1). */
  wCubic(t: number): number {
    return CUBIC_C * (t - this.k) ** 3 + this.wMax;
  }

  protected reducedThreshold(now: Nanos, flight: number): number {
    const segs = this.cwnd / this.mss;
    // RFC 9438 4.7 fast convergence: release bandwidth when W_max shrinks.
    this.wMax = segs < this.wMax ? (segs * (1 + CUBIC_BETA)) / 2 : segs;
    this.epochStart = -1;
    void now;
    void flight;
    // RFC 9438 4.6: ssthresh = cwnd * beta_cubic, at least 2 segments.
    return Math.max(Math.floor(this.cwnd * CUBIC_BETA), 2 * this.mss);
  }

  protected avoidance(acked: number, now: Nanos, srtt: number): void {
    const mss = this.mss;
    let segs = this.cwnd / mss;
    if (this.epochStart < 0) this.beginEpoch(now, segs);
    const t = (now - this.epochStart) / 1e9;
    const ackedSegs = acked / mss;
    // RFC 9438 4.3: Reno-friendly estimate; alpha becomes 1 once W_est >= W_max.
    const alpha = this.wEst >= this.wMax ? 1 : CUBIC_ALPHA;
    this.wEst += (alpha * ackedSegs) / segs;
    const cubicNow = this.wCubic(t);
    if (cubicNow < this.wEst) {
      // Reno-friendly region (RFC 9438 4.3).
      segs = this.wEst;
    } else {
      // Concave/convex regions (RFC 9438 4.4, 4.5): aim at W_cubic(t + RTT),
      // bounded to [cwnd, 1.5*cwnd].
      const target = Math.min(Math.max(this.wCubic(t + srtt / 1e9), segs), 1.5 * segs);
      segs += ((target - segs) / segs) * ackedSegs;
    }
    this.cwnd = Math.max(this.cwnd, segs * mss);
  }

  protected override enterAvoidance(now: Nanos): void {
    this.beginEpoch(now, this.cwnd / this.mss);
  }

  override onRto(now: Nanos, flight: number, repeated: boolean): void {
    super.onRto(now, flight, repeated);
    // RFC 9438 4.8: after a timeout the epoch restarts when avoidance begins again.
    this.epochStart = -1;
  }

  private beginEpoch(now: Nanos, segs: number): void {
    this.epochStart = now;
    this.cwndEpoch = segs;
    this.wEst = segs;
    if (this.wMax < segs) this.wMax = segs;
    this.k = Math.cbrt(Math.max(0, this.wMax - segs) / CUBIC_C);
  }
}
