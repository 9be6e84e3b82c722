// The page's metric feed and its frame-clock binding. main.tsx binds the runtime's one
// frame clock; charts then re-render at most once per animation frame, only when the
// feed changed (no React state per sample), and while the model runs no more often than
// their measured cost allows (the views' redraw pacing).
import type { FrameClock } from '../runtime/frame-clock';
import { labStore } from '../state/store';
import { usePacedVersion } from '../views/feed/use-paced-version';
import { MetricFeed } from './metric-feed';
import type { RingSnapshot } from './sample-ring';

export const labFeed = new MetricFeed();

let clock: FrameClock | null = null;

export function bindChartClock(frames: FrameClock | null): void {
  clock = frames;
}

const wallClock = () => performance.now();
const modelRunning = () => labStore.getState().status === 'running';

/** The feed's version, updated at most once per animation frame and, while the model runs,
 *  paced by what the redraws cost (views/feed/use-paced-version.ts). */
export function useFeedVersion(feed: MetricFeed = labFeed): number {
  return usePacedVersion(feed, { frames: clock, now: wallClock, running: modelRunning });
}

const cache = new WeakMap<object, { version: number; snap: RingSnapshot }>();

/** A run's samples in time order, copied once per ring version however many charts read them. */
export function ringSnapshot(ring: { version: number; snapshot(): RingSnapshot }): RingSnapshot {
  const hit = cache.get(ring);
  if (hit && hit.version === ring.version) return hit.snap;
  const snap = ring.snapshot();
  cache.set(ring, { version: ring.version, snap });
  return snap;
}
