// The simulator as a machine's components see it when they must not write the
// trace (the peer, machine/peer.ts): the same clock, events and random streams,
// and a trace of its own that is off. Processors are built on the simulator
// itself, so their ids stay unique per simulator.
import { TraceRing, type EventHandler, type EventId, type Nanos, type RunBudget, type RunResult, type Simulator } from '../../sim';

/**
 * The simulator as the peer's components see it: the same clock, events and
 * random streams, and a trace of its own that is off, so they record nothing.
 */
export class UntracedView {
  readonly trace = new TraceRing(1);
  readonly rng: Simulator['rng'];

  constructor(private readonly sim: Simulator) {
    this.trace.enabled = false;
    this.rng = sim.rng;
  }

  get now(): Nanos {
    return this.sim.now;
  }

  get eventsProcessed(): number {
    return this.sim.eventsProcessed;
  }

  get pending(): number {
    return this.sim.pending;
  }

  peekTime(): Nanos | undefined {
    return this.sim.peekTime();
  }

  schedule(at: Nanos, handler: EventHandler, kind = 0, arg = 0, obj?: unknown): EventId {
    return this.sim.schedule(at, handler, kind, arg, obj);
  }

  after(delay: Nanos, handler: EventHandler, kind = 0, arg = 0, obj?: unknown): EventId {
    return this.sim.after(delay, handler, kind, arg, obj);
  }

  call(at: Nanos, fn: (sim: Simulator) => void): EventId {
    return this.sim.call(at, fn);
  }

  cancel(id: EventId): void {
    this.sim.cancel(id);
  }

  step(): boolean {
    return this.sim.step();
  }

  runUntil(t: Nanos): void {
    this.sim.runUntil(t);
  }

  runFor(budget: RunBudget): RunResult {
    return this.sim.runFor(budget);
  }
}
