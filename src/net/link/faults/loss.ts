// Frame loss on the medium, as FrameSink wrappers. Each draws from its own rng
// stream (one per link direction and fault), so adding a fault elsewhere never
// shifts this one's draws.
import type { Rng } from '../../../sim';
import type { FrameSink } from '../frame-sink';

export interface LossCounters {
  seen: number;
  dropped: number;
}

/** Independent (Bernoulli) loss: each frame is dropped with probability `rate`. */
export class BernoulliLoss implements FrameSink {
  readonly counters: LossCounters = { seen: 0, dropped: 0 };

  /** `rate` may change while frames flow (a live scenario change); 0 draws nothing. */
  constructor(private readonly rng: Rng, public rate: number, public next: FrameSink) {}

  receiveFrame(frame: Uint8Array): void {
    this.counters.seen += 1;
    if (this.rate > 0 && this.rng.bernoulli(this.rate)) {
      this.counters.dropped += 1;
      return;
    }
    this.next.receiveFrame(frame);
  }
}

export interface GilbertElliottParams {
  /** P(good -> bad) per frame. */
  pGoodToBad: number;
  /** P(bad -> good) per frame; the mean burst length is 1 / pBadToGood frames. */
  pBadToGood: number;
  /** Loss probability in the good state (Gilbert's model: 0). */
  lossInGood: number;
  /** Loss probability in the bad state (Gilbert's model: 1). */
  lossInBad: number;
  /**
   * Longest time the chain may stay bad (default: unbounded, netem's semantics).
   * A finite value keeps a burst a burst in time too: on sparse traffic the
   * chain returns to good once the bad state has lasted this long.
   */
  maxBurstNanos?: number;
}

/**
 * Parameters for a Gilbert model with a given mean loss rate and mean burst
 * length (in frames): the bad state loses everything, the good state nothing.
 * Stationary P(bad) = p / (p + r) = rate, with r = 1 / meanBurst.
 */
export function gilbertForRate(rate: number, meanBurst: number, maxBurstNanos?: number): GilbertElliottParams {
  const r = 1 / Math.max(1, meanBurst);
  const p = rate >= 1 ? 1 : (rate * r) / (1 - rate);
  return { pGoodToBad: p, pBadToGood: r, lossInGood: 0, lossInBad: 1, maxBurstNanos };
}

/**
 * Bursty loss: a two-state Markov chain (Gilbert-Elliott), one step per frame,
 * as netem's `loss gemodel` and ns-3's burst error model do. A burst is counted
 * in frames, not time: on sparse traffic (a sender down to retransmissions
 * seconds apart) one burst can cover several retransmissions in a row, which at
 * high rates (10% with bursts of 4) is enough to time a connection out.
 */
export class GilbertElliottLoss implements FrameSink {
  readonly counters: LossCounters & { bursts: number; cutShort: number } = { seen: 0, dropped: 0, bursts: 0, cutShort: 0 };
  private bad = false;
  private badSince = 0;
  /**
   * False turns the chain off (a live switch to another loss model): frames
   * pass untouched and no draw is made, so the stream resumes where it was if
   * the chain is turned on again.
   */
  active = true;

  /** `clock` (the simulator) is needed only for `maxBurstNanos`. */
  constructor(
    private readonly rng: Rng,
    public params: GilbertElliottParams,
    public next: FrameSink,
    private readonly clock?: { readonly now: number },
  ) {}

  get inBadState(): boolean {
    return this.bad;
  }

  receiveFrame(frame: Uint8Array): void {
    if (!this.active) {
      this.next.receiveFrame(frame);
      return;
    }
    this.counters.seen += 1;
    const p = this.params;
    if (this.bad) {
      if (this.rng.bernoulli(p.pBadToGood)) this.bad = false;
      else if (p.maxBurstNanos !== undefined && this.clock !== undefined && this.clock.now - this.badSince > p.maxBurstNanos) {
        this.bad = false;
        this.counters.cutShort += 1;
      }
    } else if (this.rng.bernoulli(p.pGoodToBad)) {
      this.bad = true;
      this.badSince = this.clock?.now ?? 0;
      this.counters.bursts += 1;
    }
    const loss = this.bad ? p.lossInBad : p.lossInGood;
    if (loss > 0 && this.rng.bernoulli(loss)) {
      this.counters.dropped += 1;
      return;
    }
    this.next.receiveFrame(frame);
  }
}
