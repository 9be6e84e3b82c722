// A chart's data as CSV and JSON: exactly the samples the chart holds (its ring), one
// row per sample, time in milliseconds, one column per series with its unit, and the
// annotations. Plain strings, so they are tested without a browser.
import type { ChartDef } from './chart-defs';
import type { ChartData } from './chart-model';
import { NS_PER_MS } from './chart-math';

function csvCell(s: string): string {
  return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

function num(v: number): string {
  return Number.isFinite(v) ? String(v) : '';
}

/** RFC 4180 CSV: header `time_ms,<series> (<unit>),...`; a missing value is an empty cell. */
export function chartCsv(def: ChartDef, data: ChartData): string {
  const header = ['time_ms', ...data.channels.map((c) => `${c.label} (${c.unit || def.unit})`)].map(csvCell).join(',');
  const rows: string[] = [header];
  for (let i = 0; i < data.t.length; i++) {
    const cells = [num(data.t[i]! / NS_PER_MS)];
    for (const col of data.cols) cells.push(num(col[i]!));
    rows.push(cells.join(','));
  }
  return `${rows.join('\r\n')}\r\n`;
}

export interface ChartJson {
  readonly chart: string;
  readonly title: string;
  readonly run: string;
  readonly unit: string;
  readonly timeMs: number[];
  readonly series: { key: string; label: string; unit: string; values: (number | null)[] }[];
  readonly annotations: { timeMs: number; kind: string; text: string }[];
}

export function chartJson(def: ChartDef, runLabel: string, data: ChartData): ChartJson {
  const t = Array.from(data.t, (v) => v / NS_PER_MS);
  return {
    chart: def.id,
    title: def.title,
    run: runLabel,
    unit: def.unit,
    timeMs: t,
    series: data.channels.map((c, k) => ({
      key: c.key,
      label: c.label,
      unit: c.unit || def.unit,
      values: Array.from(data.cols[k] ?? [], (v) => (Number.isFinite(v) ? v : null)),
    })),
    annotations: data.annotations.map((a) => ({ timeMs: a.tNanos / NS_PER_MS, kind: a.kind, text: a.text })),
  };
}

/** A file name people can recognise: offload-lab-hostCpu-native.csv. */
export function exportFileName(chart: string, run: string, ext: string): string {
  const safe = (s: string) => s.replace(/[^A-Za-z0-9.-]+/g, '-').replace(/^-|-$/g, '');
  return `offload-lab-${safe(chart)}-${safe(run)}.${ext}`;
}
