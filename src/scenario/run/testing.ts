// Helpers for the scenario tests: a preset with overrides, run to the end,
// results by configuration. Failing set-up throws (tests want a loud stop).
import type { Configuration, Scenario } from '../schema';
import { applyOverrides } from '../schema';
import { presetScenario } from '../presets';
import { runScenario } from './create';
import type { ConfigurationResult } from './results';

export function scenarioOf(preset: string, sets: readonly string[]): Scenario {
  const p = presetScenario(preset);
  if (!p.ok) throw new Error(`preset ${preset}: ${JSON.stringify(p.errors)}`);
  const s = applyOverrides(p.scenario, sets);
  if (!s.ok) throw new Error(`overrides: ${JSON.stringify(s.errors)}`);
  return s.scenario;
}

export function runConfigs(s: Scenario, configurations: readonly Configuration[]): Record<string, ConfigurationResult> {
  const r = runScenario(s, { configurations });
  if (!r.ok) throw new Error(`run: ${JSON.stringify(r.errors)}`);
  const out: Record<string, ConfigurationResult> = {};
  for (const c of r.results.configurations) out[c.configuration] = c;
  return out;
}
