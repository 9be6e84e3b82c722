// The savings headline's arithmetic, from run summaries only (every figure is a sum of
// the model's charged cycles over the measured window; nothing is estimated here):
// - host utilization = host cycles / (cores × clock × window);
// - cycles per byte = host cycles / payload bytes;
// - service demand = host CPU-µs per KB moved (netperf's figure; KB = 1024 B);
// - goodput = payload bits / window;
// - host-limited throughput = what the run would move if the host CPU were the only
//   limit (goodput / utilization), capped by the wire;
// - CPU freed = baseline utilization − other's, in percentage points and as a share of
//   the baseline's; the differential compares cycles per byte category by category.
import type { RunSummary } from '../model-data';

export interface ConfigFigures {
  readonly runId: string;
  readonly label: string;
  readonly configuration: RunSummary['configuration'];
  readonly measuredNanos: number;
  readonly hostCycles: number;
  /** Mean over cores, in [0, 1]. */
  readonly hostUtilization: number;
  readonly cyclesPerByte: number;
  /** Host CPU µs per KB of payload. */
  readonly serviceDemandUsPerKB: number;
  readonly goodputBitsPerSecond: number;
  readonly hostLimitedBitsPerSecond: number;
  readonly wireBitsPerSecond: number;
  /** IOP busy share in [0, 1], null without an IOP. */
  readonly iopUtilization: number | null;
}

export interface CategoryDelta {
  readonly category: string;
  /** Host cycles per payload byte in each run. */
  readonly baseline: number;
  readonly other: number;
  /** other − baseline: negative where the other run saves host cycles. */
  readonly delta: number;
}

export interface Savings {
  readonly baseline: ConfigFigures;
  readonly other: ConfigFigures;
  /** Percentage points of host CPU freed (baseline − other), positive when the other saves. */
  readonly cpuFreedPoints: number;
  /** The same as a percentage of the baseline's CPU. */
  readonly cpuFreedPercent: number;
  readonly byCategory: readonly CategoryDelta[];
}

const sum = (r: Readonly<Record<string, number>>): number => Object.values(r).reduce((a, b) => a + b, 0);

export function configFigures(s: RunSummary): ConfigFigures {
  const seconds = s.measuredNanos / 1e9;
  const hostCycles = sum(s.hostCyclesByCategory);
  const capacity = s.hostCores * s.hostClockHz * seconds;
  const hostUtilization = capacity > 0 ? hostCycles / capacity : 0;
  const goodput = seconds > 0 ? (s.payloadBytes * 8) / seconds : 0;
  const hostLimited = hostUtilization > 0 ? Math.min(s.wireBitsPerSecond, goodput / hostUtilization) : s.wireBitsPerSecond;
  const iopCycles = s.iopCyclesByCategory === null ? null : sum(s.iopCyclesByCategory);
  return {
    runId: s.runId,
    label: s.label,
    configuration: s.configuration,
    measuredNanos: s.measuredNanos,
    hostCycles,
    hostUtilization,
    cyclesPerByte: s.payloadBytes > 0 ? hostCycles / s.payloadBytes : Number.NaN,
    serviceDemandUsPerKB: s.payloadBytes > 0 && s.hostClockHz > 0 ? ((hostCycles / s.hostClockHz) * 1e6) / (s.payloadBytes / 1024) : Number.NaN,
    goodputBitsPerSecond: goodput,
    hostLimitedBitsPerSecond: hostLimited,
    wireBitsPerSecond: s.wireBitsPerSecond,
    iopUtilization: iopCycles === null || s.iopClockHz === null || seconds <= 0 ? null : iopCycles / (s.iopClockHz * seconds),
  };
}

export function savings(baseline: RunSummary, other: RunSummary): Savings {
  const b = configFigures(baseline);
  const o = configFigures(other);
  const cats = new Set([...Object.keys(baseline.hostCyclesByCategory), ...Object.keys(other.hostCyclesByCategory)]);
  const perByte = (s: RunSummary, c: string) => (s.payloadBytes > 0 ? (s.hostCyclesByCategory[c] ?? 0) / s.payloadBytes : 0);
  const byCategory = [...cats]
    .map((category) => {
      const x = perByte(baseline, category);
      const y = perByte(other, category);
      return { category, baseline: x, other: y, delta: y - x };
    })
    .filter((d) => d.baseline > 0 || d.other > 0)
    .sort((p, q) => Math.abs(q.delta) - Math.abs(p.delta));
  const points = (b.hostUtilization - o.hostUtilization) * 100;
  return {
    baseline: b,
    other: o,
    cpuFreedPoints: points,
    cpuFreedPercent: b.hostUtilization > 0 ? (points / (b.hostUtilization * 100)) * 100 : 0,
    byCategory,
  };
}

/** The run savings are measured against: the native one when present, else the first. */
export function pickBaseline(summaries: readonly RunSummary[]): RunSummary | undefined {
  return summaries.find((s) => s.configuration === 'native') ?? summaries[0];
}

/**
 * When the two runs moved clearly different amounts of data (goodput apart by 5 % or
 * more), CPU freed alone misleads: a card that caps goodput frees host CPU by doing less
 * work. Returns the sentence that says so and points at cycles per byte, else null.
 */
export function goodputCaveat(s: Savings): string | null {
  const b = s.baseline.goodputBitsPerSecond;
  const o = s.other.goodputBitsPerSecond;
  if (!(b > 0) || !(o > 0)) return null;
  const change = o / b - 1;
  if (Math.abs(change) < 0.05) return null;
  const mb = (v: number) => `${(v / 1e6).toFixed(1)} Mb/s`;
  const amount = `${Math.round(Math.abs(change) * 100)} % ${change < 0 ? 'less' : 'more'}`;
  return `${s.other.label} moved ${amount} data than ${s.baseline.label} (${mb(o)} against ${mb(b)}), so the CPU freed is not for the same work: compare cycles/B.`;
}
