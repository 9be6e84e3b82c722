// The scenario slice (added for the charts, controls, sharing and sweeps): the
// scenario the user has chosen (always valid), the preset it came from, errors of
// rejected edits by parameter path, a message for the whole page (a corrupt link, a
// malformed file), the A/B variant and the view. Data only; scenario-actions.ts writes it.
//
// Live changes: `scenario` is the scenario the model was started from (a change to it
// restarts the model); `liveChanges` is the log of live parameter changes the running
// world has applied since, with their positions, and `liveScenario` the scenario with
// them all applied; the controls show the values in force at the shown position
// (in-force.ts). Links and scenario files carry both, so they replay the same run.
import { defaultScenario, type Scenario } from '../../scenario/schema';
import type { LiveChange } from '../../scenario/run';
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
  /** The running world's live change log (empty: none). */
  liveChanges: readonly LiveChange[];
  /** `scenario` with every live change of the log applied (the latest values; the controls
   *  show the values in force at the shown position: in-force.ts); null when there are none. */
  liveScenario: Scenario | null;
  /** Beside each live field: when its last change took effect, or that it is on its way. */
  liveNotes: Readonly<Record<string, string>>;
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
  liveChanges: [],
  liveScenario: null,
  liveNotes: {},
});
