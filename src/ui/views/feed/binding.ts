// Binds the views to the page's runtime: the feed they draw from, the worker client
// their time controls drive, and the frame clock they redraw on. main.tsx binds once;
// tests may bind their own. Also exposes `window.__offloadLabViews`, a read-only test API.
import type { WorkerClient } from '../../../worker';
import type { FrameClock } from '../../runtime/frame-clock';
import { ViewFeed } from './view-feed';

export interface ViewBinding {
  readonly feed: ViewFeed;
  readonly client: WorkerClient | null;
  readonly frames: FrameClock | null;
  /** Wall clock in ms (performance.now on the page). */
  readonly now: () => number;
  readonly scheduleFrame: (cb: () => void) => void;
}

let binding: ViewBinding = { feed: new ViewFeed(), client: null, frames: null, now: () => 0, scheduleFrame: (cb) => cb() };

export function bindViews(
  client: WorkerClient, frames: FrameClock, now: () => number, scheduleFrame: (cb: () => void) => void, feed = new ViewFeed(),
): ViewBinding {
  client.addListener(feed.listener);
  feed.subscribe(() => frames.request());
  binding = { feed, client, frames, now, scheduleFrame };
  return binding;
}

export function views(): ViewBinding {
  return binding;
}
