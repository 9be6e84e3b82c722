// The discrete-event loop. Time is integer nanoseconds; events run in (time,
// insertion) order; the loop advances time only by jumping to the next event.
// Stepping is separate from whatever drives it (a worker slice, a test, the CLI):
// step() runs one event, runUntil(t) everything up to t, runFor(budget) a
// bounded slice and says why it stopped.
//
// Scheduling in the past, at a non-integer or non-finite time, is a programming
// error and throws RangeError: silently clamping would break causality.

import type { EventHandler } from './event-handler';
import { EventQueue, type EventId } from './event-queue';
import { RngStreams } from './rng';
import { TraceRing } from './trace-ring';
import type { Nanos } from './units';

export type { EventId };

export interface SimulatorOptions {
  seed: number;
  /** Trace ring capacity in records (default 65536). */
  traceCapacity?: number;
}

export interface RunBudget {
  /** Stop after this many events. */
  maxEvents?: number;
  /** Run events with time <= until, then set now = until. */
  until?: Nanos;
}

/**
 * Why a slice stopped: 'budget' when maxEvents ran; 'empty' when no event is
 * pending at all (now has still advanced to `until` if one was given); 'until'
 * when the next event lies beyond `until` (now = until).
 */
export interface RunResult {
  events: number;
  reason: 'budget' | 'until' | 'empty';
}

/** Latest schedulable time: integer ns stay exact below 2^53. */
const MAX_TIME = 2 ** 53 - 1;

function badTime(at: number, now: number): never {
  throw new RangeError(`Simulator: event time ${at} is before now (${now}), not an integer, or beyond 2^53 ns`);
}

/** Runs plain callbacks scheduled with call(): obj holds the function. */
const CALL_HANDLER: EventHandler = {
  onEvent(_kind, _arg, obj, sim) {
    (obj as (sim: Simulator) => void)(sim);
  },
};

export class Simulator {
  readonly rng: RngStreams;
  readonly trace: TraceRing;
  private readonly q = new EventQueue(1024);
  private t = 0;
  private processed = 0;

  constructor(opts: SimulatorOptions) {
    this.rng = new RngStreams(opts.seed);
    this.trace = new TraceRing(opts.traceCapacity ?? 65536);
  }

  get now(): Nanos {
    return this.t as Nanos;
  }

  get eventsProcessed(): number {
    return this.processed;
  }

  /** Live events waiting (cancelled ones excluded). */
  get pending(): number {
    return this.q.size;
  }

  /** Time of the next live event, or undefined when none is pending. */
  peekTime(): Nanos | undefined {
    const t = this.q.peekTime();
    return t < 0 ? undefined : (t as Nanos);
  }

  schedule(at: Nanos, handler: EventHandler, kind = 0, arg = 0, obj?: unknown): EventId {
    if (!(at >= this.t && at <= MAX_TIME) || at !== Math.floor(at)) badTime(at, this.t);
    return this.q.push(at, handler, kind, arg, obj);
  }

  after(delay: Nanos, handler: EventHandler, kind = 0, arg = 0, obj?: unknown): EventId {
    const at = this.t + delay;
    if (!(at >= this.t && at <= MAX_TIME) || at !== Math.floor(at)) badTime(at, this.t);
    return this.q.push(at, handler, kind, arg, obj);
  }

  /** Convenience for cold paths: runs fn(sim) at `at`. Allocates (the closure). */
  call(at: Nanos, fn: (sim: Simulator) => void): EventId {
    return this.schedule(at, CALL_HANDLER, 0, 0, fn);
  }

  /** O(1). Cancelling a fired, cancelled or unknown id does nothing. */
  cancel(id: EventId): void {
    this.q.cancel(id);
  }

  /** Run the next event; false when none is pending. */
  step(): boolean {
    const q = this.q;
    const t = q.peekTime();
    if (t < 0) return false;
    this.fire(q, t);
    return true;
  }

  /** Run every event with time <= t in (time, insertion) order, then set now = t. */
  runUntil(t: Nanos): void {
    this.runFor({ until: t });
  }

  /** Run a bounded slice: at most maxEvents events, none later than until. */
  runFor(budget: RunBudget): RunResult {
    const q = this.q;
    const max = budget.maxEvents ?? Infinity;
    const until = budget.until ?? Infinity;
    if (until < this.t) {
      throw new RangeError(`Simulator.runFor: until ${until} is before now (${this.t})`);
    }
    let events = 0;
    for (;;) {
      if (events >= max) return { events, reason: 'budget' };
      const slot = q.take(until);
      if (slot < 0) {
        if (until !== Infinity) this.t = until;
        return { events, reason: slot === -1 ? 'empty' : 'until' };
      }
      this.dispatch(q, slot, q.takenTime);
      events++;
    }
  }

  private fire(q: EventQueue, t: number): void {
    this.dispatch(q, q.popSlot(), t);
  }

  private dispatch(q: EventQueue, slot: number, t: number): void {
    const h = q.handler[slot]!;
    const kind = q.kind[slot]!;
    const arg = q.arg[slot]!;
    const obj = q.obj[slot];
    q.release(slot);
    this.t = t;
    this.processed++;
    h.onEvent(kind, arg, obj, this);
  }
}
