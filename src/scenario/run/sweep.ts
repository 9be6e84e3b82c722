// Sweeps (issue 6 item 5): 1-D and 2-D (or more) grids over any numeric
// scenario path, each point an independent run of the full scenario with that
// point's values set, so points can be farmed out to a pool of workers and
// come back in any order. Axes are `path=from:to:steps` with `steps` points
// from `from` to `to` inclusive, evenly spaced; values of integer parameters
// are rounded. The grid is the cartesian product, the first axis slowest.
import type { Scenario } from '../schema';
import { applyOverride, listParameters, type ParseResult, type ScenarioError } from '../schema';

export interface SweepAxis {
  readonly path: string;
  readonly from: number;
  readonly to: number;
  readonly steps: number;
}

export interface SweepPoint {
  /** Position in the grid (row-major, first axis slowest). */
  readonly index: number;
  /** Index along each axis. */
  readonly coords: readonly number[];
  /** path -> value at this point. */
  readonly values: Readonly<Record<string, number>>;
}

const MAX_POINTS = 10_000;

/** Parses `path=from:to:steps`; errors name what is wrong. */
export function parseSweepAxis(text: string): { ok: true; axis: SweepAxis } | { ok: false; error: ScenarioError } {
  const eq = text.indexOf('=');
  if (eq <= 0) return { ok: false, error: { path: text, message: 'must be written path=from:to:steps (e.g. inic.iopClockMHz=200:1200:6)' } };
  const path = text.slice(0, eq).trim();
  const parts = text.slice(eq + 1).split(':');
  if (parts.length !== 3) return { ok: false, error: { path, message: `range must be from:to:steps, got '${text.slice(eq + 1)}'` } };
  const [from, to, steps] = parts.map((p) => Number(p.trim())) as [number, number, number];
  if (!Number.isFinite(from) || !Number.isFinite(to)) return { ok: false, error: { path, message: `from and to must be numbers, got '${parts[0]}' and '${parts[1]}'` } };
  if (!Number.isInteger(steps) || steps < 1 || steps > 1000) return { ok: false, error: { path, message: `steps must be a whole number from 1 to 1000, got '${parts[2]}'` } };
  return { ok: true, axis: { path, from, to, steps } };
}

/** Checks every axis against the scenario's parameters (numeric, known, in range at both ends). */
export function validateAxes(base: Scenario, axes: readonly SweepAxis[]): ScenarioError[] {
  const errors: ScenarioError[] = [];
  const seen = new Set<string>();
  for (const a of axes) {
    if (seen.has(a.path)) errors.push({ path: a.path, message: 'is swept twice' });
    seen.add(a.path);
    for (const v of [a.from, a.to]) {
      const r = applyOverride(base, a.path, String(roundFor(base, a.path, v)));
      if (!r.ok) {
        errors.push(...r.errors);
        break;
      }
    }
  }
  const n = axes.reduce((p, a) => p * a.steps, 1);
  if (n > MAX_POINTS) errors.push({ path: 'sweep', message: `has ${n} points; at most ${MAX_POINTS}` });
  return errors;
}

function roundFor(base: Scenario, path: string, v: number): number {
  const p = listParameters(base).find((q) => q.path === path);
  return p?.kind === 'integer' ? Math.round(v) : v;
}

/** The values of one axis. */
export function axisValues(base: Scenario, a: SweepAxis): number[] {
  const out: number[] = [];
  for (let i = 0; i < a.steps; i++) {
    const v = a.steps === 1 ? a.from : a.from + ((a.to - a.from) * i) / (a.steps - 1);
    out.push(roundFor(base, a.path, Number(v.toPrecision(12))));
  }
  return out;
}

export function sweepPoints(base: Scenario, axes: readonly SweepAxis[]): SweepPoint[] {
  const values = axes.map((a) => axisValues(base, a));
  const points: SweepPoint[] = [];
  const n = values.reduce((p, v) => p * v.length, 1);
  for (let index = 0; index < n; index++) {
    const coords: number[] = [];
    const vals: Record<string, number> = {};
    let rest = index;
    for (let k = axes.length - 1; k >= 0; k--) {
      const len = values[k]!.length;
      coords[k] = rest % len;
      rest = Math.floor(rest / len);
    }
    axes.forEach((a, k) => {
      vals[a.path] = values[k]![coords[k]!]!;
    });
    points.push({ index, coords, values: vals });
  }
  return points;
}

/** The scenario of one point: the base with the point's values set, in axis order. */
export function scenarioForPoint(base: Scenario, point: SweepPoint): ParseResult {
  let s = base;
  for (const [path, v] of Object.entries(point.values)) {
    const r = applyOverride(s, path, String(v));
    if (!r.ok) return r;
    s = r.scenario;
  }
  return { ok: true, scenario: s };
}
