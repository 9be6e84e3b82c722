// What opening a lesson step does to the lab: the step's scenario becomes the lab's
// scenario (so every view, chart and the configuration disclosure show it), its
// layers are highlighted, its view is chosen, and the machine model is started on
// it and played (left paused at zero when reduced motion is asked for). Also the welcome's choices and the reduced-motion flag.
import { stepScenario, type LessonStep } from '../../scenario/lessons';
import { labStore } from '../state/store';
import { setViewTab } from '../state/views-actions';
import { setView } from '../state/scenario-actions';
import { play, startScenario } from '../timeline/time-commands';

const VISITED_KEY = 'offload-lab.visited';

export function applyStep(id: string, index: number, step: LessonStep): string | null {
  const s = stepScenario(step.scenario);
  if (!s.ok) return s.errors.map((e) => `${e.path}: ${e.message}`).join('; ');
  const st = labStore.getState();
  labStore.setState({
    lesson: { id, step: index },
    highlightLayers: step.layers,
    scenario: s.scenario,
    presetName: step.scenario.preset,
    fieldErrors: {},
    notice: null,
    scenarioVersion: st.scenarioVersion + 1,
    showStateless: step.scenario.configurations.includes('stateless'),
  });
  if (step.view === 'charts') setView('charts');
  else setViewTab(step.view);
  startScenario();
  // With reduced motion the model waits at time zero: the person steps it (Event,
  // Crossing, Packet) or presses Play, so nothing moves on its own.
  if (!labStore.getState().reducedMotion) play();
  return null;
}

export function closeLesson(): void {
  labStore.setState({ lesson: null, highlightLayers: [] });
}

export function setReducedMotion(reducedMotion: boolean): void {
  if (labStore.getState().reducedMotion !== reducedMotion) labStore.setState({ reducedMotion });
}

/** The welcome opens on a first visit (nothing remembered) unless a link asked for something. */
export function openWelcomeIfFirstVisit(storage: Pick<Storage, 'getItem'> | null, hasLink: boolean): void {
  let visited = false;
  try { visited = storage?.getItem(VISITED_KEY) === '1'; } catch { visited = false; }
  if (!visited && !hasLink) labStore.setState({ welcomeOpen: true });
}

export function closeWelcome(storage: Pick<Storage, 'setItem'> | null): void {
  try { storage?.setItem(VISITED_KEY, '1'); } catch { /* private mode: the welcome shows again next time */ }
  labStore.setState({ welcomeOpen: false });
}

export function openWelcome(): void {
  labStore.setState({ welcomeOpen: true });
}
