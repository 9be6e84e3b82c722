// Building and finishing runs from a validated scenario: resolve its cost
// tables once, build one world per configuration, run to the end, collect the
// results; a sweep point is the same with the point's values applied first.
import type { Configuration, Scenario, ScenarioError } from '../schema';
import { resolvedCostsForScenario } from '../schema';
import type { WorldOptions } from '../world';
import { Run } from './run';
import { runResults, type RunResults } from './results';
import { scenarioForPoint, type SweepPoint } from './sweep';

export interface RunOptions extends WorldOptions {
  /** Configurations to run (default: the scenario's own list). */
  readonly configurations?: readonly Configuration[];
  // From WorldOptions: `capture` (a sink every world's server traffic and I2O
  // frames go to, from time 0) and `capturePoint` ('socket' | 'ip' | 'driver' |
  // 'wire'; default the sink's own point, else 'wire'; see world/capture.ts).
}

export type Outcome<T> = { ok: true } & T | { ok: false; errors: ScenarioError[] };

export function createRun(s: Scenario, o: RunOptions = {}): Outcome<{ run: Run }> {
  const costs = resolvedCostsForScenario(s);
  if (!costs.ok) return { ok: false, errors: costs.errors.map((e) => ({ path: `costs.overrides.${e.path}`, message: e.message })) };
  const r = Run.create(s, costs.costs, o.configurations ?? s.configurations, o);
  if (!r.ok) return { ok: false, errors: [r.error] };
  return { ok: true, run: r.run };
}

/** Builds and runs the scenario to its end; `progress(fraction)` after each slice. */
export function runScenario(s: Scenario, o: RunOptions = {}, progress?: (fraction: number) => void): Outcome<{ results: RunResults }> {
  const r = createRun(s, o);
  if (!r.ok) return r;
  r.run.runToEnd(progress);
  return { ok: true, results: runResults(r.run) };
}

export interface SweepPointResult {
  readonly point: SweepPoint;
  readonly results: RunResults;
}

/** One point of a sweep, independent of every other (a worker can run it alone). */
export function runSweepPoint(base: Scenario, point: SweepPoint, o: RunOptions = {}): Outcome<SweepPointResult> {
  const s = scenarioForPoint(base, point);
  if (!s.ok) return s;
  const r = runScenario(s.scenario, o);
  if (!r.ok) return r;
  return { ok: true, point, results: r.results };
}
