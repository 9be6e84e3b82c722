// Test support: the store bound to a lab runtime whose worker is the real worker
// session in process, on a short native + offload scenario, stepped `steps` events in
// and settled; and its teardown. The frame clock does not run (tests publish figures
// to the store themselves when they need them). Tests only.
import { InProcessWorker } from '../../../worker/in-process-worker';
import { createLabRuntime, type LabRuntime } from '../../runtime/lab-runtime';
import { bindRuntime } from '../commands';
import { initialLabState, labStore } from '../store';

/** Polls `ok` every 5 ms, at most 2000 times; throws naming `what` if it never holds. */
export async function until(ok: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 2000 && !ok(); i++) await new Promise((r) => setTimeout(r, 5));
  if (!ok()) throw new Error(`timed out waiting for ${what}`);
}

/** A fresh store and runtime, the world built and `steps` events run. */
export async function startLiveRuntime(steps: number): Promise<LabRuntime> {
  labStore.setState(initialLabState(), true);
  const s = labStore.getState().scenario;
  labStore.setState({ scenario: { ...s, configurations: ['native', 'offload'], durationMs: 50, warmupMs: 5 } });
  const rt = createLabRuntime({ workerFactory: () => new InProcessWorker(), now: () => 0, scheduleFrame: () => {} });
  bindRuntime(rt);
  rt.client.start({ kind: 'scenario', seed: 1, scenario: labStore.getState().scenario, configurations: ['native', 'offload'] });
  await until(() => rt.client.status === 'paused' || rt.client.failure !== null, 'the world');
  if (rt.client.failure) throw new Error(rt.client.failure.message);
  rt.client.step(steps);
  await until(() => rt.client.settled, 'the steps');
  return rt;
}

export function stopLiveRuntime(rt: LabRuntime): void {
  rt.client.dispose();
  bindRuntime(null);
}
