// A run's live change log (live.ts) and how each world follows it: which
// changes each world has applied, the scenario after each change, and a slice
// of one world that stops at each pending change's exact position (events
// processed, then clock) to apply it there. Run (run.ts) owns one LiveLog and
// routes every way of advancing a world through runWorldLive.
import type { Nanos, RunBudget, RunResult } from '../../sim';
import type { Scenario } from '../schema';
import type { World } from '../world';
import {
  canReach, describeChange, isDue, liveError, scenarioWithChange,
  type LiveChange, type LiveError, type LivePosition, type LiveValue,
} from './live';

/** A live change as it took effect in one world, for the charts' time axis. */
export interface AppliedChange {
  readonly index: number;
  readonly t: Nanos;
  readonly label: string;
}

export type LiveResult = { ok: true; change: LiveChange; dropped: number } | { ok: false; error: LiveError };

export function copyChange(c: LiveChange): LiveChange {
  return { path: c.path, value: c.value, at: c.at.map((p) => ({ events: p.events, nowNanos: p.nowNanos })) };
}

const positionOf = (w: World): LivePosition => ({ events: w.sim.eventsProcessed, nowNanos: w.sim.now });

export class LiveLog {
  private log: LiveChange[];
  /** The scenario after each log entry (index as log). */
  private after: Scenario[];
  /** How many log entries each world has applied (index as worlds). */
  private readonly applied: number[];
  /** Each world's live changes so far, with the time each took effect there. */
  readonly appliedChanges: AppliedChange[][];

  /** `log` must have passed checkLog against `base`, which gave `after`. */
  constructor(private readonly base: Scenario, private readonly worlds: readonly World[], log: readonly LiveChange[], after: Scenario[]) {
    this.log = log.map(copyChange);
    this.after = after;
    this.applied = worlds.map(() => 0);
    this.appliedChanges = worlds.map(() => []);
  }

  get changes(): readonly LiveChange[] {
    return this.log.map(copyChange);
  }

  get current(): Scenario {
    return this.after[this.after.length - 1] ?? this.base;
  }

  /** World i's next change still to apply. */
  pending(i: number): LiveChange | undefined {
    return this.log[this.applied[i]!];
  }

  /** See Run.applyLive. */
  apply(path: string, value: LiveValue): LiveResult {
    const reached = Math.max(...this.applied);
    const next = scenarioWithChange(reached === 0 ? this.base : this.after[reached - 1]!, path, value);
    if (!next.ok) return next;
    const dropped = this.log.length - reached;
    this.log.length = reached;
    this.after.length = reached;
    this.worlds.forEach((w, i) => {
      // A change some worlds reached and this one not yet is completed here.
      const here = positionOf(w);
      for (let k = this.applied[i]!; k < reached; k++) this.log[k] = { ...this.log[k]!, at: this.log[k]!.at.map((p, j) => (j === i ? here : p)) };
      this.applyDue(i);
    });
    const change: LiveChange = { path, value, at: this.worlds.map(positionOf) };
    this.log.push(change);
    this.after.push(next.scenario);
    for (let i = 0; i < this.worlds.length; i++) this.applyDue(i);
    return { ok: true, change: copyChange(change), dropped };
  }

  /** See Run.scheduleLive. */
  schedule(change: LiveChange): LiveResult {
    const k = this.log.length;
    if (change.at.length !== this.worlds.length) {
      return { ok: false, error: liveError(`liveChanges.${k}.at`, `must give ${this.worlds.length} positions (one per configuration), not ${change.at.length}`) };
    }
    const next = scenarioWithChange(this.current, change.path, change.value);
    if (!next.ok) return { ok: false, error: { ...next.error, path: `liveChanges.${k}.${next.error.path}` } };
    for (let i = 0; i < this.worlds.length; i++) {
      const at = change.at[i]!;
      const here = positionOf(this.worlds[i]!);
      if (!canReach(here, at)) {
        return { ok: false, error: liveError(`liveChanges.${k}.at.${i}`, `lies behind ${this.worlds[i]!.configuration}'s position (${here.events} events): only a change ahead can be scheduled`) };
      }
      const prev = this.log[k - 1]?.at[i];
      if (prev !== undefined && !canReach(prev, at)) {
        return { ok: false, error: liveError(`liveChanges.${k}.at.${i}`, 'must not lie before the previous change\'s position') };
      }
    }
    this.log.push(copyChange(change));
    this.after.push(next.scenario);
    for (let i = 0; i < this.worlds.length; i++) this.applyDue(i);
    return { ok: true, change: copyChange(change), dropped: 0 };
  }

  /** Applies to world i every pending change whose position it stands at (or, after a divergence, has passed). */
  applyDue(i: number): void {
    const w = this.worlds[i]!;
    for (;;) {
      const k = this.applied[i]!;
      const c = this.log[k];
      if (c === undefined || !isDue(c.at[i]!, positionOf(w))) return;
      const before = k === 0 ? this.base : this.after[k - 1]!;
      const after = this.after[k]!;
      w.applyLive(after);
      this.applied[i] = k + 1;
      this.appliedChanges[i]!.push({ index: k, t: w.sim.now, label: describeChange(before, after, c.path) });
    }
  }

  /** World i's slice as Simulator.runFor, stopping at each pending change's position to apply it. */
  runWorld(i: number, budget: RunBudget): RunResult {
    const sim = this.worlds[i]!.sim;
    if (this.pending(i) === undefined) return sim.runFor(budget);
    const max = budget.maxEvents ?? Infinity;
    const until = budget.until ?? Infinity;
    let events = 0;
    for (;;) {
      const c = this.pending(i);
      if (c === undefined) {
        const r = sim.runFor(budget.until === undefined ? { maxEvents: max - events } : { maxEvents: max - events, until: budget.until });
        return { events: events + r.events, reason: r.reason };
      }
      const at = c.at[i]!;
      if (isDue(at, positionOf(this.worlds[i]!))) {
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
      if (isDue(at, positionOf(this.worlds[i]!))) {
        this.applyDue(i);
        continue;
      }
      return { events, reason: events >= max ? 'budget' : sim.now >= until ? 'until' : r.reason };
    }
  }
}
