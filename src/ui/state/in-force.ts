// The scenario in force at the position the page shows (issue 6 item 3 after a rewind).
// A live change log lists changes with one position per world; after Back or the
// scrubber the worlds stand before some of them. A change is in force when some world
// has reached it (isDue at that world's position): the same rule the run's LiveLog uses
// to decide which changes an edit made here keeps, so `laterCount` is exactly how many
// changes such an edit drops. Pure: a function of (scenario, log, positions).
//
// Positions unknown (no figures yet) count as "at the end": every change in force.
import { listParameters, type Scenario } from '../../scenario/schema';
import { checkLog, isDue, type LiveChange, type LivePosition, type LiveValue } from '../../scenario/run';
import { formatNanos, nanos } from '../../sim/units';

/** How many leading changes of the log are in force at `positions` (one per world, run order). */
export function changesInForce(log: readonly LiveChange[], positions: readonly LivePosition[] | null): number {
  if (positions === null || positions.length === 0) return log.length;
  let n = 0;
  while (n < log.length && log[n]!.at.some((at, i) => positions[i] !== undefined && isDue(at, positions[i]!))) n++;
  return n;
}

/** `base` with the first `count` changes of the log applied; `base` when the log does not fit it. */
export function scenarioAfter(base: Scenario, log: readonly LiveChange[], count: number): Scenario {
  if (count <= 0 || log.length === 0) return base;
  const r = checkLog(base, log.slice(0, count), log[0]!.at.length);
  return r.ok ? (r.scenarios[r.scenarios.length - 1] ?? base) : base;
}

/** The scenario in force at `positions`. */
export function scenarioInForce(base: Scenario, log: readonly LiveChange[], positions: readonly LivePosition[] | null): Scenario {
  return scenarioAfter(base, log, changesInForce(log, positions));
}

/** A change still ahead of the shown position, for the field it sets. */
export interface LaterChange {
  readonly path: string;
  readonly value: LiveValue;
  /** When it takes effect: the earliest clock among the worlds' positions. */
  readonly atNanos: number;
  /** 'changes to 2 % at 12.300 ms' (the first later change of the field). */
  readonly text: string;
}

/** A value as the page writes it: a probability as a percentage, a number with its unit. */
export function valueText(path: string, value: LiveValue): string {
  if (typeof value !== 'number') return String(value);
  const unit = listParameters().find((p) => p.path === path)?.unit ?? '';
  if (unit === 'probability') return `${Number((value * 100).toPrecision(4))} %`;
  const n = String(Number(value.toPrecision(6)));
  return unit === '' || unit === 'ratio' || unit === 'x' ? n : `${n} ${unit}`;
}

/** For each field set by a change after the first `inForce` ones: its next change. */
export function laterChanges(log: readonly LiveChange[], inForce: number): ReadonlyMap<string, LaterChange> {
  const out = new Map<string, LaterChange>();
  for (let k = Math.max(0, inForce); k < log.length; k++) {
    const c = log[k]!;
    if (out.has(c.path)) continue;
    const atNanos = Math.min(...c.at.map((p) => p.nowNanos));
    out.set(c.path, { path: c.path, value: c.value, atNanos, text: `changes to ${valueText(c.path, c.value)} at ${formatNanos(nanos(atNanos))}` });
  }
  return out;
}

/** What a live edit made at this position would drop (the history rule), as a note; '' when nothing. */
export function dropsText(laterCount: number): string {
  return laterCount <= 0 ? '' : `applying here drops ${laterCount} later change${laterCount === 1 ? '' : 's'}`;
}

// Store selectors (stable results, so React re-renders only when what is shown changes).

interface ShownInputs {
  readonly scenario: Scenario;
  readonly liveChanges: readonly LiveChange[];
  readonly liveScenario: Scenario | null;
  readonly live: { readonly figures: { readonly worlds?: readonly { readonly position: LivePosition }[] | undefined } } | null;
}

/** Where the shown worlds stand (null before the first figures). */
export function shownPositions(s: Pick<ShownInputs, 'live'>): readonly LivePosition[] | null {
  return s.live?.figures.worlds?.map((w) => w.position) ?? null;
}

/** How many changes of the store's log are in force where the page stands. */
export function inForceCount(s: Pick<ShownInputs, 'live' | 'liveChanges'>): number {
  return changesInForce(s.liveChanges, shownPositions(s));
}

let cache: { scenario: Scenario; log: readonly LiveChange[]; liveScenario: Scenario | null; count: number; shown: Scenario } | null = null;

/**
 * The scenario the controls show and edit: at the end of the log, the latest (with an
 * edit on its way to the worker); rewound, only the changes at or before the position.
 */
export function scenarioShownHere(s: ShownInputs): Scenario {
  const count = inForceCount(s);
  if (cache && cache.scenario === s.scenario && cache.log === s.liveChanges && cache.liveScenario === s.liveScenario && cache.count === count) return cache.shown;
  const shown = count >= s.liveChanges.length ? (s.liveScenario ?? s.scenario) : scenarioAfter(s.scenario, s.liveChanges, count);
  cache = { scenario: s.scenario, log: s.liveChanges, liveScenario: s.liveScenario, count, shown };
  return shown;
}
