// Where the inspector's list should be scrolled when its rows change: following the
// newest frame, at the bottom; otherwise with the frame the person was reading still at
// the top of the pane, although older frames were evicted above it (the capture keeps the
// newest frames only) or a filter changed. Pure arithmetic over rows of a fixed height,
// no DOM, so the list's component only applies the offset it is given.
//
// Contract: rows are in the inspector's order (time, then capture number: mergeByTime).
// `anchorAt` names the row at the top of the pane and how far into it the pane starts;
// `anchoredTop` gives the offset that puts that row at the top again: the same frame
// (configuration and capture number) when it is still listed, else the first row not older than it (the oldest kept one after an
// eviction), at its top. Never throws; an empty list gives 0.
import type { FeedFrame } from '../views/feed/view-feed';

interface Framed {
  readonly frame: FeedFrame;
}

export interface ScrollAnchor<R extends Framed> {
  readonly row: R;
  /** Pixels of the row above the top of the pane (0 <= offset < row height). */
  readonly offset: number;
}

const positive = (v: number) => (Number.isFinite(v) && v > 0 ? v : 0);

/** Whether the pane shows the end of the list (within `slack` px). */
export function atBottom(scrollTop: number, viewportHeight: number, contentHeight: number, slack = 2): boolean {
  return positive(scrollTop) + positive(viewportHeight) >= positive(contentHeight) - slack;
}

export function anchorAt<R extends Framed>(rows: readonly R[], scrollTop: number, rowHeight: number): ScrollAnchor<R> | null {
  const h = Math.max(1, positive(rowHeight));
  const top = positive(scrollTop);
  const i = Math.min(rows.length - 1, Math.floor(top / h));
  const row = rows[i];
  return row ? { row, offset: Math.min(h - 1, top - i * h) } : null;
}

const before = (a: FeedFrame, b: FeedFrame) => a.t - b.t || a.no - b.no;

/** The index of the first row not older than `f` (rows.length when every row is older). */
function lowerBound<R extends Framed>(rows: readonly R[], f: FeedFrame): number {
  let lo = 0;
  let hi = rows.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (before(rows[mid]!.frame, f) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export function anchoredTop<R extends Framed>(rows: readonly R[], anchor: ScrollAnchor<R>, rowHeight: number): number {
  const h = Math.max(1, positive(rowHeight));
  if (rows.length === 0) return 0;
  // Most updates append below or evict above: the anchor usually sits at or a little
  // before its old place, and the search from the time order finds it in log n.
  const at = lowerBound(rows, anchor.row.frame);
  for (let i = at; i < rows.length && before(rows[i]!.frame, anchor.row.frame) === 0; i++) {
    const f = rows[i]!.frame;
    // By configuration and number, not identity: after a seek the feed holds new objects
    // for the same frames.
    if (f.configuration === anchor.row.frame.configuration && f.no === anchor.row.frame.no) return i * h + anchor.offset;
  }
  return Math.min(at, rows.length - 1) * h;
}
