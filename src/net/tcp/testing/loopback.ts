// A two-endpoint loopback for tests: moves segments between two connections
// with a fixed one-way delay, calling dispatch and pollAt like a stack would.
// No sim kernel: a tiny event loop ordered by (time, insertion). Loss is
// injected here, by a predicate over segments, never inside the protocol.
import type { Nanos } from '../../../sim/units';
import type { TcpRepr } from '../../wire/types';
import type { TcpConnection } from '../connection';

export interface InFlight {
  at: number;
  order: number;
  to: 0 | 1;
  seg: TcpRepr;
}

export interface LoopbackOptions {
  /** One-way delay in ns. */
  delay: number;
  /** Return true to drop a segment sent by side `from` (0 = a, 1 = b). */
  drop?: (seg: TcpRepr, from: 0 | 1) => boolean;
  /** Extra delay in ns for one segment (reordering and jitter); default none. */
  extraDelay?: (seg: TcpRepr, from: 0 | 1) => number;
}

/** A deep copy of a repr (emitted reprs are reused by the sender). */
export function cloneSeg(seg: TcpRepr): TcpRepr {
  const o = seg.options;
  return {
    ...seg,
    options: {
      mss: o.mss,
      windowScale: o.windowScale,
      sackPermitted: o.sackPermitted,
      sackBlocks: o.sackBlocks?.map((b) => ({ left: b.left, right: b.right })),
      timestamps: o.timestamps ? { ...o.timestamps } : undefined,
    },
    payload: seg.payload.slice(),
  };
}

export class Loopback {
  now = 0;
  private order = 0;
  private queue: InFlight[] = [];
  readonly ends: [TcpConnection, TcpConnection];
  delivered = 0;
  private lastQueueLength = -1;
  dropped = 0;
  /** Listener side: a child created by process() replaces the listener as the endpoint. */
  constructor(a: TcpConnection, b: TcpConnection, private readonly opts: LoopbackOptions) {
    this.ends = [a, b];
  }

  private flush(side: 0 | 1): void {
    const c = this.ends[side];
    c.dispatch(this.now as Nanos, (seg) => {
      if (this.opts.drop?.(seg, side)) {
        this.dropped++;
        return;
      }
      const extra = this.opts.extraDelay?.(seg, side) ?? 0;
      this.queue.push({ at: this.now + this.opts.delay + extra, order: this.order++, to: side === 0 ? 1 : 0, seg: cloneSeg(seg) });
    });
  }

  /** Runs until `until` ns or until nothing is pending; `onStep` lets the test act as the application. */
  run(until: number, onStep?: (now: number) => void): void {
    let idle = 0;
    let lastNow = -1;
    for (let guard = 0; guard < 50_000_000; guard++) {
      // A connection whose pollAt() keeps saying "now" without emitting anything
      // would spin here: fail loudly instead.
      idle = this.now === lastNow && this.queue.length === this.lastQueueLength ? idle + 1 : 0;
      lastNow = this.now;
      this.lastQueueLength = this.queue.length;
      if (idle > 10_000) throw new Error(`loopback: no progress at ${this.now} ns`);
      onStep?.(this.now);
      this.flush(0);
      this.flush(1);
      const nextSeg = this.queue.length > 0 ? this.queue.reduce((m, e) => (e.at < m.at || (e.at === m.at && e.order < m.order) ? e : m)) : undefined;
      const nextTimer = Math.min(this.ends[0].pollAt(), this.ends[1].pollAt());
      const next = Math.min(nextSeg?.at ?? Infinity, nextTimer);
      if (next === Infinity || next > until) {
        this.now = Math.min(until, Math.max(this.now, next === Infinity ? until : this.now));
        return;
      }
      this.now = Math.max(this.now, next);
      if (nextSeg && nextSeg.at <= this.now) {
        this.queue.splice(this.queue.indexOf(nextSeg), 1);
        const target = this.ends[nextSeg.to];
        const child = target.process(nextSeg.seg, this.now as Nanos, { addr: nextSeg.to === 0 ? 2 : 1, port: nextSeg.seg.srcPort });
        if (child) this.ends[nextSeg.to] = child;
        this.delivered++;
      }
    }
    throw new Error('loopback: step guard exceeded');
  }
}
