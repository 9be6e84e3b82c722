// The congestion-control interface the connection drives. Windows are in bytes.
//
// Contract: the connection reports events; the algorithm owns cwnd and ssthresh.
// Loss recovery itself (which segment to resend) is the connection's
// (loss-recovery.ts, sack-recovery.ts); an algorithm only decides window sizes.
// Time comes from the `now` argument; an algorithm never reads a clock.
import type { Nanos } from '../../../sim/units';

export interface CongestionControl {
  readonly name: 'newreno' | 'cubic';
  /** Congestion window in bytes (the `window` of STYLE.md). */
  readonly cwnd: number;
  /** Slow-start threshold in bytes (Infinity until the first loss). */
  readonly ssthresh: number;
  /** The sender MSS became known (after the handshake) or changed. */
  setMss(mss: number): void;
  /** Restart from the loss window, RFC 5681 3.1: after a lost SYN, IW is one segment. */
  setInitialWindow(bytes: number): void;
  /** New data was acknowledged outside loss recovery. `srtt` in ns (0 if unknown). */
  onAck(ackedBytes: number, now: Nanos, srtt: number): void;
  /**
   * Loss detected by duplicate ACKs or SACK (RFC 5681 3.2, RFC 6675 5): reduce.
   * `inflate` adds the three segments of RFC 5681 step 2 (recovery without SACK).
   */
  onEnterRecovery(now: Nanos, flight: number, inflate: boolean): void;
  /** A further duplicate ACK in recovery without SACK (RFC 5681 3.2 step 4). */
  onDupAck(now: Nanos): void;
  /** RFC 6582 3.2 step 5: partial ACK deflation (without SACK). */
  onPartialAck(ackedBytes: number, now: Nanos): void;
  /** RFC 6582 3.2 step 4 / RFC 6675 5: recovery ended by a full ACK. */
  onExitRecovery(now: Nanos, flight: number): void;
  /**
   * RFC 5681 (4) and 3.1: retransmission timeout. `repeated` is true for a
   * further timeout of the same segment: ssthresh is then left alone.
   */
  onRto(now: Nanos, flight: number, repeated: boolean): void;
}
