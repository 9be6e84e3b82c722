// A run (DESIGN.md 1.1, 2.3): every configuration of a scenario as its own
// world, all seeded with the scenario's seed and advanced together on one
// clock. The run's time is the earliest of its worlds' times; advanceTo(t)
// brings every world to t, runFor(budget) advances them by time quanta with an
// event budget split fairly between them (a world that used less leaves the
// rest to the others), and step() runs the single earliest event across
// worlds, so a view can walk both configurations in one global order.
//
// Live changes (live.ts): applyLive(path, value) changes a live parameter in
// every world at its current position and logs it with those positions; a run
// created with that log (options.liveChanges) applies each change when a world
// reaches its logged position, so it reproduces the live run exactly. Every
// way of advancing (runFor, advanceTo, step, advanceWorldTo) stops a world at
// a pending change's position to apply it first.
import type { Nanos, RunBudget, RunResult } from '../../sim';
import type { Configuration, Scenario, ScenarioCosts } from '../schema';
import { buildWorld, type World, type WorldError, type WorldOptions } from '../world';
import { checkLog, canReach, type LiveChange, type LivePosition, type LiveValue } from './live';
import { LiveLog, type AppliedChange, type LiveResult } from './live-log';

export type { AppliedChange, LiveResult } from './live-log';

export interface RunCreateOptions extends WorldOptions {
  /** A change log to replay (Run.liveChanges of an earlier run of the same scenario and configurations). */
  readonly liveChanges?: readonly LiveChange[];
}

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

  /** The live change log and each world's progress through it (live-log.ts). */
  private readonly live: LiveLog;

  /** `scenario` is the one the run was built from; `current` has the live changes applied. */
  private constructor(readonly scenario: Scenario, worlds: World[], quantum: Nanos, log: readonly LiveChange[], after: Scenario[]) {
    this.worlds = worlds;
    this.wallMs = worlds.map(() => 0);
    this.end = worlds[0]!.end;
    this.quantum = quantum;
    this.live = new LiveLog(scenario, worlds, log, after);
  }

  static create(
    s: Scenario, costs: ScenarioCosts, configurations: readonly Configuration[], o: RunCreateOptions = {},
  ): { ok: true; run: Run } | { ok: false; error: WorldError } {
    if (configurations.length === 0) return { ok: false, error: { path: 'configurations', message: 'must name at least one configuration' } };
    const log = o.liveChanges ?? [];
    const checked = checkLog(s, log, configurations.length);
    if (!checked.ok) return { ok: false, error: { path: checked.error.path, message: checked.error.message } };
    const worlds: World[] = [];
    for (const c of configurations) {
      const w = buildWorld(s, c, costs, o);
      if (!w.ok) return w;
      worlds.push(w.world);
    }
    // A tenth of a sample interval, at least 1 µs: fine enough for views, coarse enough to be cheap.
    const q = Math.max(1000, Math.round((s.sampleIntervalMs * 1e6) / 10));
    const run = new Run(s, worlds, q as Nanos, log, checked.scenarios);
    // Changes logged at time zero, before any event, take effect now.
    for (let i = 0; i < worlds.length; i++) run.live.applyDue(i);
    return { ok: true, run };
  }

  /** The change log (copies): pass it to Run.create to rebuild this run. */
  get liveChanges(): readonly LiveChange[] {
    return this.live.changes;
  }

  /** Each world's live changes so far, with the time each took effect there (index as worlds). */
  get appliedChanges(): readonly (readonly AppliedChange[])[] {
    return this.live.appliedChanges;
  }

  /** The scenario with every logged change applied (what the controls show). */
  get current(): Scenario {
    return this.live.current;
  }

  /** World i's position. */
  position(i: number): LivePosition {
    const sim = this.worlds[i]!.sim;
    return { events: sim.eventsProcessed, nowNanos: sim.now };
  }

  /**
   * Changes a live parameter in every world at its current position and logs
   * it. A bad path or value, or a parameter that needs a restart, is an error
   * and leaves the run untouched. Editing history: log entries no world has
   * reached yet (the run was rebuilt to an earlier point) are dropped; one that
   * some worlds reached and others not yet is completed here, at the lagging
   * worlds' current positions, before the new change.
   */
  applyLive(path: string, value: LiveValue): LiveResult {
    return this.live.apply(path, value);
  }

  /**
   * Adds a change that lies at or ahead of every world's position and after
   * the last logged one (a copy of this run made before the change was applied
   * elsewhere must apply it when advanced past it). It takes effect when each
   * world reaches its position (at once for a world already there).
   */
  scheduleLive(change: LiveChange): LiveResult {
    return this.live.schedule(change);
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
    const timer = this.timer;
    if (timer === null) return this.live.runWorld(i, budget);
    const t0 = timer();
    const r = this.live.runWorld(i, budget);
    this.wallMs[i]! += timer() - t0;
    return r;
  }

  /**
   * Runs world i alone as Simulator.runFor would, except that it stops at each
   * pending live change's position to apply it. Callers that advance one
   * world at a time (a replay to a position) must use this, not world.sim.
   */
  runWorld(i: number, budget: RunBudget): RunResult {
    return this.slice(i, budget);
  }

  /**
   * Brings world i to exactly `pos` (a later position of the same run): events
   * up to pos.events, then its clock to pos.nowNanos, applying the changes on
   * the way. False when the world cannot reach it (it is already past it).
   */
  advanceWorldTo(i: number, pos: LivePosition): boolean {
    const sim = this.worlds[i]!.sim;
    if (!canReach(this.position(i), pos)) return false;
    const more = pos.events - sim.eventsProcessed;
    if (more > 0) this.slice(i, { maxEvents: more });
    // The clock moved past the last event only when a slice ran to an instant: every
    // event up to that instant had run, so this runs none and only sets the clock.
    if (sim.now < pos.nowNanos) this.slice(i, { until: pos.nowNanos as Nanos });
    return sim.eventsProcessed === pos.events;
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
    const bi = this.worlds.indexOf(best);
    // One event (a change due first at this world's position is applied before it).
    this.slice(bi, { maxEvents: 1 });
    // Worlds whose next event is later move their clocks to bt (running nothing), so the run's time is bt;
    // a world with an event at bt itself keeps it for the next step.
    this.worlds.forEach((w, i) => {
      if (w === best || w.sim.now >= bt) return;
      const t = w.sim.peekTime();
      if (t === undefined || t > bt) this.slice(i, { until: bt as Nanos });
    });
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

