// Duplication on the medium: a chosen frame is delivered twice, back to back.
import type { Rng } from '../../../sim';
import type { FrameSink } from '../frame-sink';

export interface DuplicationCounters {
  seen: number;
  duplicated: number;
}

export class Duplication implements FrameSink {
  readonly counters: DuplicationCounters = { seen: 0, duplicated: 0 };

  constructor(private readonly rng: Rng, public rate: number, public next: FrameSink) {}

  receiveFrame(frame: Uint8Array): void {
    this.counters.seen += 1;
    this.next.receiveFrame(frame);
    if (this.rate > 0 && this.rng.bernoulli(this.rate)) {
      this.counters.duplicated += 1;
      this.next.receiveFrame(frame);
    }
  }
}
