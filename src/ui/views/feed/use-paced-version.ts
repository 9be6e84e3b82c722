// The React side of redraw pacing, shared by the views (ViewFeed) and the charts
// (MetricFeed): returns a source's version, moved at most once per animation frame, only
// when the source changed, and, while the model runs, when the view's RedrawPacer says it
// is due and no other paced view has redrawn in this frame (FrameSlot). The cost of each
// redraw (render, commit and layout: from the frame the version was set to the layout
// effect after the commit, where reading a box makes the browser lay out now rather than
// just before it paints) feeds the pacer. Paused or stepping, every change is drawn on the
// next frame; a paced view catches up on the frame after the source stops changing.
import { startTransition, useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { FrameClock } from '../../runtime/frame-clock';
import { pacedFrame, RedrawPacer, type RedrawPacerOptions } from './redraw-pacer';

export interface VersionSource {
  readonly version: number;
  /** Called on every change; returns the unsubscribe. */
  subscribe(cb: () => void): () => void;
}

export interface PacedVersionDeps {
  readonly frames: FrameClock | null;
  /** Wall clock in ms (performance.now on the page). */
  readonly now: () => number;
  /** Whether the model is running (pacing applies only then). */
  readonly running: () => boolean;
}

export function usePacedVersion(source: VersionSource, deps: PacedVersionDeps, options: RedrawPacerOptions = {}): number {
  const { frames, now, running } = deps;
  const [version, setVersion] = useState(source.version);
  const pacer = useRef<RedrawPacer | null>(null);
  pacer.current ??= new RedrawPacer(options);
  const startedAt = useRef<number | null>(null);
  useEffect(() => {
    if (!frames) return source.subscribe(() => setVersion(source.version));
    let shown = source.version;
    const p = pacer.current!;
    const unFrame = frames.subscribe((ts) => {
      if (source.version === shown) return;
      const run = running();
      if (!p.due(ts, run) || (run && !pacedFrame.claim(ts))) {
        frames.request();
        return;
      }
      p.drawing(ts);
      shown = source.version;
      startedAt.current = now();
      // While the model runs, a redraw is a transition: React renders a long list in slices
      // between frames instead of in one long task (the commit stays whole). Paused or
      // stepping, it is an ordinary update, drawn on this frame.
      if (run) startTransition(() => setVersion(shown));
      else setVersion(shown);
    });
    const unSource = source.subscribe(() => frames.request());
    return () => { unFrame(); unSource(); };
  }, [source, frames, now, running]);
  useLayoutEffect(() => {
    if (startedAt.current === null) return;
    if (typeof document !== 'undefined') document.body.getBoundingClientRect();
    pacer.current!.measured(now() - startedAt.current);
    startedAt.current = null;
  }, [version, now]);
  return version;
}
