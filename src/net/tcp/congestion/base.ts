// Shared window mechanics of loss-based algorithms: slow start (RFC 5681 3.1),
// the fast-recovery inflation/deflation of RFC 5681 3.2 and RFC 6582 3.2, and
// the loss window after a timeout. Subclasses decide the multiplicative
// decrease and the congestion-avoidance increase.
import type { Nanos } from '../../../sim/units';
import type { CongestionControl } from './types';

export abstract class LossBasedCongestion implements CongestionControl {
  abstract readonly name: 'newreno' | 'cubic';
  cwnd: number;
  ssthresh = Infinity;
  protected mss: number;

  constructor(mss: number, initialSegments: number) {
    this.mss = mss;
    this.cwnd = initialSegments * mss;
  }

  setMss(mss: number): void {
    const segs = this.cwnd / this.mss;
    this.mss = mss;
    this.cwnd = Math.max(mss, Math.round(segs * mss));
  }

  setInitialWindow(bytes: number): void {
    this.cwnd = Math.max(this.mss, bytes);
  }

  onAck(acked: number, now: Nanos, srtt: number): void {
    if (this.cwnd < this.ssthresh) {
      // RFC 5681 (2): cwnd += min(N, SMSS) per ACK in slow start.
      this.cwnd += Math.min(acked, this.mss);
      if (this.cwnd > this.ssthresh) this.enterAvoidance(now);
      return;
    }
    this.avoidance(acked, now, srtt);
  }

  onEnterRecovery(now: Nanos, flight: number, inflate: boolean): void {
    this.ssthresh = this.reducedThreshold(now, flight);
    // RFC 5681 3.2 step 2 (cwnd = ssthresh + 3*SMSS); RFC 6675 5 (cwnd = ssthresh).
    this.cwnd = this.ssthresh + (inflate ? 3 * this.mss : 0);
  }

  onDupAck(_now: Nanos): void {
    // RFC 5681 3.2 step 4: each further duplicate ACK means a segment left the network.
    this.cwnd += this.mss;
  }

  onPartialAck(acked: number, _now: Nanos): void {
    // RFC 6582 3.2 step 5: deflate by the amount acknowledged, add back one SMSS
    // if at least one SMSS was acknowledged.
    this.cwnd = Math.max(this.mss, this.cwnd - acked + (acked >= this.mss ? this.mss : 0));
  }

  onExitRecovery(now: Nanos, flight: number): void {
    // RFC 6582 3.2 step 4, option 1: min(ssthresh, max(FlightSize, SMSS) + SMSS).
    this.cwnd = Math.min(this.ssthresh, Math.max(flight, this.mss) + this.mss);
    this.enterAvoidance(now);
  }

  onRto(now: Nanos, flight: number, repeated: boolean): void {
    if (!repeated) this.ssthresh = this.reducedThreshold(now, flight);
    // RFC 5681 3.1: the loss window is one segment.
    this.cwnd = this.mss;
  }

  /** New ssthresh on a congestion event. */
  protected abstract reducedThreshold(now: Nanos, flight: number): number;
  /** Window growth once cwnd >= ssthresh. */
  protected abstract avoidance(acked: number, now: Nanos, srtt: number): void;
  /** Called when slow start ends or recovery completes. */
  protected enterAvoidance(_now: Nanos): void {}
}
