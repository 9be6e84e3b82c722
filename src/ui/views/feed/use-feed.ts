// React binding of the views' feed: the feed's version, paced (use-paced-version.ts) so
// that a view whose DOM is costly redraws less often while the model runs rather than
// making frames late. `minIntervalMs` spaces redraws further, running or not (a heavy list).
import { views } from './binding';
import { usePacedVersion } from './use-paced-version';

const isRunning = () => views().feed.status === 'running';

export function useFeedVersion(minIntervalMs = 0): number {
  const { feed, frames, now } = views();
  return usePacedVersion(feed, { frames, now, running: isRunning }, { minIntervalMs });
}
