// React binding of the feed: re-renders at most once per animation frame, only when the
// feed changed (its version moved), and, while the model runs, paced by a RedrawPacer so
// that a view whose DOM is costly redraws less often rather than making frames late. The
// cost of each redraw (render, commit and layout, from the frame the version was set to
// the layout effect after the commit) is measured here with the page's clock. A paced view
// still shows a state the model was in, just a slightly older one, and catches up on the
// next frame after the feed stops changing; paused or stepping, it follows every change.
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { views } from './binding';
import { RedrawPacer, type RedrawPacerOptions } from './redraw-pacer';

export function useFeedVersion(minIntervalMs = 0, pacing: Omit<RedrawPacerOptions, 'minIntervalMs'> = {}): number {
  const { feed, frames, now } = views();
  const [version, setVersion] = useState(feed.version);
  const pacer = useRef<RedrawPacer | null>(null);
  pacer.current ??= new RedrawPacer({ ...pacing, minIntervalMs });
  const startedAt = useRef<number | null>(null);
  useEffect(() => {
    if (!frames) return feed.subscribe(() => setVersion(feed.version));
    let shown = feed.version;
    const p = pacer.current!;
    return frames.subscribe((ts) => {
      if (feed.version === shown) return;
      if (!p.due(ts, feed.status === 'running')) {
        frames.request();
        return;
      }
      p.drawing(ts);
      shown = feed.version;
      startedAt.current = now();
      setVersion(shown);
    });
  }, [feed, frames, now]);
  useLayoutEffect(() => {
    if (startedAt.current === null) return;
    // Reading a box makes the browser lay the page out now rather than just before it
    // paints: the measured cost includes the layout the redraw caused (a long list's is
    // larger than its render), and nothing is laid out twice.
    if (typeof document !== 'undefined') document.body.getBoundingClientRect();
    pacer.current!.measured(now() - startedAt.current);
    startedAt.current = null;
  }, [version, now]);
  return version;
}
