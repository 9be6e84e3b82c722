// From parsed options to a validated scenario: a preset (default
// 2002-gigabit) or a scenario file, then --seed, --duration, --config and the
// --set overrides in order. Every failure names the flag and the path.
import {
  applyOverride, CONFIGURATIONS, DEFAULT_PRESET, parseScenario, PRESET_NAMES, presetScenario,
  type Configuration, type Scenario, type ScenarioError,
} from '../scenario';
import type { CliOptions } from './args';

export type Loaded = { ok: true; scenario: Scenario; configurations: Configuration[] } | { ok: false; error: string };

const describe = (flag: string, errors: readonly ScenarioError[]): string =>
  errors.map((e) => `${flag}: ${e.path} ${e.message}`).join('\n');

export function scenarioFromOptions(o: CliOptions, readFile: (path: string) => string): Loaded {
  let s: Scenario;
  if (o.scenarioFile !== null) {
    let text: string;
    try {
      text = readFile(o.scenarioFile);
    } catch (e) {
      return { ok: false, error: `--scenario: cannot read '${o.scenarioFile}': ${(e as Error).message}` };
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (e) {
      return { ok: false, error: `--scenario: '${o.scenarioFile}' is not valid JSON: ${(e as Error).message}` };
    }
    const p = parseScenario(json);
    if (!p.ok) return { ok: false, error: describe(`--scenario ${o.scenarioFile}`, p.errors) };
    s = p.scenario;
  } else {
    const name = o.preset ?? DEFAULT_PRESET;
    if (!PRESET_NAMES.includes(name)) return { ok: false, error: `--preset: unknown preset '${name}' (known: ${PRESET_NAMES.join(', ')})` };
    const p = presetScenario(name);
    if (!p.ok) return { ok: false, error: describe(`--preset ${name}`, p.errors) };
    s = p.scenario;
  }
  const set = (flag: string, path: string, value: string): string | null => {
    const r = applyOverride(s, path, value);
    if (!r.ok) return describe(flag, r.errors);
    s = r.scenario;
    return null;
  };
  if (o.seed !== null) {
    const e = set('--seed', 'seed', String(o.seed));
    if (e !== null) return { ok: false, error: e };
  }
  if (o.durationMs !== null) {
    // Keep the warmup inside the run: a tenth of it when the scenario's does not fit.
    if (s.warmupMs >= o.durationMs) {
      const e = set('--duration', 'warmupMs', String(o.durationMs / 10));
      if (e !== null) return { ok: false, error: e };
    }
    const e = set('--duration', 'durationMs', String(o.durationMs));
    if (e !== null) return { ok: false, error: e };
  }
  for (const a of o.sets) {
    const eq = a.indexOf('=');
    const e = set(`--set ${a}`, a.slice(0, eq).trim(), a.slice(eq + 1));
    if (e !== null) return { ok: false, error: e };
  }
  let configurations = [...s.configurations] as Configuration[];
  if (o.configurations !== null) {
    const bad = o.configurations.filter((c) => !(CONFIGURATIONS as readonly string[]).includes(c));
    if (bad.length > 0) return { ok: false, error: `--config: unknown configuration '${bad[0]}' (known: ${CONFIGURATIONS.join(', ')})` };
    if (new Set(o.configurations).size !== o.configurations.length) return { ok: false, error: '--config: a configuration is named twice' };
    configurations = o.configurations as Configuration[];
  }
  return { ok: true, scenario: s, configurations };
}
