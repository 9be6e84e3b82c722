// Marks each redraw of the charts on the page's performance timeline, as a measure named
// CHART_REDRAW from the start of the charts panel's render to the end of its commit (its
// layout effect): what one update of the charts costs on the main thread. The frames
// bench (bench/frames.bench.ts) reads these measures; DevTools shows them in its timings
// track. The browser keeps measures until they are cleared, so past MAX_KEPT this module
// clears its own, and a long session does not accumulate them.
export const CHART_REDRAW = 'chart.redraw';
const MAX_KEPT = 2000;

let kept = 0;
let startedAt: number | null = null;

const timeline = (): Performance | null =>
  typeof performance !== 'undefined' && typeof performance.measure === 'function' ? performance : null;

/** Called as the charts panel starts rendering for new data. */
export function markRedrawStart(): void {
  startedAt = timeline()?.now() ?? null;
}

/** Called from the panel's layout effect, after the commit; pairs with the last start. */
export function markRedrawEnd(): void {
  const p = timeline();
  if (!p || startedAt === null) return;
  if (kept >= MAX_KEPT) {
    p.clearMeasures(CHART_REDRAW);
    kept = 0;
  }
  p.measure(CHART_REDRAW, { start: startedAt, end: p.now() });
  startedAt = null;
  kept += 1;
}
