// Turns a `scenario` world spec into a validated scenario, its cost tables and the
// configurations the model can build (src/scenario), or a typed error.
//
// Contract: a preset name or scenario JSON (not both needed: JSON wins); the spec's
// seed and configurations replace the scenario's own. A configuration the model has
// no machine for yet is left out and named in `notes`, so the page can say so instead
// of failing the whole run; when none is left the result is an error. The spec's
// live changes (a shared link's log) travel on to Run.create, which checks them.
import {
  DEFAULT_BUILDERS, DEFAULT_PRESET, parseScenario, presetScenario, resolvedCostsForScenario,
  type CapturePoint, type Configuration, type Scenario,
} from '../scenario';
import type { ScenarioCosts } from '../scenario/schema';
import type { LiveChange } from '../scenario/run';
import type { WorldSpec } from './protocol';

export type ScenarioSpec = Extract<WorldSpec, { kind: 'scenario' }>;

export interface ResolvedScenario {
  readonly scenario: Scenario;
  readonly costs: ScenarioCosts;
  readonly configurations: readonly Configuration[];
  readonly notes: readonly string[];
  readonly title: string;
  /** Where each world captures (the spec's, default the wire). */
  readonly capturePoint: CapturePoint;
  /** Live changes to replay (the spec's, checked by Run.create against the scenario). */
  readonly liveChanges: readonly LiveChange[];
}

export function resolveScenario(spec: ScenarioSpec): ResolvedScenario | { kind: 'world-error'; message: string } {
  const parsed = spec.scenario !== undefined ? parseScenario(spec.scenario) : presetScenario(spec.preset ?? DEFAULT_PRESET);
  if (!parsed.ok) {
    const detail = parsed.errors.slice(0, 3).map((e) => `${e.path}: ${e.message}`).join('; ');
    return { kind: 'world-error', message: `the scenario is not valid: ${detail}` };
  }
  const notes: string[] = [];
  const configurations = spec.configurations.filter((c) => {
    const ok = DEFAULT_BUILDERS.servers[c] !== undefined;
    if (!ok) notes.push(`'${c}' is not shown: the machine model has no '${c}' server yet.`);
    return ok;
  });
  if (configurations.length === 0) return { kind: 'world-error', message: notes.join(' ') };
  const scenario: Scenario = { ...parsed.scenario, seed: spec.seed, configurations };
  const costs = resolvedCostsForScenario(scenario);
  if (!costs.ok) return { kind: 'world-error', message: `the scenario's cost tables: ${JSON.stringify(costs.errors).slice(0, 400)}` };
  const title = spec.scenario !== undefined ? 'Scenario' : `Preset ${spec.preset ?? DEFAULT_PRESET}`;
  // A copy: the world keeps its change log here and edits it as changes are applied.
  const liveChanges = [...(spec.liveChanges ?? [])];
  if (liveChanges.some((c) => c.at.length !== configurations.length)) {
    return { kind: 'world-error', message: `the live changes give positions for other configurations than the ${configurations.length} this world runs` };
  }
  return { scenario, costs: costs.costs, configurations, notes, title, capturePoint: spec.capturePoint ?? 'wire', liveChanges };
}
