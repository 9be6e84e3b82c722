// Legends sit in their own band above the plot, never on it: the items flow in rows
// across the chart's width, and the plot starts below the last row. The width of a
// label is estimated from its length (the SVG is laid out before it is measured).

export interface LegendItem {
  readonly key: string;
  readonly label: string;
  readonly color: string;
}

export interface PlacedLegendItem extends LegendItem {
  readonly x: number;
  readonly y: number;
}

export interface LegendLayout {
  readonly items: readonly PlacedLegendItem[];
  /** Height of the band, 0 when there is nothing to show. */
  readonly height: number;
}

export const LEGEND_ROW = 16;
const SWATCH = 14;
const GAP = 12;

export function legendLayout(items: readonly LegendItem[], width: number, charPx = 6.6): LegendLayout {
  if (items.length === 0) return { items: [], height: 0 };
  const placed: PlacedLegendItem[] = [];
  let x = 0;
  let row = 0;
  for (const it of items) {
    const w = SWATCH + it.label.length * charPx + GAP;
    if (x > 0 && x + w > width) { row += 1; x = 0; }
    placed.push({ ...it, x, y: row * LEGEND_ROW });
    x += w;
  }
  return { items: placed, height: (row + 1) * LEGEND_ROW + 4 };
}
