// How the A/B variant (B) follows the lab's live changes (issue 6 item 3 with item 4).
// B's worlds process other events than the lab's (another scenario), so a change cannot
// be replayed at the lab's event positions; it is applied at the same simulated instant
// instead: the lab's clock when the change took effect there (the earliest of its
// worlds' clocks, as the lab reports it), and for a world of B whose configuration the
// lab runs too, that world's own clock then (the lab's worlds stand up to one quantum
// apart), so B's mark falls where A's does. "Applied at instant t" means: every world of
// B has run every event at or before its t, its clock stands there, then Run.applyLive.
// B never runs ahead of the lab's clock, so t lies ahead of B or exactly where it stands.
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
  /** Each lab world's instant by configuration (none below `nanos`); a configuration not named takes `nanos`. */
  readonly byConfiguration?: Readonly<Record<string, number>>;
}

/** A change the variant did not take, and why. */
export interface LiveRefusal {
  readonly index: number;
  readonly nanos: number;
  readonly path: string;
  readonly message: string;
}

/** The lab's log (one position per world) as B takes it: each change at the lab's clock then, the earliest of its worlds' clocks. */
export function fromLabLog(log: readonly LiveChange[], configurations: readonly string[] = []): MeasureLiveChange[] {
  return log.map((c) => {
    const nanos = c.at.length === 0 ? 0 : Math.min(...c.at.map((p) => p.nowNanos));
    const by = c.at.length === configurations.length ? Object.fromEntries(configurations.map((n, i) => [n, c.at[i]!.nowNanos])) : null;
    return { nanos, path: c.path, value: c.value, ...(by ? { byConfiguration: by } : {}) };
  });
}

/** Where world `configuration` takes change `c`. */
export const instantFor = (c: MeasureLiveChange, configuration: string): number => Math.max(c.nanos, c.byConfiguration?.[configuration] ?? c.nanos);

/** What the A/B panel says about changes the variant refused ('' when none). */
export function refusalText(refused: readonly LiveRefusal[]): string {
  return refused.map((r) => `The A/B variant refused the live change of ${r.path} at ${(r.nanos / 1e6).toFixed(3)} ms (${r.message}); B runs on without it.`).join(' ');
}

const sameInstants = (a: MeasureLiveChange, b: MeasureLiveChange) => {
  const ka = Object.keys(a.byConfiguration ?? {});
  return ka.length === Object.keys(b.byConfiguration ?? {}).length && ka.every((k) => a.byConfiguration![k] === b.byConfiguration?.[k]);
};
const sameChange = (a: MeasureLiveChange, b: MeasureLiveChange) => a.nanos === b.nanos && a.path === b.path && a.value === b.value && sameInstants(a, b);

/** How many leading entries two lists share. */
export function commonPrefix(a: readonly MeasureLiveChange[], b: readonly MeasureLiveChange[]): number {
  let k = 0;
  while (k < a.length && k < b.length && sameChange(a[k]!, b[k]!)) k++;
  return k;
}

/** Whether some world of the run stands past where it takes change `c`. */
const passed = (run: Run, c: MeasureLiveChange) => run.worlds.some((w) => w.sim.now > instantFor(c, w.configuration));

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
    for (let j = k; j < changes.length; j++) if (passed(run, changes[j]!)) return false;
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
      // Every world stands at c.nanos (runs are bounded by it); each goes on to its own
      // instant (at most a quantum on), events still pending at that very instant run
      // first, so "at t" means after everything at t.
      run.worlds.forEach((w, i) => {
        const t = Math.min(instantFor(c, w.configuration), run.end);
        if (w.sim.now <= t) run.runWorld(i, { until: t as Nanos });
      });
      const r = run.applyLive(c.path, c.value);
      if (!r.ok) this.refusedList.push({ index: this.taken, nanos: c.nanos, path: c.path, message: `${r.error.path}: ${r.error.message}` });
      this.taken += 1;
    }
  }
}
