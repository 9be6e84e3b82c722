// The scenario slice (added for the charts, controls, sharing and sweeps): the
// scenario the user has chosen (always valid), the preset it came from, errors of
// rejected edits by parameter path, a message for the whole page (a corrupt link, a
// malformed file), the A/B variant and the view. Data only; scenario-actions.ts writes it.
import { defaultScenario, type Scenario } from '../../scenario/schema';
import { DEFAULT_PRESET, presetScenario } from '../../scenario/presets';
import type { Variant } from '../share/link-codec';

export interface PageNotice {
  readonly kind: 'error' | 'info';
  readonly text: string;
  /** Field errors behind the notice (an imported file's), shown beside the fields. */
  readonly details?: readonly { path: string; message: string }[];
}

export interface ScenarioSlice {
  scenario: Scenario;
  presetName: string | null;
  /** Why the last edit of a field was refused, by parameter path. */
  fieldErrors: Readonly<Record<string, string>>;
  notice: PageNotice | null;
  variant: Variant | null;
  view: string;
  /** Bumped on every accepted scenario change (listeners restart or update the model). */
  scenarioVersion: number;
}

/** The lab opens on the default preset (the article's 2002 machine). */
export function initialScenario(): Scenario {
  const p = presetScenario(DEFAULT_PRESET);
  return p.ok ? p.scenario : defaultScenario();
}

export const initialScenarioSlice = (): ScenarioSlice => ({
  scenario: initialScenario(),
  presetName: DEFAULT_PRESET,
  fieldErrors: {},
  notice: null,
  variant: null,
  view: 'charts',
  scenarioVersion: 0,
});
