// React binding of the feed: re-renders at most once per animation frame, and only when
// the feed changed (its version moved).
import { useEffect, useState } from 'react';
import { views } from './binding';

export function useFeedVersion(): number {
  const { feed, frames } = views();
  const [version, setVersion] = useState(feed.version);
  useEffect(() => {
    if (!frames) return feed.subscribe(() => setVersion(feed.version));
    return frames.subscribe(() => setVersion(feed.version));
  }, [feed, frames]);
  return version;
}
