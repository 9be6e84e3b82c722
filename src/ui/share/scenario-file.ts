// Scenario files: export the whole scenario as pretty JSON (every value, so the file
// documents the run), import one with errors that name the offending field.
import { parseScenario, scenarioToJson, type Scenario, type ScenarioError } from '../../scenario/schema';

export type FileRead = { ok: true; scenario: Scenario } | { ok: false; summary: string; errors: readonly ScenarioError[] };

export const MAX_SCENARIO_FILE_BYTES = 1_000_000;

export function readScenarioFile(name: string, text: string): FileRead {
  if (text.length > MAX_SCENARIO_FILE_BYTES) {
    return { ok: false, summary: `${name} is too large for a scenario (over 1 MB); nothing was changed.`, errors: [] };
  }
  const r = parseScenario(text);
  if (r.ok) return r;
  const n = r.errors.length;
  return { ok: false, summary: `${name} is not a valid scenario (${n} problem${n === 1 ? '' : 's'}); the current scenario is kept.`, errors: r.errors };
}

export function scenarioFileText(s: Scenario): string {
  return scenarioToJson(s);
}

export function scenarioFileName(s: Scenario): string {
  return `${s.name.replace(/[^A-Za-z0-9.-]+/g, '-').replace(/^-|-$/g, '') || 'scenario'}.scenario.json`;
}
