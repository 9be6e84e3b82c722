// React binding of the feed: re-renders at most once per animation frame (or once per
// `minIntervalMs` for heavy lists), and only when the feed changed (its version moved).
// A throttled view still shows a state the model was in, just a slightly older one, and
// catches up on the next frame after the feed stops changing.
import { useEffect, useState } from 'react';
import { views } from './binding';

export function useFeedVersion(minIntervalMs = 0): number {
  const { feed, frames } = views();
  const [version, setVersion] = useState(feed.version);
  useEffect(() => {
    if (!frames) return feed.subscribe(() => setVersion(feed.version));
    let last = -Infinity;
    let shown = feed.version;
    return frames.subscribe((ts) => {
      if (feed.version === shown) return;
      if (ts - last < minIntervalMs) {
        frames.request();
        return;
      }
      last = ts;
      shown = feed.version;
      setVersion(shown);
    });
  }, [feed, frames, minIntervalMs]);
  return version;
}
