// What a sweep point comes back as: per configuration, the summary figures a sweep
// chart can plot. Small and plain, so a worker posts it cheaply.
import type { RunConfiguration } from '../model-data';

export const SWEEP_METRICS = {
  gain: { label: 'Offload gain (offload goodput ÷ native goodput)', unit: '×' },
  goodputMbps: { label: 'Goodput', unit: 'Mb/s' },
  hostCpuPercent: { label: 'Host CPU', unit: '%' },
  iopPercent: { label: 'IOP busy', unit: '%' },
  cyclesPerByte: { label: 'Host cycles per byte', unit: 'cycles/B' },
  serviceDemandUsPerKB: { label: 'Service demand', unit: 'µs/KB' },
} as const;
export type SweepMetric = keyof typeof SWEEP_METRICS;
export type ConfigMetric = Exclude<SweepMetric, 'gain'>;

export interface SweepConfigFigures {
  readonly configuration: RunConfiguration;
  readonly goodputMbps: number;
  readonly hostCpuPercent: number;
  readonly iopPercent: number;
  readonly cyclesPerByte: number;
  readonly serviceDemandUsPerKB: number;
  /** Goodput of two segments (one at each edge) over the measured window: the resolution of goodputMbps. */
  readonly goodputResolutionMbps: number;
}

export interface SweepPointSummary {
  /** Position in the grid, first axis slowest. */
  readonly index: number;
  readonly coords: readonly number[];
  readonly values: Readonly<Record<string, number>>;
  readonly configs: readonly SweepConfigFigures[];
}

export interface SweepAxisSpec {
  readonly path: string;
  readonly from: number;
  readonly to: number;
  readonly steps: number;
}

/**
 * How close the point's simulated gain must be to 1 to count as a tie: the two goodputs'
 * measurement resolutions (a segment at each edge of the window, for each), relative to native's.
 */
export function pointGainResolution(p: SweepPointSummary): number {
  const n = p.configs.find((c) => c.configuration === 'native');
  const o = p.configs.find((c) => c.configuration === 'offload');
  if (!n || !o || !(n.goodputMbps > 0)) return 0;
  return ((n.goodputResolutionMbps ?? 0) + (o.goodputResolutionMbps ?? 0)) / n.goodputMbps;
}

/** Offload goodput over native goodput at one point, NaN when either is missing. */
export function pointGain(p: SweepPointSummary): number {
  const n = p.configs.find((c) => c.configuration === 'native');
  const o = p.configs.find((c) => c.configuration === 'offload');
  if (!n || !o || !(n.goodputMbps > 0)) return Number.NaN;
  return o.goodputMbps / n.goodputMbps;
}
