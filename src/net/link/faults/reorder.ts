// Reordering on the medium: a chosen frame is held back until `holdFrames` later
// frames have overtaken it, or `holdNanos` have passed when the flow stops
// (whichever comes first), then delivered. Held frames are copies in a pool.
import type { EventHandler, EventId, Nanos, Rng, Simulator } from '../../../sim';
import { FramePool } from '../frame-pool';
import type { FrameSink } from '../frame-sink';

export interface ReorderCounters {
  seen: number;
  held: number;
  releasedByCount: number;
  releasedByTime: number;
}

interface Held {
  buf: Uint8Array;
  remaining: number;
  event: EventId;
}

export class Reordering implements FrameSink, EventHandler {
  readonly counters: ReorderCounters = { seen: 0, held: 0, releasedByCount: 0, releasedByTime: 0 };
  private readonly pool = new FramePool();
  private held: Held[] = [];

  constructor(
    private readonly sim: Simulator,
    private readonly rng: Rng,
    public rate: number,
    public next: FrameSink,
    public holdFrames = 3,
    /** Frames already held keep their release time when this changes; later ones use the new value. */
    public holdNanos: Nanos = 1_000_000 as Nanos,
  ) {}

  receiveFrame(frame: Uint8Array): void {
    this.counters.seen += 1;
    if (this.rate > 0 && this.rng.bernoulli(this.rate)) {
      this.counters.held += 1;
      const rec: Held = { buf: this.pool.copyOf(frame), remaining: Math.max(1, this.holdFrames), event: 0 };
      rec.event = this.sim.after(this.holdNanos, this, 0, 0, rec);
      this.held.push(rec);
      return;
    }
    this.next.receiveFrame(frame);
    if (this.held.length === 0) return;
    for (const rec of this.held) rec.remaining -= 1;
    while (this.held.length > 0 && this.held[0]!.remaining <= 0) {
      const rec = this.held.shift()!;
      this.sim.cancel(rec.event);
      this.counters.releasedByCount += 1;
      this.release(rec);
    }
  }

  onEvent(_kind: number, _arg: number, obj: unknown): void {
    const rec = obj as Held;
    const i = this.held.indexOf(rec);
    if (i < 0) return;
    this.held.splice(i, 1);
    this.counters.releasedByTime += 1;
    this.release(rec);
  }

  private release(rec: Held): void {
    this.next.receiveFrame(rec.buf);
    this.pool.give(rec.buf);
  }
}
