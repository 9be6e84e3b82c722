// Retransmission timeout per RFC 6298: SRTT, RTTVAR and RTO from RTT samples,
// exponential backoff, and bounds rtoMin/rtoMax from the config.
//
// Contract: `sample(r)` takes one RTT measurement in nanoseconds. Karn's rule
// (RFC 6298 section 3) is the caller's to honour: it must not sample segments
// that were retransmitted unless the sample comes from a timestamp echo
// (RFC 7323 section 4). A new sample collapses the backoff (RFC 6298 (5.7)).
import type { Nanos } from '../../sim/units';

/** RFC 6298 (2.1)-(2.3): K = 4, alpha = 1/8, beta = 1/4. */
const K = 4;
const ALPHA = 1 / 8;
const BETA = 1 / 4;
/** Clock granularity G: our clock is in nanoseconds; 1 µs keeps RTTVAR meaningful. */
const GRANULARITY = 1000;

export class RttEstimator {
  /** Smoothed RTT in ns; 0 before the first sample. */
  srtt = 0;
  rttvar = 0;
  /** Base RTO in ns before backoff. */
  private baseRto: number;
  /** Number of consecutive backoffs (RFC 6298 (5.5)). */
  backoffCount = 0;
  samples = 0;
  private readonly rtoMin: number;
  private readonly rtoMax: number;

  constructor(rtoInitial: Nanos, rtoMin: Nanos, rtoMax: Nanos) {
    this.rtoMin = rtoMin;
    this.rtoMax = Math.max(rtoMin, rtoMax);
    this.baseRto = Math.min(Math.max(rtoInitial, 0), this.rtoMax);
  }

  /** The RTO in force: base << backoff, at most rtoMax (RFC 6298 (2.5), (5.5)). */
  get rto(): Nanos {
    // Whole nanoseconds: timers are events at integer times.
    return Math.ceil(Math.min(this.baseRto * 2 ** this.backoffCount, this.rtoMax)) as Nanos;
  }

  sample(r: number): void {
    const rtt = Math.max(0, r);
    if (this.samples === 0) {
      // RFC 6298 (2.2)
      this.srtt = rtt;
      this.rttvar = rtt / 2;
    } else {
      // RFC 6298 (2.3): RTTVAR first, with the old SRTT.
      this.rttvar = (1 - BETA) * this.rttvar + BETA * Math.abs(this.srtt - rtt);
      this.srtt = (1 - ALPHA) * this.srtt + ALPHA * rtt;
    }
    this.samples++;
    // RFC 6298 (2.4): round up to rtoMin; (2.5) cap at rtoMax.
    const rto = this.srtt + Math.max(GRANULARITY, K * this.rttvar);
    this.baseRto = Math.min(Math.max(rto, this.rtoMin), this.rtoMax);
    this.backoffCount = 0;
  }

  /**
   * RFC 6298 (5.7): after a SYN timed out, data transmission starts with an
   * RTO of at least 3 s unless an RTT sample has been taken since.
   */
  afterSynTimeout(): void {
    if (this.samples > 0) return;
    this.backoffCount = 0;
    this.baseRto = Math.min(Math.max(this.baseRto, 3e9), this.rtoMax);
  }

  /** RFC 6298 (5.5): double the timer after it expires. */
  backoff(): void {
    if (this.baseRto * 2 ** this.backoffCount < this.rtoMax) this.backoffCount++;
  }

}
