// The differential bar chart's geometry: one row per category, a bar from zero to the
// change in host cycles per byte (left = the other run saves, right = it costs more),
// on a symmetric scale so both directions read at the same size.
import { scaleLinear } from 'd3';
import type { CategoryDelta } from './savings';

export interface DiffBar {
  readonly category: string;
  readonly y: number;
  readonly x: number;
  readonly width: number;
  readonly delta: number;
  readonly saves: boolean;
}

export interface DiffLayout {
  readonly bars: readonly DiffBar[];
  readonly zeroX: number;
  readonly height: number;
  readonly maxAbs: number;
}

export const DIFF_ROW = 20;

export function differentialBars(rows: readonly CategoryDelta[], width: number, labelWidth = 130): DiffLayout {
  const maxAbs = Math.max(1e-12, ...rows.map((r) => Math.abs(r.delta)));
  const x = scaleLinear().domain([-maxAbs, maxAbs]).range([labelWidth, width - 8]);
  const zeroX = x(0);
  const bars = rows.map((r, i) => {
    const end = x(r.delta);
    return { category: r.category, y: i * DIFF_ROW, x: Math.min(zeroX, end), width: Math.abs(end - zeroX), delta: r.delta, saves: r.delta < 0 };
  });
  return { bars, zeroX, height: rows.length * DIFF_ROW, maxAbs };
}
