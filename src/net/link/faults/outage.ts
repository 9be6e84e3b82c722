// Link down and up: frames that reach the far end while the link is down are
// lost (a pulled cable loses what is on it). Outages are given as simulated-time
// intervals [down, up), and the link can also be forced down by hand.
import type { Nanos, Simulator } from '../../../sim';
import type { FrameSink } from '../frame-sink';

export interface OutageInterval {
  down: Nanos;
  up: Nanos;
}

export interface OutageCounters {
  seen: number;
  dropped: number;
}

export class Outage implements FrameSink {
  readonly counters: OutageCounters = { seen: 0, dropped: 0 };
  /** Forced down regardless of the schedule. */
  forcedDown = false;

  constructor(private readonly sim: Simulator, readonly intervals: readonly OutageInterval[], public next: FrameSink) {}

  /** Whether the link is down at time `t`. */
  isDownAt(t: number): boolean {
    if (this.forcedDown) return true;
    for (const iv of this.intervals) if (t >= iv.down && t < iv.up) return true;
    return false;
  }

  receiveFrame(frame: Uint8Array): void {
    this.counters.seen += 1;
    if (this.isDownAt(this.sim.now)) {
      this.counters.dropped += 1;
      return;
    }
    this.next.receiveFrame(frame);
  }
}
