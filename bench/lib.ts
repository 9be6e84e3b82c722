// Benchmark helpers: wall-clock timing with process.hrtime.bigint (bench/ lives
// outside src, so it may read a clock), medians and percentiles over repeated
// runs, and a plain-text table.
//
// Each run is timed twice: wall clock, and the process's own CPU time
// (process.cpuUsage, user + system). On a quiet machine the two agree; on a
// shared one (this project's machines run several jobs on two cores) the wall
// clock also counts time spent waiting for a core, so the CPU-time rate is the
// better figure for "events per second on one core". Both are reported.
//
// A bench module exports `default async function(): Promise<BenchRow[]>`; run.ts
// lists the modules, runs them one after another, prints one table and writes
// bench/results/latest.json.

export interface BenchRow {
  /** What was measured, e.g. "kernel: event queue, 4-ary typed heap". */
  name: string;
  /** Median over the runs, in `unit`, by wall clock. */
  median: number;
  unit: string;
  /** Median over the runs by the process's CPU time (see above). */
  cpuMedian?: number;
  /** 10th and 90th percentiles over the runs. */
  p10: number;
  p90: number;
  runs: number;
  /** Name of the row this one is compared with (measured in the same process run). */
  baseline?: string;
  /** median / baseline median (for a rate: how many times faster). */
  ratio?: number;
  /** Anything else worth keeping in the JSON (sizes, parameters). */
  notes?: string;
}

export interface MeasureOptions {
  /** Timed runs (default 7). */
  runs?: number;
  /** Untimed runs first, to let the JIT settle (default 2). */
  warmup?: number;
}

/** Quantile q in [0, 1] of xs by linear interpolation between order statistics. */
export function percentile(xs: readonly number[], q: number): number {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const pos = (s.length - 1) * Math.min(1, Math.max(0, q));
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return s[lo]! + (s[hi]! - s[lo]!) * (pos - lo);
}

export function median(xs: readonly number[]): number {
  return percentile(xs, 0.5);
}

/** Rates of repeated runs: operations per second by wall clock and by CPU time. */
export interface Samples {
  wall: number[];
  cpu: number[];
}

/** Time one run of `work` (which returns how many operations it did); push its rates. */
function timeRun(work: () => number, into: Samples): void {
  const c0 = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  const ops = work();
  const wall = Number(process.hrtime.bigint() - t0) / 1e9;
  const c = process.cpuUsage(c0);
  into.wall.push(ops / wall);
  into.cpu.push(ops / ((c.user + c.system) / 1e6));
}

/** Run `work` warmup + runs times; rates of the timed runs. */
export function measureRate(work: () => number, opts: MeasureOptions = {}): Samples {
  return measureInterleaved([work], opts)[0]!;
}

/**
 * Measure several contenders in the same process, interleaving their runs
 * (A B A B ...) so that drift in the machine's speed hits all of them alike.
 */
export function measureInterleaved(works: readonly (() => number)[], opts: MeasureOptions = {}): Samples[] {
  const runs = opts.runs ?? 7;
  const warmup = opts.warmup ?? 2;
  for (let i = 0; i < warmup; i++) for (const w of works) w();
  const out: Samples[] = works.map(() => ({ wall: [], cpu: [] }));
  for (let i = 0; i < runs; i++) works.forEach((w, k) => timeRun(w, out[k]!));
  return out;
}

/** A row from samples; with `baseline`, ratio = this median / baseline's median (by CPU time when both have it). */
export function row(name: string, samples: Samples | readonly number[], unit: string, baseline?: BenchRow, notes?: string): BenchRow {
  const wall = 'wall' in samples ? samples.wall : samples;
  const r: BenchRow = { name, median: median(wall), unit, p10: percentile(wall, 0.1), p90: percentile(wall, 0.9), runs: wall.length };
  if ('cpu' in samples) r.cpuMedian = median(samples.cpu);
  if (baseline !== undefined) {
    r.baseline = baseline.name;
    r.ratio =
      r.cpuMedian !== undefined && baseline.cpuMedian !== undefined ? r.cpuMedian / baseline.cpuMedian : r.median / baseline.median;
  }
  if (notes !== undefined) r.notes = notes;
  return r;
}

/** 12345678 -> "12.35 M", 950 -> "950". */
export function formatNumber(x: number): string {
  if (!Number.isFinite(x)) return String(x);
  const a = Math.abs(x);
  if (a >= 1e9) return `${(x / 1e9).toFixed(2)} G`;
  if (a >= 1e6) return `${(x / 1e6).toFixed(2)} M`;
  if (a >= 1e4) return `${(x / 1e3).toFixed(1)} k`;
  return a >= 100 ? x.toFixed(0) : x.toPrecision(3);
}

/** Rows as an aligned table: name, median, unit, p10..p90, CPU-time median, ratio vs baseline. */
export function formatTable(rows: readonly BenchRow[]): string {
  const head = ['name', 'median', 'unit', 'p10 .. p90 (wall)', 'median (cpu time)', 'ratio-vs-baseline'];
  const body = rows.map((r) => [
    r.name,
    formatNumber(r.median),
    r.unit,
    `${formatNumber(r.p10)} .. ${formatNumber(r.p90)}`,
    r.cpuMedian === undefined ? '' : formatNumber(r.cpuMedian),
    r.ratio === undefined ? '' : `${r.ratio.toFixed(2)}x vs ${r.baseline ?? ''}`,
  ]);
  const all = [head, ...body];
  const width = head.map((_, c) => Math.max(...all.map((line) => line[c]!.length)));
  const right = [false, true, false, true, true, false];
  return all
    .map((line) => line.map((cell, c) => (right[c] ? cell.padStart(width[c]!) : cell.padEnd(width[c]!))).join('  ').trimEnd())
    .join('\n');
}
