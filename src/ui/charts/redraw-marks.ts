// Marks each redraw of the charts on the page's performance timeline, as a measure named
// CHART_REDRAW from the start of the charts panel's render to the end of its commit (its
// layout effect): what one frame's chart update costs on the main thread. The frames
// bench (bench/frames.bench.ts) reads these measures; DevTools shows them in its timings
// track. The browser keeps measures until they are cleared, so past MAX_KEPT this module
// clears its own, and a long session does not accumulate them.
export const CHART_REDRAW = 'chart.redraw';
const START = `${CHART_REDRAW}.start`;
const MAX_KEPT = 2000;

let kept = 0;

const timeline = (): Performance | null =>
  typeof performance !== 'undefined' && typeof performance.mark === 'function' ? performance : null;

/** Called as the charts panel starts rendering for new data. */
export function markRedrawStart(): void {
  timeline()?.mark(START);
}

/** Called from the panel's layout effect, after the commit; pairs with the last start. */
export function markRedrawEnd(): void {
  const p = timeline();
  if (!p || p.getEntriesByName(START, 'mark').length === 0) return;
  if (kept >= MAX_KEPT) {
    p.clearMeasures(CHART_REDRAW);
    kept = 0;
  }
  p.measure(CHART_REDRAW, START);
  p.clearMarks(START);
  kept += 1;
}
