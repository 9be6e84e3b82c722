// How the A/B variant (B) follows the lab's live changes (issue 6 item 3 with item 4).
// B's worlds process other events than the lab's (another scenario), so a change cannot
// be replayed at the lab's event positions; it is applied at the same simulated instant
// instead: the lab's clock when the change took effect there (the earliest of its
// worlds' clocks, as the lab reports it). "Applied at instant t" means: every world of
// B has run every event at or before t, its clock stands at t, then Run.applyLive. B
// never runs ahead of the lab's clock, so t lies ahead of B or exactly where it stands.
//
// Contract: a LiveFollower holds the list of (instant, path, value) and how far one run
// has gone through it. Every way it advances the run (runFor, advanceTo) stops at the
// next change's instant to apply it, so B is a pure function of (variant scenario,
// seed, list): the same list gives the same states however the run is sliced. A change
// the variant refuses (its diff makes the path or value invalid) is kept as a refusal
// (path, instant, reason) and B runs on without it; nothing throws.
import type { Run } from '../../scenario';
import type { LiveChange, LiveValue } from '../../scenario/run';
import type { Nanos } from '../../sim';

/** A lab live change as B takes it: the lab's instant (ns), the parameter path and the value. */
export interface MeasureLiveChange {
  readonly nanos: number;
  readonly path: string;
  readonly value: LiveValue;
}

/** A change the variant did not take, and why. */
export interface LiveRefusal {
  readonly index: number;
  readonly nanos: number;
  readonly path: string;
  readonly message: string;
}

/** The lab's log (one position per world) as B takes it: each change at the lab's clock then, the earliest of its worlds' clocks. */
export function fromLabLog(log: readonly LiveChange[]): MeasureLiveChange[] {
  return log.map((c) => ({ nanos: c.at.length === 0 ? 0 : Math.min(...c.at.map((p) => p.nowNanos)), path: c.path, value: c.value }));
}

/** What the A/B panel says about changes the variant refused ('' when none). */
export function refusalText(refused: readonly LiveRefusal[]): string {
  return refused.map((r) => `The A/B variant refused the live change of ${r.path} at ${(r.nanos / 1e6).toFixed(3)} ms (${r.message}); B runs on without it.`).join(' ');
}

const sameChange = (a: MeasureLiveChange, b: MeasureLiveChange) => a.nanos === b.nanos && a.path === b.path && a.value === b.value;

/** How many leading entries two lists share. */
export function commonPrefix(a: readonly MeasureLiveChange[], b: readonly MeasureLiveChange[]): number {
  let k = 0;
  while (k < a.length && k < b.length && sameChange(a[k]!, b[k]!)) k++;
  return k;
}

/** The latest clock among a run's worlds (the run's own clock is the earliest). */
const latest = (run: Run) => Math.max(...run.worlds.map((w) => w.sim.now));

export class LiveFollower {
  private list: MeasureLiveChange[];
  /** Entries taken (applied or refused), in order. */
  private taken = 0;
  private readonly refusedList: LiveRefusal[] = [];

  constructor(changes: readonly MeasureLiveChange[]) {
    this.list = changes.map((c) => ({ ...c }));
  }

  get changes(): readonly MeasureLiveChange[] {
    return this.list;
  }

  get refused(): readonly LiveRefusal[] {
    return this.refusedList;
  }

  /**
   * Takes a new list for a run: true when the run can go on with it where it stands
   * (the list only changed in entries the run has not reached), false when the run
   * must be rebuilt and replayed with it (an entry it applied was dropped or changed,
   * or a new entry lies behind where one of its worlds stands).
   */
  replace(run: Run, changes: readonly MeasureLiveChange[]): boolean {
    const k = commonPrefix(this.list, changes);
    if (k < this.taken) return false;
    const at = latest(run);
    for (let j = k; j < changes.length; j++) if (changes[j]!.nanos < at) return false;
    this.list = changes.map((c) => ({ ...c }));
    this.applyDue(run);
    return true;
  }

  /** Run.runFor that stops at each pending change's instant to apply it there. */
  runFor(run: Run, budget: { maxEvents: number; until?: number }): number {
    let left = budget.maxEvents;
    let events = 0;
    this.applyDue(run);
    for (;;) {
      const next = this.list[this.taken];
      const until = Math.min(budget.until ?? Infinity, next?.nanos ?? Infinity);
      const r = run.runFor(until === Infinity ? { maxEvents: left } : { maxEvents: left, until: until as Nanos });
      events += r.events;
      left -= r.events;
      const before = this.taken;
      this.applyDue(run);
      // Stop when the budget is spent, the bound reached, or nothing moved.
      if (left <= 0 || this.taken === before || run.done) return events;
    }
  }

  /** Brings every world to `nanos` (capped at the end), applying each change on the way. */
  advanceTo(run: Run, nanos: number): void {
    const to = Math.min(nanos, run.end);
    this.applyDue(run);
    for (;;) {
      const next = this.list[this.taken];
      const stop = next === undefined ? to : Math.min(to, next.nanos);
      run.advanceTo(stop as Nanos);
      const before = this.taken;
      this.applyDue(run);
      if (this.taken === before || stop >= to) return;
    }
  }

  /** Applies every pending change whose instant all worlds have reached. */
  private applyDue(run: Run): void {
    for (;;) {
      const c = this.list[this.taken];
      if (c === undefined || run.now < c.nanos || c.nanos > run.end) return;
      // Every world stands at c.nanos (runs are bounded by it); events still pending at
      // that very instant run first, so "at t" means after everything at t.
      run.worlds.forEach((w, i) => { if (w.sim.now <= c.nanos) run.runWorld(i, { until: c.nanos as Nanos }); });
      const r = run.applyLive(c.path, c.value);
      if (!r.ok) this.refusedList.push({ index: this.taken, nanos: c.nanos, path: c.path, message: `${r.error.path}: ${r.error.message}` });
      this.taken += 1;
    }
  }
}
