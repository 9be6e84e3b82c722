// Binds the charts' measurements to the page. The lab's own world (A: the scenario the
// views show) feeds the charts from the simulation worker's stream (stream-binding.ts);
// here one MeasureClient on a real Web Worker runs the A/B variant (B) beside it, started
// with the store's scenario and variant (restarted when either changes or the lab's world
// restarts), running while the lab runs and never past the lab's simulated clock; when
// that clock goes back (Back, the scrubber), the variant is rewound to it; the lab's live
// changes (the store's liveChanges) reach the variant at the same simulated instants.
import { useEffect, useSyncExternalStore } from 'react';
import { useLab, labStore, type LabState } from '../state/store';
import { labFeed } from './feed-binding';
import { MeasureClient, type MeasureState, type MeasureStatus, type MeasureWorkerLike } from './measure-client';

let client: MeasureClient | null = null;

function measureClient(): MeasureClient {
  client ??= new MeasureClient(
    () => new Worker(new URL('./measure.worker.ts', import.meta.url), { type: 'module', name: 'offload-lab-measure' }) as unknown as MeasureWorkerLike,
    labFeed,
    () => performance.now(),
  );
  return client;
}

/** The lab's worlds, in the order of its live log's positions. */
const labConfigurations = (s: LabState): readonly string[] => (s.spec?.kind === 'scenario' ? s.spec.configurations : []);

/** B catches up with the lab's clock while the lab runs, and runs to its end once the lab's world ended. */
function follow(c: MeasureClient, s: LabState): void {
  const ended = s.status === 'ended';
  c.setHorizon(ended ? null : s.live?.figures.nowNanos ?? 0);
  c.setRunning(s.status === 'running' || s.status === 'paused' || ended);
}

/** Mount once (the workspace does): keeps the variant's measurement in step with the store. */
export function useMeasurement(): void {
  useEffect(() => {
    const c = measureClient();
    let last = labStore.getState();
    c.start(last.scenario, last.variant, last.liveChanges, labConfigurations(last));
    follow(c, last);
    return labStore.subscribe((s) => {
      const restarted = last.status !== 'starting' && s.status === 'starting';
      if (s.scenarioVersion !== last.scenarioVersion || s.variant !== last.variant || restarted) c.start(s.scenario, s.variant, s.liveChanges, labConfigurations(s));
      else if (s.liveChanges !== last.liveChanges || s.spec !== last.spec) c.setLive(s.liveChanges, labConfigurations(s));
      if (s.live !== last.live || s.status !== last.status || s.variant !== last.variant) follow(c, s);
      last = s;
    });
  }, []);
}

const IDLE: MeasureState = { status: 'idle', progress: null, error: null, variantLabel: null };

function useVariantState(): MeasureState {
  return useSyncExternalStore(
    (l) => measureClient().subscribe(l),
    () => client?.state ?? IDLE,
  );
}

const LAB_STATUS: Record<LabState['status'], MeasureStatus> = {
  idle: 'starting', starting: 'starting', paused: 'ready', running: 'running', ended: 'done', failed: 'failed',
};

/**
 * What the charts show, as one status: the lab's world (its clock and end) and, with an
 * A/B variant, the variant's run (done only when both are; its error beside).
 */
export function useMeasureState(): MeasureState {
  const b = useVariantState();
  const status = useLab((s) => s.status);
  const figures = useLab((s) => s.live?.figures ?? null);
  const failure = useLab((s) => s.failure);
  const isScenario = useLab((s) => s.spec?.kind === 'scenario');
  let st: MeasureStatus = isScenario ? LAB_STATUS[status] : 'starting';
  if (st === 'done' && b.variantLabel && b.status !== 'done' && b.status !== 'failed') st = 'running';
  const progress = figures && isScenario
    ? { nowNanos: figures.nowNanos, endNanos: figures.endNanos ?? 0, done: status === 'ended', events: figures.eventsProcessed }
    : null;
  return {
    status: st,
    progress,
    error: st === 'failed' ? failure?.message ?? 'The simulation stopped.' : b.error,
    variantLabel: b.variantLabel,
  };
}
