// The connection's timers as deadlines in simulated time. A connection never
// schedules itself: `next()` is what pollAt() reports, and dispatch() fires
// whatever is due.
//
// The retransmission slot is a tagged deadline (one of 'idle', 'retransmit',
// 'persist'), mutated in place so re-arming on every ACK allocates nothing:
// - retransmit: RFC 6298 section 5, armed while data is outstanding;
// - persist: RFC 9293 3.8.6.1, armed while the peer's window is zero and we have
//   data, probing with exponential backoff (RFC 1122 4.2.2.17);
// delayed ACK (RFC 1122 4.2.3.2) and TIME-WAIT (2*MSL, RFC 9293 3.3.2) have
// their own deadlines.
import type { Nanos } from '../../sim/units';

export type RtxTimerKind = 'idle' | 'retransmit' | 'persist';

export interface RtxTimer {
  kind: RtxTimerKind;
  at: number;
}

export class Timers {
  readonly rtx: RtxTimer = { kind: 'idle', at: Infinity };
  /** Number of persist probes sent since the window closed (backoff exponent). */
  persistBackoff = 0;
  delayedAckAt = Infinity;
  timeWaitAt = Infinity;

  armRetransmit(now: Nanos, rto: number): void {
    this.rtx.kind = 'retransmit';
    this.rtx.at = now + rto;
  }

  /** Arms only if not already running (RFC 6298 (5.1)). */
  ensureRetransmit(now: Nanos, rto: number): void {
    if (this.rtx.kind !== 'retransmit') this.armRetransmit(now, rto);
  }

  armPersist(now: Nanos, rto: number, rtoMax: number): void {
    this.rtx.kind = 'persist';
    this.rtx.at = now + Math.min(rto * 2 ** this.persistBackoff, rtoMax);
  }

  stopRtx(): void {
    this.rtx.kind = 'idle';
    this.rtx.at = Infinity;
  }

  /** RFC 1122 4.2.3.2: the delay starts with the first unacknowledged segment. */
  armDelayedAck(now: Nanos, timeout: number): void {
    if (this.delayedAckAt === Infinity) this.delayedAckAt = now + timeout;
  }

  stopDelayedAck(): void {
    this.delayedAckAt = Infinity;
  }

  armTimeWait(now: Nanos, duration: number): void {
    this.timeWaitAt = now + duration;
  }

  next(): number {
    return Math.min(this.rtx.at, this.delayedAckAt, this.timeWaitAt);
  }

  clearAll(): void {
    this.stopRtx();
    this.stopDelayedAck();
    this.timeWaitAt = Infinity;
    this.persistBackoff = 0;
  }
}
