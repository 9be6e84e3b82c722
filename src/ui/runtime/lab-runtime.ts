// Wires the worker client, the live-figures ring, the frame clock and the store.
//
// Contract: the client's replies go into the ring (no React work per reply); the frame
// clock publishes one summary to the store per animation frame, and only when a reply
// or a status change arrived since the last one, and only when the summary differs from the
// one in the store; the parts that did not change keep their identity (structural-share.ts),
// so a component whose selected figure stayed the same does not re-render. Wall time is read here, in the UI
// layer, through the injected `now`, and nowhere below.
import { WorkerClient, type WorkerFactory } from '../../worker';
import { publishLive, setFailure, setStatus, setWorldReady } from '../state/actions';
import { labStore } from '../state/store';
import { AdaptiveBudget } from './adaptive-budget';
import { FrameClock, type FrameScheduler } from './frame-clock';
import { LiveFigures } from './live-figures';
import { shareEqual } from './structural-share';

export interface RuntimeDeps {
  workerFactory: WorkerFactory;
  now: () => number;
  scheduleFrame: FrameScheduler;
}

export interface LabRuntime {
  readonly client: WorkerClient;
  readonly live: LiveFigures;
  readonly frames: FrameClock;
  readonly budget: AdaptiveBudget;
  dispose(): void;
}

export function createLabRuntime(deps: RuntimeDeps): LabRuntime {
  const live = new LiveFigures();
  const frames = new FrameClock(deps.scheduleFrame);
  // The round trip includes the page's handling of each reply (views, charts): with a
  // scenario world streaming its trace that can exceed the target, and slices of a few
  // dozen events would then spend the time on per-reply overhead; a floor keeps them
  // worth their message.
  const budget = new AdaptiveBudget({ now: deps.now, targetMs: 30, minEvents: 4000, initialEvents: 8000 });
  const client = new WorkerClient(deps.workerFactory, budget, {
    status(status) {
      if (status === 'running') live.restartWindow();
      setStatus(status);
      frames.request();
    },
    ready(info, spec, figures) {
      setWorldReady(info, spec);
      live.clear();
      live.push(figures, deps.now());
      frames.request();
    },
    figures(figures) {
      live.push(figures, deps.now());
      frames.request();
    },
    failure(failure) {
      setFailure(failure);
    },
  });

  let publishedVersion = -1;
  let publishedStatus = '';
  const unsubscribe = frames.subscribe(() => {
    const status = labStore.getState().status;
    if (live.version === publishedVersion && status === publishedStatus) return;
    publishedVersion = live.version;
    publishedStatus = status;
    const prev = labStore.getState().live;
    const next = shareEqual(prev, live.summarize(deps.now(), status === 'running'));
    if (next !== prev) publishLive(next);
  });

  return {
    client, live, frames, budget,
    dispose() {
      unsubscribe();
      client.dispose();
    },
  };
}
