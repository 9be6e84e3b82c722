// The windowing arithmetic of the inspector's virtual list: which rows of a list of fixed
// row height intersect the viewport (plus an overscan on each side), where they sit, and
// how far to scroll so that a given row is in view. Pure numbers, no DOM, so the list's
// component stays a thin binding and these rules are tested on their own.
//
// Contract: every function accepts any finite or non-finite input and returns a window
// inside [0, count] (start <= end), never throws. A row height or viewport <= 0 is
// treated as 1 px, a negative scroll as 0, a scroll past the end as the last full page.

export interface WindowQuery {
  readonly count: number;
  readonly rowHeight: number;
  readonly viewportHeight: number;
  readonly scrollTop: number;
  /** Rows rendered beyond each edge of the viewport, so a fast scroll shows no gap. */
  readonly overscan: number;
}

export interface RowWindow {
  /** First rendered row (inclusive). */
  readonly start: number;
  /** Last rendered row (exclusive). */
  readonly end: number;
  /** Height of the whole list, in px: what the scroll bar spans. */
  readonly totalHeight: number;
}

const atLeast1 = (v: number) => (Number.isFinite(v) && v >= 1 ? v : 1);
const whole = (v: number) => (Number.isFinite(v) && v > 0 ? Math.floor(v) : 0);

/** The largest scroll offset the list allows. */
export function maxScrollTop(count: number, rowHeight: number, viewportHeight: number): number {
  return Math.max(0, whole(count) * atLeast1(rowHeight) - atLeast1(viewportHeight));
}

export function rowWindow(q: WindowQuery): RowWindow {
  const count = whole(q.count);
  const h = atLeast1(q.rowHeight);
  const vh = atLeast1(q.viewportHeight);
  const over = whole(q.overscan);
  const top = Math.min(Math.max(0, Number.isFinite(q.scrollTop) ? q.scrollTop : 0), maxScrollTop(count, h, vh));
  const first = Math.floor(top / h);
  const last = Math.ceil((top + vh) / h); // exclusive: a partly shown row counts
  return {
    start: Math.max(0, Math.min(count, first - over)),
    end: Math.max(0, Math.min(count, last + over)),
    totalHeight: count * h,
  };
}

/** The scroll offset that brings row `index` fully into view with the least movement:
 *  unchanged when it already is. */
export function revealRow(index: number, rowHeight: number, viewportHeight: number, scrollTop: number): number {
  const h = atLeast1(rowHeight);
  const vh = atLeast1(viewportHeight);
  const top = Math.max(0, Number.isFinite(scrollTop) ? scrollTop : 0);
  const i = whole(index);
  const rowTop = i * h;
  if (rowTop < top) return rowTop;
  if (rowTop + h > top + vh) return Math.max(0, rowTop + h - vh);
  return top;
}

export type NavKey = 'ArrowUp' | 'ArrowDown' | 'PageUp' | 'PageDown' | 'Home' | 'End';

export function isNavKey(key: string): key is NavKey {
  return key === 'ArrowUp' || key === 'ArrowDown' || key === 'PageUp' || key === 'PageDown' || key === 'Home' || key === 'End';
}

/** Where a navigation key moves the focus from row `from` in a list of `count` rows that
 *  shows `pageRows` at a time (WAI-ARIA listbox keyboard interaction); null when empty. */
export function navigate(key: NavKey, from: number, count: number, pageRows: number): number | null {
  const n = whole(count);
  if (n === 0) return null;
  const page = Math.max(1, whole(pageRows));
  const at = Math.min(n - 1, whole(from));
  const to = key === 'ArrowUp' ? at - 1
    : key === 'ArrowDown' ? at + 1
      : key === 'PageUp' ? at - page
        : key === 'PageDown' ? at + page
          : key === 'Home' ? 0 : n - 1;
  return Math.max(0, Math.min(n - 1, to));
}
