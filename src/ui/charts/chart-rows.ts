// Which charts to draw and with what: for every chart some run has channels for, one
// card per run (A/B and the configurations side by side), with the run's columns for
// that chart and a y top shared across the row so the runs compare at a glance. `shown`
// limits the rows to the charts on screen (a group), so hidden charts cost nothing.
import { CHART_IDS, type ChartId, type RunAnnotation } from '../model-data';
import { CHART_DEFS, type ChartDef } from './chart-defs';
import type { ChartData } from './chart-model';
import { naturalYMax } from './chart-model';
import type { FeedRun } from './metric-feed';
import type { RingSnapshot } from './sample-ring';
import { timeExtent } from './chart-math';

export interface ChartCell {
  readonly runId: string;
  readonly runLabel: string;
  readonly data: ChartData;
}

export interface ChartRow {
  readonly def: ChartDef;
  readonly cells: readonly ChartCell[];
  readonly sharedYMax: number;
}

/** A column with at least one non-zero value: a series worth a legend entry. +Infinity
 *  counts (an ssthresh not yet set by a loss is unbounded: listed, not drawn). */
function hasData(col: ArrayLike<number> | undefined): boolean {
  if (!col) return false;
  for (let i = 0; i < col.length; i++) { const v = col[i]!; if ((Number.isFinite(v) && v !== 0) || v === Number.POSITIVE_INFINITY) return true; }
  return false;
}

/** The run's series for one chart; series that never moved from zero are left out
 *  (a category the configuration never charges, a connection never traced). */
export function chartData(run: FeedRun, snap: RingSnapshot, chart: ChartId, notes: readonly RunAnnotation[]): ChartData {
  const idx: number[] = [];
  run.info.channels.forEach((c, i) => { if (c.chart === chart && hasData(snap.cols[i])) idx.push(i); });
  return {
    channels: idx.map((i) => run.info.channels[i]!),
    t: snap.t,
    cols: idx.map((i) => snap.cols[i] ?? new Float64Array(snap.t.length)),
    annotations: notes.filter((n) => n.runId === run.info.runId),
  };
}

export function chartRows(
  runs: readonly FeedRun[],
  snapshotOf: (run: FeedRun) => RingSnapshot,
  notes: readonly RunAnnotation[],
  shown: (id: ChartId) => boolean = () => true,
): ChartRow[] {
  const rows: ChartRow[] = [];
  for (const id of CHART_IDS) {
    if (!shown(id)) continue;
    const def = CHART_DEFS[id];
    const cells = runs
      .filter((r) => r.info.channels.some((c) => c.chart === id))
      .map((r) => ({ runId: r.info.runId, runLabel: r.info.label, data: chartData(r, snapshotOf(r), id, notes) }))
      // A run with samples but nothing to show here (no latency on a bulk send) gets no card.
      .filter((c) => c.data.channels.length > 0 || c.data.t.length < 3);
    if (cells.length === 0) continue;
    const sharedYMax = Math.max(...cells.map((c) => {
      const [a, b] = timeExtent(c.data.t);
      return naturalYMax(def, c.data, a, b);
    }));
    rows.push({ def, cells, sharedYMax });
  }
  return rows;
}
