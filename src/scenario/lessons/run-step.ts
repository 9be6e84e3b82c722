// Runs one lesson step's scenario to its end and returns its figures as flat
// metrics (see metrics.ts): preset, then warmup, duration and seed, then the
// step's overrides in file order, each validated by the scenario schema. Pure:
// the same step gives the same figures (a run is a function of scenario and seed).
import { applyOverride, type Scenario, type ScenarioError } from '../schema';
import { presetScenario } from '../presets';
import { createRun, runResults } from '../run';
import type { LessonScenario } from './format';
import { flattenResult } from './metrics';

export type StepScenario = { ok: true; scenario: Scenario } | { ok: false; errors: ScenarioError[] };

export function stepScenario(spec: LessonScenario): StepScenario {
  const p = presetScenario(spec.preset);
  if (!p.ok) return p;
  let s = p.scenario;
  const assignments: [string, string][] = [
    ['warmupMs', '0'],
    ['durationMs', String(spec.durationMs)],
    ['warmupMs', String(spec.warmupMs)],
    ['seed', String(spec.seed)],
    ['configurations', spec.configurations.join(',')],
    ...Object.entries(spec.overrides).map(([k, v]): [string, string] => [k, String(v)]),
  ];
  for (const [path, raw] of assignments) {
    const r = applyOverride(s, path, raw);
    if (!r.ok) return r;
    s = r.scenario;
  }
  return { ok: true, scenario: s };
}

export type StepRun = { ok: true; metrics: Record<string, number> } | { ok: false; errors: ScenarioError[] };

export function runStep(spec: LessonScenario): StepRun {
  const s = stepScenario(spec);
  if (!s.ok) return s;
  const r = createRun(s.scenario);
  if (!r.ok) return r;
  r.run.runToEnd();
  const metrics: Record<string, number> = {};
  const results = runResults(r.run);
  for (const c of results.configurations) {
    const w = r.run.world(c.configuration);
    if (w) Object.assign(metrics, flattenResult(c, w.server.counters()));
  }
  return { ok: true, metrics };
}
