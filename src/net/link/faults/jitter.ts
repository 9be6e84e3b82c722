// Jitter on the medium: a chosen frame (probability `rate`) is delayed by a
// uniform extra delay in [0, maxNanos). With `preserveOrder` (the default, as on
// a real wire where frames cannot overtake each other) frames behind a delayed
// one wait for it; without it, delayed frames can be overtaken.
import type { EventHandler, Nanos, Rng, Simulator } from '../../../sim';
import { FramePool } from '../frame-pool';
import type { FrameSink } from '../frame-sink';

export interface JitterCounters {
  seen: number;
  delayed: number;
  /** Frames that waited only because an earlier one was delayed. */
  queuedBehind: number;
}

export class Jitter implements FrameSink, EventHandler {
  readonly counters: JitterCounters = { seen: 0, delayed: 0, queuedBehind: 0 };
  private readonly pool = new FramePool();
  private lastRelease = 0;
  private pending = 0;

  constructor(
    private readonly sim: Simulator,
    private readonly rng: Rng,
    public rate: number,
    /** May change while frames flow; with preserveOrder a shorter bound never lets a frame overtake a delayed one. */
    public maxNanos: Nanos,
    public next: FrameSink,
    readonly preserveOrder = true,
  ) {}

  receiveFrame(frame: Uint8Array): void {
    this.counters.seen += 1;
    const now = this.sim.now;
    let delay = 0;
    if (this.rate > 0 && this.rng.bernoulli(this.rate)) {
      delay = Math.floor(this.rng.next() * this.maxNanos);
      this.counters.delayed += 1;
    }
    let at = now + delay;
    if (this.preserveOrder) {
      if (delay === 0 && (this.pending > 0 || this.lastRelease > now)) this.counters.queuedBehind += 1;
      at = Math.max(at, this.lastRelease);
      this.lastRelease = at;
      if (at === now && this.pending === 0) {
        this.next.receiveFrame(frame);
        return;
      }
    } else if (delay === 0) {
      this.next.receiveFrame(frame);
      return;
    }
    this.pending += 1;
    this.sim.schedule(at as Nanos, this, 0, 0, this.pool.copyOf(frame));
  }

  onEvent(_kind: number, _arg: number, obj: unknown): void {
    const buf = obj as Uint8Array;
    this.pending -= 1;
    this.next.receiveFrame(buf);
    this.pool.give(buf);
  }
}
