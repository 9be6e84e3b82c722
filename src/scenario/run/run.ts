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
import {
  canReach, checkLog, describeChange, isDue, liveError, scenarioWithChange,
  type LiveChange, type LiveError, type LivePosition, type LiveValue,
} from './live';

export interface RunCreateOptions extends WorldOptions {
  /** A change log to replay (Run.liveChanges of an earlier run of the same scenario and configurations). */
  readonly liveChanges?: readonly LiveChange[];
}

/** A live change as it took effect in one world, for the charts' time axis. */
export interface AppliedChange {
  readonly index: number;
  readonly t: Nanos;
  readonly label: string;
}

export type LiveResult = { ok: true; change: LiveChange; dropped: number } | { ok: false; error: LiveError };

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

  /** The change log: every live change in order, applied or still ahead of some world. */
  private log: LiveChange[] = [];
  /** The scenario after each log entry (index as log). */
  private after: Scenario[] = [];
  /** How many log entries each world has applied (index as worlds). */
  private readonly applied: number[];
  /** Each world's live changes so far, with the time each took effect there. */
  readonly appliedChanges: AppliedChange[][];

  /** `scenario` is the one the run was built from; `current` has the live changes applied. */
  private constructor(readonly scenario: Scenario, worlds: World[], quantum: Nanos) {
    this.worlds = worlds;
    this.wallMs = worlds.map(() => 0);
    this.end = worlds[0]!.end;
    this.quantum = quantum;
    this.applied = worlds.map(() => 0);
    this.appliedChanges = worlds.map(() => []);
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
    const run = new Run(s, worlds, q as Nanos);
    run.log = log.map(copyChange);
    run.after = checked.scenarios;
    // Changes logged at time zero, before any event, take effect now.
    for (let i = 0; i < worlds.length; i++) run.applyDue(i);
    return { ok: true, run };
  }

  /** The change log (copies): pass it to Run.create to rebuild this run. */
  get liveChanges(): readonly LiveChange[] {
    return this.log.map(copyChange);
  }

  /** The scenario with every logged change applied (what the controls show). */
  get current(): Scenario {
    return this.after[this.after.length - 1] ?? this.scenario;
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
    const reached = Math.max(...this.applied);
    const base = reached === 0 ? this.scenario : this.after[reached - 1]!;
    const next = scenarioWithChange(base, path, value);
    if (!next.ok) return next;
    const dropped = this.log.length - reached;
    this.log.length = reached;
    this.after.length = reached;
    for (let i = 0; i < this.worlds.length; i++) {
      const here = this.position(i);
      for (let k = this.applied[i]!; k < reached; k++) this.log[k] = { ...this.log[k]!, at: this.log[k]!.at.map((p, j) => (j === i ? here : p)) };
      this.applyDue(i);
    }
    const change: LiveChange = { path, value, at: this.worlds.map((_, i) => this.position(i)) };
    this.log.push(change);
    this.after.push(next.scenario);
    for (let i = 0; i < this.worlds.length; i++) this.applyDue(i);
    return { ok: true, change: copyChange(change), dropped };
  }

  /**
   * Adds a change that lies at or ahead of every world's position and after
   * the last logged one (a copy of this run made before the change was applied
   * elsewhere must apply it when advanced past it). It takes effect when each
   * world reaches its position (at once for a world already there).
   */
  scheduleLive(change: LiveChange): LiveResult {
    const k = this.log.length;
    const checked = checkLog(this.current, [change], this.worlds.length);
    if (!checked.ok) return { ok: false, error: { ...checked.error, path: checked.error.path.replace(/^liveChanges\.0/, `liveChanges.${k}`) } };
    for (let i = 0; i < this.worlds.length; i++) {
      const at = change.at[i]!;
      if (!canReach(this.position(i), at)) {
        return { ok: false, error: liveError(`liveChanges.${k}.at.${i}`, `lies behind ${this.worlds[i]!.configuration}'s position (${this.position(i).events} events): only a change ahead can be scheduled`) };
      }
      const prev = this.log[k - 1]?.at[i];
      if (prev !== undefined && !canReach(prev, at)) {
        return { ok: false, error: liveError(`liveChanges.${k}.at.${i}`, 'must not lie before the previous change\'s position') };
      }
    }
    this.log.push(copyChange(change));
    this.after.push(checked.scenarios[0]!);
    for (let i = 0; i < this.worlds.length; i++) this.applyDue(i);
    return { ok: true, change: copyChange(change), dropped: 0 };
  }

  /** Applies to world i every pending change whose position it stands at (or, after a divergence, has passed). */
  private applyDue(i: number): void {
    const w = this.worlds[i]!;
    for (;;) {
      const k = this.applied[i]!;
      const c = this.log[k];
      if (c === undefined || !isDue(c.at[i]!, this.position(i))) return;
      const before = k === 0 ? this.scenario : this.after[k - 1]!;
      const after = this.after[k]!;
      w.applyLive(after);
      this.applied[i] = k + 1;
      this.appliedChanges[i]!.push({ index: k, t: w.sim.now, label: describeChange(before, after, c.path) });
    }
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
    if (timer === null) return this.sliceLive(i, budget);
    const t0 = timer();
    const r = this.sliceLive(i, budget);
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

  /** World i's slice, stopping at each pending change's position to apply it. */
  private sliceLive(i: number, budget: RunBudget): RunResult {
    const sim = this.worlds[i]!.sim;
    const next = this.log[this.applied[i]!];
    if (next === undefined) return sim.runFor(budget);
    const max = budget.maxEvents ?? Infinity;
    const until = budget.until ?? Infinity;
    let events = 0;
    for (;;) {
      const c = this.log[this.applied[i]!];
      if (c === undefined) {
        const r = sim.runFor(budget.until === undefined ? { maxEvents: max - events } : { maxEvents: max - events, until: budget.until });
        return { events: events + r.events, reason: r.reason };
      }
      const at = c.at[i]!;
      if (isDue(at, this.position(i))) {
        this.applyDue(i);
        continue;
      }
      // Up to the change's event count, never past its instant nor the budget's.
      const r = sim.runFor({ maxEvents: Math.min(max - events, at.events - sim.eventsProcessed), until: Math.min(until, at.nowNanos) as Nanos });
      events += r.events;
      if (sim.eventsProcessed === at.events && sim.now < at.nowNanos) {
        // The recorded run's clock moved on from here to the change's instant with no
        // event between (every event up to it had run), so this runs none and only
        // moves the clock, as far as the budget allows.
        const to = Math.min(until, at.nowNanos);
        if (to !== Infinity && sim.now < to) sim.runFor({ until: to as Nanos });
      }
      if (isDue(at, this.position(i))) {
        this.applyDue(i);
        continue;
      }
      return { events, reason: events >= max ? 'budget' : sim.now >= until ? 'until' : r.reason };
    }
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

function copyChange(c: LiveChange): LiveChange {
  return { path: c.path, value: c.value, at: c.at.map((p) => ({ events: p.events, nowNanos: p.nowNanos })) };
}
