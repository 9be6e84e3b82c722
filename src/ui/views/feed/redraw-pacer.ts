// Paces the redraws of a view whose DOM is costly (the architecture view's boxes, the
// sequence ladder, the inspector's list, the charts) while the model runs, so that the
// view's share of the page's main thread stays within a budget and frames keep coming.
//
// Contract: `due(ts, running)` says whether the view may redraw at frame time `ts` (ms);
// `drawing(ts)` records that the view redraws at `ts`, and `measured(costMs)` what that
// redraw cost (render, commit and layout, measured by the caller). While the model is paused or stepping every change is drawn at most every
// `minIntervalMs` (a step is seen at once, as it is). While it runs, redraws are spaced by
// at least the recent cost divided by `share` (a 2 ms redraw may come every 20 ms, a 30 ms
// one every 300 ms with the default 0.1), never more than `maxIntervalMs` apart when
// something changed. A throttled view still shows a state the model was in, just an older
// one; the hook that uses the pacer draws the latest state as soon as the feed stops.
// The clock is the caller's (frame timestamps), so the pacing is tested without one.

export interface RedrawPacerOptions {
  /** Smallest spacing of redraws, running or not (0: every frame). */
  readonly minIntervalMs?: number;
  /** Share of wall time a running view's redraws may take. */
  readonly share?: number;
  /** Largest spacing while running. */
  readonly maxIntervalMs?: number;
}

/** How fast the cost estimate follows a new measurement (exponential average). */
const COST_WEIGHT = 0.3;

export class RedrawPacer {
  private last = Number.NEGATIVE_INFINITY;
  private costMs = 0;
  readonly minIntervalMs: number;
  readonly share: number;
  readonly maxIntervalMs: number;

  constructor(opts: RedrawPacerOptions = {}) {
    this.minIntervalMs = opts.minIntervalMs ?? 0;
    this.share = opts.share ?? 0.1;
    this.maxIntervalMs = Math.max(this.minIntervalMs, opts.maxIntervalMs ?? 1000);
  }

  /** The recent cost of one redraw (ms, exponential average). */
  get averageCost(): number {
    return this.costMs;
  }

  /** Spacing of redraws now (ms). */
  interval(running: boolean): number {
    if (!running) return this.minIntervalMs;
    return Math.min(this.maxIntervalMs, Math.max(this.minIntervalMs, this.costMs / this.share));
  }

  due(ts: number, running: boolean): boolean {
    return ts - this.last >= this.interval(running);
  }

  drawing(ts: number): void {
    this.last = ts;
  }

  measured(costMs: number): void {
    if (!Number.isFinite(costMs) || costMs < 0) return;
    this.costMs = this.costMs === 0 ? costMs : this.costMs + COST_WEIGHT * (costMs - this.costMs);
  }
}

/**
 * One paced redraw per animation frame while the model runs: views that fall due in the
 * same frame (the architecture boxes, the charts, the headline) take turns over the next
 * frames instead of stacking their work into one long frame. `claim(ts)` is true for the
 * first caller of a frame (all callbacks of a frame share its timestamp).
 */
export class FrameSlot {
  private claimed = Number.NaN;

  claim(ts: number): boolean {
    if (ts === this.claimed) return false;
    this.claimed = ts;
    return true;
  }
}

/** The page's one slot, shared by every paced view. */
export const pacedFrame = new FrameSlot();
