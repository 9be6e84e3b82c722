// Module-level actions on the scenario slice (beside actions.ts): every change to the
// scenario goes through here. An edit is validated as a whole scenario; when it is
// refused the scenario stays as it was and the reason is kept beside the field. A
// corrupt link or a malformed file leaves the scenario intact and says why.
import { applyOverride, type Scenario } from '../../scenario/schema';
import { presetScenario } from '../../scenario/presets';
import { decodeLink, type Variant } from '../share/link-codec';
import { readScenarioFile } from '../share/scenario-file';
import type { PageNotice } from './scenario-slice';
import { labStore } from './store';

function accept(scenario: Scenario, presetName: string | null, extra: Partial<{ notice: PageNotice | null; fieldErrors: Record<string, string> }> = {}): void {
  const s = labStore.getState();
  labStore.setState({ scenario, presetName, scenarioVersion: s.scenarioVersion + 1, ...extra });
}

/** Sets one parameter from the text a control holds. Returns true when accepted. */
export function setParameter(path: string, raw: string): boolean {
  const s = labStore.getState();
  const r = applyOverride(s.scenario, path, raw);
  if (!r.ok) {
    const message = r.errors.map((e) => (e.path === path || e.path === '' ? e.message : `${e.path} ${e.message}`)).join('; ');
    labStore.setState({ fieldErrors: { ...s.fieldErrors, [path]: message } });
    return false;
  }
  const { [path]: _dropped, ...rest } = s.fieldErrors;
  accept(r.scenario, null, { fieldErrors: rest });
  return true;
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
  accept(r.state.scenario, null, { fieldErrors: {}, notice: { kind: 'info', text: 'Scenario, seed, configurations and view loaded from the link.' } });
  labStore.setState({ variant: r.state.variant, view: r.state.view });
  return 'applied';
}

/** Imports a scenario file's text; a malformed one leaves the scenario intact. */
export function importScenarioText(name: string, text: string): boolean {
  const r = readScenarioFile(name, text);
  if (!r.ok) {
    // Also beside each field the file got wrong (its value in the scenario is unchanged).
    const fieldErrors = { ...labStore.getState().fieldErrors };
    for (const e of r.errors) if (e.path !== '') fieldErrors[e.path] = `${e.message} in ${name}`;
    labStore.setState({ fieldErrors });
    setNotice({ kind: 'error', text: r.summary, details: r.errors });
    return false;
  }
  accept(r.scenario, null, { fieldErrors: {}, notice: { kind: 'info', text: `Loaded ${name}.` } });
  return true;
}
