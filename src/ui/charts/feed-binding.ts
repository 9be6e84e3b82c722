// The page's metric feed and its frame-clock binding. main.tsx binds the runtime's one
// frame clock; charts then re-render at most once per animation frame, and only when
// the feed changed (no React state per sample).
import { useEffect, useState } from 'react';
import type { FrameClock } from '../runtime/frame-clock';
import { MetricFeed } from './metric-feed';
import type { RingSnapshot } from './sample-ring';

export const labFeed = new MetricFeed();

let clock: FrameClock | null = null;

export function bindChartClock(frames: FrameClock | null): void {
  clock = frames;
}

/** The feed's version, updated at most once per animation frame. */
export function useFeedVersion(feed: MetricFeed = labFeed): number {
  const [version, setVersion] = useState(feed.version);
  useEffect(() => {
    let seen = feed.version;
    const frames = clock;
    const publish = () => {
      const v = feed.version;
      if (v !== seen) { seen = v; setVersion(v); }
    };
    const unFrame = frames?.subscribe(publish);
    const unFeed = feed.subscribe(() => { if (frames) frames.request(); else publish(); });
    publish();
    return () => { unFrame?.(); unFeed(); };
  }, [feed]);
  return version;
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
