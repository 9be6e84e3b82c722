// Live changes of a run (issue 6 item 3): a parameter the schema marks `apply:
// 'live'` changed while the run goes on, recorded with the exact position of
// every world when it took effect, so the run stays a pure function of
// (scenario, seed, change log): Run.create replays a log and reaches the same
// states (same trace hashes) as the run it was recorded from.
//
// A change is checked as the controls check an edit (applyOverride: the
// parameter's type, range and variant, and the whole scenario again), plus:
// the parameter must be live (a restart parameter is refused, never applied
// as if it were live). Errors are values naming the field; nothing throws.
import { applyOverride, listParameters, schemaParameters, type Scenario } from '../schema';

/** Where one world stood when a change took effect: events it had processed and its clock. */
export interface LivePosition {
  readonly events: number;
  readonly nowNanos: number;
}

export type LiveValue = string | number | boolean;

export interface LiveChange {
  /** A scenario parameter path ('faults.wire.loss.rate'). */
  readonly path: string;
  readonly value: LiveValue;
  /** One position per world, in the run's configuration order. */
  readonly at: readonly LivePosition[];
}

export interface LiveError {
  readonly kind: 'live-error';
  /** The field at fault ('faults.wire.loss.rate', or 'liveChanges.2.at' for a bad log entry). */
  readonly path: string;
  readonly message: string;
}

export const liveError = (path: string, message: string): LiveError => ({ kind: 'live-error', path, message });

let livePaths: Set<string> | undefined;

/** The parameters a change may set live (the schema's `apply: 'live'` fields). */
export function liveParameterPaths(): ReadonlySet<string> {
  livePaths ??= new Set(schemaParameters().filter((p) => p.apply === 'live' && p.inList !== true).map((p) => p.path));
  return livePaths;
}

function textOf(v: LiveValue): string {
  return typeof v === 'string' ? v : String(v);
}

/** `s` with the change applied, or why it cannot be applied live. */
export function scenarioWithChange(s: Scenario, path: string, value: LiveValue): { ok: true; scenario: Scenario } | { ok: false; error: LiveError } {
  if (typeof value !== 'string' && typeof value !== 'boolean' && !(typeof value === 'number' && Number.isFinite(value))) {
    return { ok: false, error: liveError(path, 'must be a finite number, a string or true/false') };
  }
  const known = schemaParameters().some((p) => p.path === path) || path.startsWith('costs.');
  if (known && !liveParameterPaths().has(path)) {
    return { ok: false, error: liveError(path, 'cannot change while the model runs: a change restarts the run') };
  }
  const r = applyOverride(s, path, textOf(value));
  if (!r.ok) {
    const e = r.errors[0]!;
    return { ok: false, error: liveError(e.path === '' ? path : e.path, e.message) };
  }
  return { ok: true, scenario: r.scenario };
}

function getAt(o: unknown, path: string): unknown {
  let v = o;
  for (const k of path.split('.')) v = v !== null && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined;
  return v;
}

function fmt(v: unknown, unit: string): string {
  if (typeof v !== 'number') return String(v);
  if (unit === 'probability') return `${Number((v * 100).toPrecision(4))} %`;
  const n = String(Number(v.toPrecision(6)));
  return unit === '' || unit === 'ratio' ? n : `${n} ${unit}`;
}

/** A short line for the charts' time axis: 'loss rate 0 % → 1 %'. */
export function describeChange(before: Scenario, after: Scenario, path: string): string {
  const info = listParameters().find((p) => p.path === path);
  const unit = info?.unit ?? '';
  const name = path.split('.').slice(-2).join(' ').replace(/^wire |^workload /, '');
  return `${name} ${fmt(getAt(before, path), unit)} → ${fmt(getAt(after, path), unit)}`;
}

/** Whether a world at `a` can still reach `b` (neither its events nor its clock lie past b's). */
export function canReach(a: LivePosition, b: LivePosition): boolean {
  return a.events <= b.events && a.nowNanos <= b.nowNanos;
}

/**
 * Whether a change at `at` is due for a world at `pos`: it stands exactly
 * there, or (a replay that diverged, which a deterministic model never does)
 * has gone past it in events or time, where applying at once is the best left.
 */
export function isDue(at: LivePosition, pos: LivePosition): boolean {
  return pos.events > at.events || pos.nowNanos > at.nowNanos || (pos.events === at.events && pos.nowNanos === at.nowNanos);
}

/**
 * Checks a log against a base scenario and a world count: every entry a live
 * change valid at its turn, one position per world, positions in order. The
 * scenarios after each entry, or the first error (naming the entry).
 */
export function checkLog(base: Scenario, log: readonly LiveChange[], worlds: number): { ok: true; scenarios: Scenario[] } | { ok: false; error: LiveError } {
  const scenarios: Scenario[] = [];
  let s = base;
  for (let k = 0; k < log.length; k++) {
    const c = log[k]!;
    if (c.at.length !== worlds) return { ok: false, error: liveError(`liveChanges.${k}.at`, `must give ${worlds} positions (one per configuration), not ${c.at.length}`) };
    for (let i = 0; i < worlds; i++) {
      const p = c.at[i]!;
      if (!Number.isSafeInteger(p.events) || p.events < 0 || !Number.isSafeInteger(p.nowNanos) || p.nowNanos < 0) {
        return { ok: false, error: liveError(`liveChanges.${k}.at.${i}`, 'must be whole, non-negative events and nanoseconds') };
      }
      const prev = log[k - 1]?.at[i];
      if (prev !== undefined && !canReach(prev, p)) {
        return { ok: false, error: liveError(`liveChanges.${k}.at.${i}`, 'must not lie before the previous change\'s position') };
      }
    }
    const r = scenarioWithChange(s, c.path, c.value);
    if (!r.ok) return { ok: false, error: liveError(`liveChanges.${k}.${r.error.path}`, r.error.message) };
    s = r.scenario;
    scenarios.push(s);
  }
  return { ok: true, scenarios };
}
