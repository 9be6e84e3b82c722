// Scenario files: export the whole scenario as pretty JSON (every value, so the file
// documents the run), import one with errors that name the offending field.
//
// Live changes (issue 6 item 3): when the model was changed while it ran, the file adds
// one top-level key beside the scenario's fields,
//   "liveChanges": [{ "path": "faults.wire.loss.rate", "value": 0.02,
//                     "at": [{ "events": 41234, "nowNanos": 15000000 }, ...] }, ...]
// each change with one position per configuration the page runs (events processed,
// then clock), in the order they were made. Importing replays them at those positions,
// as a shared link does. A file without the key is a scenario with no live change. A
// log that is malformed or does not fit the scenario (a restart parameter, a value out
// of range, positions out of order or of the wrong count) refuses the whole file, with
// an error naming the entry; the current scenario is kept.
import { parseScenario, scenarioToJson, type Scenario, type ScenarioError } from '../../scenario/schema';
import { checkLog, type LiveChange } from '../../scenario/run';
import { pageWorldCount } from './link-codec';

export type FileRead =
  | { ok: true; scenario: Scenario; liveChanges: readonly LiveChange[] }
  | { ok: false; summary: string; errors: readonly ScenarioError[] };

export const MAX_SCENARIO_FILE_BYTES = 1_000_000;
export const LIVE_CHANGES_KEY = 'liveChanges';
const MAX_LIVE_CHANGES = 1000;

const isObj = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

function readPosition(x: unknown): { events: number; nowNanos: number } | null {
  return isObj(x) && typeof x.events === 'number' && typeof x.nowNanos === 'number' ? { events: x.events, nowNanos: x.nowNanos } : null;
}

/** The log's entries, or the error naming the first bad one (path `liveChanges.<k>...`, k from 0). */
export function readLiveChanges(v: unknown, scenario: Scenario): { ok: true; log: LiveChange[] } | { ok: false; error: ScenarioError } {
  const err = (path: string, message: string) => ({ ok: false as const, error: { path, message } });
  if (!Array.isArray(v) || v.length > MAX_LIVE_CHANGES) return err(LIVE_CHANGES_KEY, `must be a list of at most ${MAX_LIVE_CHANGES} live changes`);
  const log: LiveChange[] = [];
  for (let k = 0; k < v.length; k++) {
    const e: unknown = v[k];
    const at = `${LIVE_CHANGES_KEY}.${k}`;
    if (!isObj(e) || typeof e.path !== 'string' || !Array.isArray(e.at)) return err(at, 'must be { path, value, at: [{ events, nowNanos }, ...] }');
    if (typeof e.value !== 'string' && typeof e.value !== 'number' && typeof e.value !== 'boolean') return err(`${at}.value`, 'must be a number, a string or true/false');
    const positions = e.at.map(readPosition);
    const bad = positions.findIndex((p) => p === null);
    if (bad >= 0) return err(`${at}.at.${bad}`, 'must be { events, nowNanos } with numbers');
    log.push({ path: e.path, value: e.value, at: positions as { events: number; nowNanos: number }[] });
  }
  const checked = checkLog(scenario, log, pageWorldCount(scenario));
  return checked.ok ? { ok: true, log } : err(checked.error.path, checked.error.message);
}

/** 'live change 2 (faults.wire.loss.rate)' for 'liveChanges.1.…', else the path itself. */
export function liveEntryName(path: string, log: unknown): string {
  const m = /^liveChanges\.(\d+)/.exec(path);
  if (!m) return path;
  const k = Number(m[1]);
  const entry: unknown = Array.isArray(log) ? log[k] : undefined;
  return `live change ${k + 1}${isObj(entry) && typeof entry.path === 'string' ? ` (${entry.path.slice(0, 80)})` : ''}`;
}

export function readScenarioFile(name: string, text: string): FileRead {
  if (text.length > MAX_SCENARIO_FILE_BYTES) {
    return { ok: false, summary: `${name} is too large for a scenario (over 1 MB); nothing was changed.`, errors: [] };
  }
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    body = undefined;
  }
  // The scenario is the document without its log (parseScenario reports JSON errors itself).
  const { [LIVE_CHANGES_KEY]: rawLog, ...fields } = isObj(body) ? body : {};
  const r = parseScenario(isObj(body) ? fields : text);
  if (!r.ok) {
    const n = r.errors.length;
    return { ok: false, summary: `${name} is not a valid scenario (${n} problem${n === 1 ? '' : 's'}); the current scenario is kept.`, errors: r.errors };
  }
  if (rawLog === undefined) return { ok: true, scenario: r.scenario, liveChanges: [] };
  const live = readLiveChanges(rawLog, r.scenario);
  if (!live.ok) {
    return {
      ok: false,
      summary: `${name} has a corrupt live change log: ${liveEntryName(live.error.path, rawLog)} ${live.error.path.replace(/^liveChanges\.\d+\.?/, '')} ${live.error.message}; the current scenario is kept.`.replace(/ {2,}/g, ' '),
      errors: [live.error],
    };
  }
  return { ok: true, scenario: r.scenario, liveChanges: live.log };
}

/** The file's text: the scenario with every value, and the live change log when there is one. */
export function scenarioFileText(s: Scenario, liveChanges: readonly LiveChange[] = []): string {
  if (liveChanges.length === 0) return scenarioToJson(s);
  const log = liveChanges.map((c) => ({ path: c.path, value: c.value, at: c.at.map((p) => ({ events: p.events, nowNanos: p.nowNanos })) }));
  return `${JSON.stringify({ ...s, [LIVE_CHANGES_KEY]: log }, null, 2)}\n`;
}

export function scenarioFileName(s: Scenario): string {
  return `${s.name.replace(/[^A-Za-z0-9.-]+/g, '-').replace(/^-|-$/g, '') || 'scenario'}.scenario.json`;
}
