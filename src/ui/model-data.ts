// The narrow, typed interface between the model's metrics and the lab's charts,
// headline and sweeps. Whatever runs the model (the simulation worker, a sweep worker)
// turns its own metric types into these shapes once, in an adapter; the charts know
// nothing else. Everything here is plain data that survives structured clone.
//
// Contract:
// - A *run* is one configuration (or one scenario variant, for A/B) on one clock. It
//   is announced once with its channels (`RunStreamInfo`), then sends `SampleBatch`es
//   of samples at fixed simulated intervals, `RunAnnotation`s for events, and at the
//   end (or whenever asked) a `RunSummary` over the measured window (after warmup).
// - A channel belongs to exactly one chart; its key is `<chart>.<series>` ('hostCpu.tcp',
//   'cwnd.c0'). A NaN value means "not measured at this sample" and draws a gap.
// - Times are simulated nanoseconds; rates are per simulated second.

export type RunConfiguration = 'native' | 'stateless' | 'offload';

/** Every chart the lab draws per run, in the order they are laid out. */
export const CHART_IDS = [
  'hostCpu', 'iopCpu', 'goodput', 'latency', 'cwnd', 'ssthresh', 'rtt',
  'interrupts', 'i2oMessages', 'framesInUse', 'busUtilization',
] as const;
export type ChartId = (typeof CHART_IDS)[number];

export interface ChannelSpec {
  /** `<chart>.<series>`, unique within a run. */
  readonly key: string;
  readonly chart: ChartId;
  /** The legend's name for the series: a category ('tcp'), a connection ('conn 0'), 'p99'. */
  readonly label: string;
  /** Unit of the values: '%', 'Mb/s', 'µs', 'segments', 'B', 'ms', '/s', 'frames'. */
  readonly unit: string;
}

export interface RunStreamInfo {
  /** Unique within a session: 'native', 'offload', or a variant's label ('offload @ 1.2 GHz'). */
  readonly runId: string;
  readonly configuration: RunConfiguration;
  /** What people read in legends and headings. */
  readonly label: string;
  readonly sampleIntervalNanos: number;
  readonly channels: readonly ChannelSpec[];
}

export interface SampleBatch {
  readonly runId: string;
  /** Sample instants, increasing. */
  readonly tNanos: ArrayLike<number>;
  /** values[c][i]: channel c (in the run's channel order) at sample i. */
  readonly values: readonly ArrayLike<number>[];
}

export const ANNOTATION_KINDS = ['loss', 'rto', 'fast-retransmit', 'pool-exhausted', 'queue-full', 'ring-drop', 'link-down', 'link-up', 'fault', 'live-change'] as const;
export type AnnotationKind = (typeof ANNOTATION_KINDS)[number];

export interface RunAnnotation {
  readonly runId: string;
  readonly tNanos: number;
  readonly kind: AnnotationKind;
  /** One line for the tooltip: 'segment 1448..2896 lost on the wire'. */
  readonly text: string;
}

/** Totals over the measured window of one run: what the savings headline is made of. */
export interface RunSummary {
  readonly runId: string;
  readonly configuration: RunConfiguration;
  readonly label: string;
  /** Length of the measured window (duration minus warmup). */
  readonly measuredNanos: number;
  /** Application payload delivered in the window. */
  readonly payloadBytes: number;
  /** Wire rate, bits per second. */
  readonly wireBitsPerSecond: number;
  readonly hostCores: number;
  readonly hostClockHz: number;
  /** Host cycles charged in the window, all cores, by category (src/sim CATEGORIES). */
  readonly hostCyclesByCategory: Readonly<Record<string, number>>;
  /** IOP cycles by category; null when the run has no IOP (native, stateless). */
  readonly iopCyclesByCategory: Readonly<Record<string, number>> | null;
  readonly iopClockHz: number | null;
}
