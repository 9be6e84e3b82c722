// Binds the measurement to the page: one MeasureClient on a real Web Worker, started
// with the store's scenario (and restarted when it or the A/B variant changes, or when
// the lab is reset), running while the lab runs and pausing when it pauses.
import { useEffect, useSyncExternalStore } from 'react';
import { labStore } from '../state/store';
import { labFeed } from './feed-binding';
import { MeasureClient, type MeasureState, type MeasureWorkerLike } from './measure-client';

let client: MeasureClient | null = null;

/** The measurement runs while the lab runs, and goes on to its end if the lab's own world
 *  ended first (a scenario world in the simulation worker stops at its duration). */
const runs = (status: string) => status === 'running' || status === 'ended';

function measureClient(): MeasureClient {
  client ??= new MeasureClient(
    () => new Worker(new URL('./measure.worker.ts', import.meta.url), { type: 'module', name: 'offload-lab-measure' }) as unknown as MeasureWorkerLike,
    labFeed,
    () => performance.now(),
  );
  return client;
}

/** Mount once (the workspace does): keeps the measurement in step with the store. */
export function useMeasurement(): void {
  useEffect(() => {
    const c = measureClient();
    let last = labStore.getState();
    c.start(last.scenario, last.variant);
    c.setRunning(runs(last.status));
    return labStore.subscribe((s) => {
      const restarted = last.status !== 'starting' && s.status === 'starting';
      if (s.scenarioVersion !== last.scenarioVersion || s.variant !== last.variant || restarted) {
        c.start(s.scenario, s.variant);
        c.setRunning(runs(s.status));
      } else if (s.status !== last.status) {
        c.setRunning(runs(s.status));
      }
      last = s;
    });
  }, []);
}

const IDLE: MeasureState = { status: 'idle', progress: null, error: null, variantLabel: null };

export function useMeasureState(): MeasureState {
  return useSyncExternalStore(
    (l) => measureClient().subscribe(l),
    () => client?.state ?? IDLE,
  );
}
