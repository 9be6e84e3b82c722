// NewReno: RFC 5681 slow start and congestion avoidance, RFC 6582 recovery
// (the partial-ACK handling lives in LossBasedCongestion and the connection's
// loss-recovery.ts).
import type { Nanos } from '../../../sim/units';
import { LossBasedCongestion } from './base';

export class NewReno extends LossBasedCongestion {
  readonly name = 'newreno' as const;
  /** Bytes acknowledged since cwnd last grew in congestion avoidance (RFC 3465). */
  private bytesAckedInAvoidance = 0;

  protected reducedThreshold(_now: Nanos, flight: number): number {
    // RFC 5681 (4): ssthresh = max(FlightSize / 2, 2*SMSS).
    return Math.max(Math.floor(flight / 2), 2 * this.mss);
  }

  protected avoidance(acked: number): void {
    // RFC 5681 3.1 (byte counting, RFC 3465): one SMSS per cwnd of data acknowledged.
    this.bytesAckedInAvoidance += acked;
    if (this.bytesAckedInAvoidance >= this.cwnd) {
      this.bytesAckedInAvoidance -= this.cwnd;
      this.cwnd += this.mss;
    }
  }

  protected override enterAvoidance(): void {
    this.bytesAckedInAvoidance = 0;
  }
}
