// Time control commands (issue 5 item 3): start a preset in the machine model, play at a
// speed, step by event / layer crossing / packet, step back, scrub to an instant. Buttons,
// keyboard shortcuts and the test API all come here.
//
// Step back pops the position saved before the last forward move and asks the worker to
// seek there: the worker replays the run, from the nearest checkpoint it keeps (a paused
// copy of the run, src/worker checkpoints.ts) or else from time zero, to the same
// per-configuration event counts, so the views show exactly what they showed then. The
// scrubber seeks to an instant the same way. An A/B variant follows the lab's clock
// (src/ui/charts measure-binding.ts): when it goes back, the variant is rewound to it.
import type { StepUnit, WorldSpec } from '../../worker';
import { labStore } from '../state/store';
import { setSpeed as storeSpeed } from '../state/views-actions';
import { views } from '../views/feed/binding';
import { PositionHistory } from './history';
import { SpeedLimiter } from './speed-limiter';

export const history = new PositionHistory();

export function scenarioSpec(): WorldSpec {
  const s = labStore.getState();
  const configurations: ('native' | 'stateless' | 'offload')[] = s.showStateless ? ['native', 'stateless', 'offload'] : ['native', 'offload'];
  return {
    kind: 'scenario', seed: s.scenario.seed, scenario: s.scenario, configurations, capturePoint: s.capturePoint,
    // The live changes made while the model ran (a link's): replayed at their positions.
    ...(s.liveChanges.length > 0 && s.liveChanges[0]!.at.length === configurations.length ? { liveChanges: s.liveChanges.map((c) => ({ ...c, at: [...c.at] })) } : {}),
  };
}

/** Starts (or restarts) the machine model on the chosen scenario, paused at time zero. */
export function startScenario(): void {
  history.clear();
  views().client?.start(scenarioSpec());
}

export function play(): void {
  views().client?.run();
}

export function pause(): void {
  views().client?.pause();
}

export function stepForward(unit: StepUnit = 'event', count = 1): void {
  views().client?.step(count, unit);
}

/** Back to where the last forward move started; false when there is nothing to go back to. */
export function stepBack(): boolean {
  const target = history.pop();
  if (!target) return false;
  views().client?.seek({ kind: 'position', worlds: target });
  return true;
}

export function seekTime(nanos: number): void {
  const p = views().feed.figures?.worlds?.map((w) => w.position);
  if (p) history.push(p);
  views().client?.seek({ kind: 'time', nanos: Math.max(0, Math.round(nanos)) });
}

export function setSpeed(nsPerSecond: number | null): void {
  storeSpeed(nsPerSecond);
  const b = views();
  b.client?.setRunLimiter(nsPerSecond === null ? null : new SpeedLimiter(nsPerSecond, b.now, b.scheduleFrame));
}

export function canStepBack(): boolean {
  return history.depth > 0;
}
