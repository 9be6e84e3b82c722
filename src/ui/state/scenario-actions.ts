// Module-level actions on the scenario slice (beside actions.ts): every change to the
// scenario goes through here. An edit is validated as a whole scenario; when it is
// refused the scenario stays as it was and the reason is kept beside the field. A
// corrupt link or a malformed file leaves the scenario intact and says why.
//
// A change to a live parameter (the schema's `apply: 'live'`) while a world runs goes to
// the worker (WorkerClient.apply): the model goes on from where it is, the change log
// the worker returns is kept (links carry it), and the field shows when the change took
// effect or the worker's reason for refusing it. Any other change restarts the model from
// time zero on the scenario as shown (live changes folded in, the log cleared).
import { applyOverride, type Scenario } from '../../scenario/schema';
import { presetScenario } from '../../scenario/presets';
import { checkLog, liveParameterPaths, type LiveChange, type LiveValue } from '../../scenario/run';
import { decodeLink, type Variant } from '../share/link-codec';
import { readScenarioFile } from '../share/scenario-file';
import { boundRuntime } from './commands';
import { type PageNotice } from './scenario-slice';
import { inForceCount, scenarioShownHere } from './in-force';
import { labStore } from './store';

/** A new scenario to start from (restarts the model): the live change log starts empty. */
function accept(scenario: Scenario, presetName: string | null, extra: Partial<{ notice: PageNotice | null; fieldErrors: Record<string, string> }> = {}): void {
  const s = labStore.getState();
  labStore.setState({ scenario, presetName, scenarioVersion: s.scenarioVersion + 1, liveChanges: [], liveScenario: null, liveNotes: {}, ...extra });
}

function getAt(o: unknown, path: string): unknown {
  let v = o;
  for (const k of path.split('.')) v = v !== null && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined;
  return v;
}

/** The scenario with the log applied, or null for an empty or unusable log. */
function folded(base: Scenario, log: readonly LiveChange[]): Scenario | null {
  if (log.length === 0) return null;
  const r = checkLog(base, log, log[0]!.at.length);
  return r.ok ? r.scenarios[r.scenarios.length - 1]! : null;
}

/** The running scenario world a live change can go to, or null (none yet, or it failed). */
function liveClient() {
  const client = boundRuntime()?.client;
  if (!client || client.failure || client.currentSpec?.kind !== 'scenario') return null;
  return client;
}

/** Sets one parameter from the text a control holds. Returns true when accepted (a live one: sent to the model). */
export function setParameter(path: string, raw: string): boolean {
  const s = labStore.getState();
  // The value in force where the page stands (after a rewind, without the changes ahead).
  const r = applyOverride(scenarioShownHere(s), path, raw);
  if (!r.ok) {
    const message = r.errors.map((e) => (e.path === path || e.path === '' ? e.message : `${e.path} ${e.message}`)).join('; ');
    labStore.setState({ fieldErrors: { ...s.fieldErrors, [path]: message } });
    return false;
  }
  const { [path]: _dropped, ...rest } = s.fieldErrors;
  const client = liveParameterPaths().has(path) ? liveClient() : null;
  const value = getAt(r.scenario, path);
  if (client && (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean')) {
    applyLive(client, path, value, r.scenario, rest);
    return true;
  }
  accept(r.scenario, null, { fieldErrors: rest });
  return true;
}

function applyLive(client: NonNullable<ReturnType<typeof liveClient>>, path: string, value: LiveValue, shown: Scenario, fieldErrors: Record<string, string>): void {
  const s = labStore.getState();
  // Shown at once; the worker's answer confirms it (and says when) or takes it back.
  // Rewound before some changes, the edit drops them (the run's history rule): the
  // shown log loses them at once too, and gets them back if the worker refuses.
  const before = s.liveChanges;
  const here = inForceCount(s);
  const kept = here < before.length ? before.slice(0, here) : before;
  labStore.setState({ liveChanges: kept, liveScenario: shown, fieldErrors, liveNotes: { ...s.liveNotes, [path]: 'applying live…' }, presetName: null });
  void client.apply(path, value).then((res) => {
    const now = labStore.getState();
    const { [path]: _note, ...notes } = now.liveNotes;
    if (!res.ok) {
      const log = now.liveChanges === kept ? before : now.liveChanges;
      labStore.setState({
        liveChanges: log, liveScenario: folded(now.scenario, log), liveNotes: notes,
        fieldErrors: { ...now.fieldErrors, [path]: `${res.message.replace(`${path}: `, '')} (the model runs on unchanged)` },
      });
      return;
    }
    labStore.setState({ liveChanges: res.log, liveScenario: folded(now.scenario, res.log) ?? shown, liveNotes: { ...notes, [path]: `live: ${res.message}` } });
  });
}

/** Forgets a field's refused edit (the control went back to the scenario's value). */
export function clearFieldError(path: string): void {
  const { [path]: _dropped, ...rest } = labStore.getState().fieldErrors;
  labStore.setState({ fieldErrors: rest });
}

export function loadPreset(name: string): boolean {
  const r = presetScenario(name);
  if (!r.ok) {
    setNotice({ kind: 'error', text: r.errors.map((e) => e.message).join('; ') });
    return false;
  }
  accept(r.scenario, name, { fieldErrors: {}, notice: null });
  return true;
}

export function setNotice(notice: PageNotice | null): void {
  labStore.setState({ notice });
}

export function setVariant(variant: Variant | null): void {
  labStore.setState({ variant, scenarioVersion: labStore.getState().scenarioVersion + 1 });
}

export function setView(view: string): void {
  labStore.setState({ view });
}

/** Applies a link's state; a corrupt one leaves everything as it was and says why. */
export function applyLinkHash(hash: string): 'none' | 'applied' | 'rejected' {
  const r = decodeLink(hash);
  if (r === null) return 'none';
  if (!r.ok) {
    setNotice({ kind: 'error', text: r.error, ...(r.fieldErrors ? { details: r.fieldErrors } : {}) });
    return 'rejected';
  }
  const live = r.state.liveChanges ?? [];
  accept(r.state.scenario, null, {
    fieldErrors: {},
    notice: { kind: 'info', text: `Scenario, seed, configurations${live.length > 0 ? `, ${live.length} live change${live.length === 1 ? '' : 's'}` : ''} and view loaded from the link.` },
  });
  labStore.setState({ variant: r.state.variant, view: r.state.view, liveChanges: live, liveScenario: folded(r.state.scenario, live) });
  return 'applied';
}

/** Imports a scenario file's text; a malformed one leaves the scenario intact. */
export function importScenarioText(name: string, text: string): boolean {
  const r = readScenarioFile(name, text);
  if (!r.ok) {
    // Also beside each field the file got wrong (its value in the scenario is unchanged).
    const fieldErrors = { ...labStore.getState().fieldErrors };
    for (const e of r.errors) if (e.path !== '' && !e.path.startsWith('liveChanges')) fieldErrors[e.path] = `${e.message} in ${name}`;
    labStore.setState({ fieldErrors });
    setNotice({ kind: 'error', text: r.summary, details: r.errors });
    return false;
  }
  // The file's live changes replay at their positions, as a link's do.
  const live = r.liveChanges;
  accept(r.scenario, null, {
    fieldErrors: {},
    notice: { kind: 'info', text: `Loaded ${name}${live.length > 0 ? ` with ${live.length} live change${live.length === 1 ? '' : 's'}` : ''}.` },
  });
  if (live.length > 0) labStore.setState({ liveChanges: live, liveScenario: folded(r.scenario, live) });
  return true;
}
