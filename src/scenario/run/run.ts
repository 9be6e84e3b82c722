// A run (DESIGN.md 1.1, 2.3): every configuration of a scenario as its own
// world, all seeded with the scenario's seed and advanced together on one
// clock. The run's time is the earliest of its worlds' times; advanceTo(t)
// brings every world to t, runFor(budget) advances them by time quanta with an
// event budget split fairly between them (a world that used less leaves the
// rest to the others), and step() runs the single earliest event across
// worlds, so a view can walk both configurations in one global order.
import type { Nanos, RunBudget, RunResult } from '../../sim';
import type { Configuration, Scenario, ScenarioCosts } from '../schema';
import { buildWorld, type World, type WorldError, type WorldOptions } from '../world';

export interface SliceResult {
  /** Events run in this slice, all worlds together. */
  readonly events: number;
  /** The run's time after the slice. */
  readonly now: Nanos;
  readonly done: boolean;
}

export class Run {
  readonly worlds: readonly World[];
  readonly end: Nanos;
  /** Simulated time per quantum of runFor (worlds never drift apart by more than this). */
  readonly quantum: Nanos;
  /**
   * A wall clock in ms, supplied by the host (the CLI passes process.hrtime):
   * when set, the time each world spends running is added to wallMs. The model
   * itself never reads a clock.
   */
  timer: (() => number) | null = null;
  /** Wall ms spent in each world's events (index as worlds), when a timer is set. */
  readonly wallMs: number[];

  private constructor(readonly scenario: Scenario, worlds: World[], quantum: Nanos) {
    this.worlds = worlds;
    this.wallMs = worlds.map(() => 0);
    this.end = worlds[0]!.end;
    this.quantum = quantum;
  }

  static create(
    s: Scenario, costs: ScenarioCosts, configurations: readonly Configuration[], o: WorldOptions = {},
  ): { ok: true; run: Run } | { ok: false; error: WorldError } {
    if (configurations.length === 0) return { ok: false, error: { path: 'configurations', message: 'must name at least one configuration' } };
    const worlds: World[] = [];
    for (const c of configurations) {
      const w = buildWorld(s, c, costs, o);
      if (!w.ok) return w;
      worlds.push(w.world);
    }
    // A tenth of a sample interval, at least 1 µs: fine enough for views, coarse enough to be cheap.
    const q = Math.max(1000, Math.round((s.sampleIntervalMs * 1e6) / 10));
    return { ok: true, run: new Run(s, worlds, q as Nanos) };
  }

  world(c: Configuration): World | undefined {
    return this.worlds.find((w) => w.configuration === c);
  }

  /** The run's clock: the earliest world time. */
  get now(): Nanos {
    let t = Infinity;
    for (const w of this.worlds) t = Math.min(t, w.sim.now);
    return t as Nanos;
  }

  get done(): boolean {
    return this.now >= this.end;
  }

  get events(): number {
    let n = 0;
    for (const w of this.worlds) n += w.sim.eventsProcessed;
    return n;
  }

  /** Runs every world to time t (capped at the end). */
  advanceTo(t: Nanos): SliceResult {
    const to = Math.min(t, this.end) as Nanos;
    let events = 0;
    this.worlds.forEach((w, i) => {
      if (w.sim.now < to) events += this.slice(i, { until: to }).events;
    });
    return { events, now: this.now, done: this.done };
  }

  /**
   * Runs a slice: at most budget.maxEvents events in all (split between the
   * worlds), up to budget.until (or the end). Worlds advance quantum by
   * quantum, so they stay within one quantum of each other.
   */
  runFor(budget: RunBudget): SliceResult {
    const until = Math.min(budget.until ?? Infinity, this.end);
    let left = budget.maxEvents ?? Infinity;
    let events = 0;
    while (left > 0) {
      const now = this.now;
      if (now >= until) break;
      const target = Math.min(until, now + this.quantum) as Nanos;
      let share = left === Infinity ? Infinity : Math.max(1, Math.floor(left / this.worlds.length));
      let progressed = false;
      for (let i = 0; i < this.worlds.length; i++) {
        const w = this.worlds[i]!;
        if (w.sim.now >= target) continue;
        const r = this.slice(i, { until: target, maxEvents: share });
        events += r.events;
        left -= r.events;
        if (r.reason !== 'budget' || r.events > 0) progressed = true;
        if (left <= 0) break;
        // What this world left unused goes to the others.
        if (left !== Infinity) share = Math.max(1, Math.floor(left / this.worlds.length));
      }
      if (!progressed) break;
    }
    return { events, now: this.now, done: this.done };
  }

  private slice(i: number, budget: RunBudget): RunResult {
    const sim = this.worlds[i]!.sim;
    const timer = this.timer;
    if (timer === null) return sim.runFor(budget);
    const t0 = timer();
    const r = sim.runFor(budget);
    this.wallMs[i]! += timer() - t0;
    return r;
  }

  /** Runs the earliest pending event across worlds (ties: configuration order); false when none is left before the end. */
  step(): boolean {
    let best: World | null = null;
    let bt = Infinity;
    for (const w of this.worlds) {
      const t = w.sim.peekTime();
      if (t !== undefined && t < bt && t <= this.end) {
        bt = t;
        best = w;
      }
    }
    if (best === null) return false;
    best.sim.step();
    // Worlds whose next event is later move their clocks to bt (running nothing), so the run's time is bt;
    // a world with an event at bt itself keeps it for the next step.
    for (const w of this.worlds) {
      if (w === best || w.sim.now >= bt) continue;
      const t = w.sim.peekTime();
      if (t === undefined || t > bt) w.sim.runUntil(bt as Nanos);
    }
    return true;
  }

  /** Runs to the end (in slices of `sliceEvents`, calling `progress` after each). */
  runToEnd(progress?: (fraction: number) => void, sliceEvents = 200_000): void {
    while (!this.done) {
      this.runFor({ maxEvents: sliceEvents });
      progress?.(this.now / this.end);
    }
  }
}
