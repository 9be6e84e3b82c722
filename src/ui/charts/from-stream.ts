// The adapter from the model's metrics (src/model/metrics, as the simulation worker
// streams them: per configuration the new sample rows by column name, the summary so
// far, and optionally the new events and per-connection rows) to the charts' interface
// (model-data.ts). Structural types only, so this module follows the worker's stream
// without depending on its protocol version.
//
// Column mapping (SAMPLE_COLUMNS of src/model/metrics): host.<category> and
// iop.<category> utilization (0..1) → hostCpu / iopCpu in %, goodputBps → goodput in
// Mb/s, latencyP50/P90/P99Ns → latency in µs, interruptsPerSec, i2oMessagesPerSec,
// i2oFramesInUse, busUtil → %. Connections: cwnd and ssthresh in bytes, srttNs → µs.
import type { Scenario } from '../../scenario/schema';
import type { AnnotationKind, ChannelSpec, ChartId, RunAnnotation, RunConfiguration, RunStreamInfo, RunSummary } from '../model-data';
import type { MetricFeed } from './metric-feed';

export interface StreamEvent {
  readonly t: number;
  readonly kind: string;
  readonly count: number;
  /** What happened, when the model says it in words (a live change: 'loss rate 0 % → 2 %'). */
  readonly text?: string;
}

export interface ConnectionRows {
  readonly label: string;
  /** Columns 't', 'cwnd', 'ssthresh', 'srttNs' of the new rows. */
  readonly samples: Readonly<Record<string, ArrayLike<number>>>;
}

/** One configuration's part of a worker reply. */
export interface MetricStreamPart {
  readonly configuration: string;
  readonly samples: Readonly<Record<string, ArrayLike<number>>>;
  readonly summary: Readonly<Record<string, unknown>> | null;
  readonly events?: readonly StreamEvent[];
  readonly connections?: readonly ConnectionRows[];
}

export interface StreamContext {
  readonly scenario: Scenario;
  /** Distinguishes an A/B variant's runs: 'offload' becomes 'offload·B'. */
  readonly variant?: { readonly id: string; readonly label: string };
  /** Connections drawn per run (the first ones traced). */
  readonly maxConnections?: number;
}

interface Mapped { readonly spec: ChannelSpec; readonly column: string; readonly scale: number }

const SINGLE: readonly [string, ChartId, string, string, number][] = [
  ['goodputBps', 'goodput', 'goodput', 'Mb/s', 1e-6],
  ['latencyP50Ns', 'latency', 'p50', 'µs', 1e-3],
  ['latencyP90Ns', 'latency', 'p90', 'µs', 1e-3],
  ['latencyP99Ns', 'latency', 'p99', 'µs', 1e-3],
  ['interruptsPerSec', 'interrupts', 'host interrupts', '/s', 1],
  ['i2oMessagesPerSec', 'i2oMessages', 'I2O messages', '/s', 1],
  ['i2oFramesInUse', 'framesInUse', 'frames in use', 'frames', 1],
  ['busUtil', 'busUtilization', 'bus', '%', 100],
];

const EVENT_KIND: Readonly<Record<string, AnnotationKind>> = {
  loss: 'loss', rto: 'rto', 'fast-retransmit': 'fast-retransmit', 'pool-exhausted': 'pool-exhausted',
  'i2o-queue-full': 'queue-full', 'rx-ring-drop': 'ring-drop', 'live-change': 'live-change',
};

const asConfiguration = (c: string): RunConfiguration => (c === 'stateless' || c === 'offload' ? c : 'native');

export function runIdFor(configuration: string, ctx: StreamContext): string {
  return ctx.variant ? `${configuration}.${ctx.variant.id}` : configuration;
}

/** The channels of one configuration's run, from the sample columns the model records. */
export function channelMap(configuration: string, columns: readonly string[], maxConnections: number): Mapped[] {
  const out: Mapped[] = [];
  const offload = configuration === 'offload';
  for (const col of columns) {
    if (col.startsWith('host.')) out.push({ spec: { key: `hostCpu.${col.slice(5)}`, chart: 'hostCpu', label: col.slice(5), unit: '%' }, column: col, scale: 100 });
    else if (col.startsWith('iop.') && offload) out.push({ spec: { key: `iopCpu.${col.slice(4)}`, chart: 'iopCpu', label: col.slice(4), unit: '%' }, column: col, scale: 100 });
  }
  for (const [col, chart, label, unit, scale] of SINGLE) {
    if (!columns.includes(col)) continue;
    if (!offload && (chart === 'i2oMessages' || chart === 'framesInUse')) continue;
    out.push({ spec: { key: `${chart}.${label}`, chart, label, unit }, column: col, scale });
  }
  for (let k = 1; k <= maxConnections; k++) {
    out.push({ spec: { key: `cwnd.c${k}`, chart: 'cwnd', label: `conn ${k}`, unit: 'B' }, column: `conn${k}.cwnd`, scale: 1 });
    out.push({ spec: { key: `ssthresh.c${k}`, chart: 'ssthresh', label: `conn ${k}`, unit: 'B' }, column: `conn${k}.ssthresh`, scale: 1 });
    out.push({ spec: { key: `rtt.c${k}`, chart: 'rtt', label: `conn ${k}`, unit: 'µs' }, column: `conn${k}.srttNs`, scale: 1e-3 });
  }
  return out;
}

/** A summary of the model (src/model/metrics Summary) as the headline's RunSummary. */
export function runSummaryOf(configuration: string, summary: Readonly<Record<string, unknown>>, ctx: StreamContext): RunSummary | null {
  const n = (k: string) => (typeof summary[k] === 'number' ? (summary[k] as number) : Number.NaN);
  const host = summary.hostCyclesByCategory;
  const iop = summary.iopCyclesByCategory;
  if (typeof host !== 'object' || host === null || !Number.isFinite(n('windowNs'))) return null;
  const s = ctx.scenario;
  const offload = configuration === 'offload';
  return {
    runId: runIdFor(configuration, ctx),
    configuration: asConfiguration(configuration),
    label: ctx.variant ? `${configuration} (${ctx.variant.label})` : configuration,
    measuredNanos: n('windowNs'),
    payloadBytes: n('bytesInWindow'),
    wireBitsPerSecond: s.wire.bandwidthMbps * 1e6,
    hostCores: s.server.cores,
    hostClockHz: s.server.clockMHz * 1e6,
    hostCyclesByCategory: host as Record<string, number>,
    iopCyclesByCategory: offload && typeof iop === 'object' && iop !== null ? (iop as Record<string, number>) : null,
    iopClockHz: offload ? s.inic.iopClockMHz * 1e6 : null,
  };
}

/**
 * Feeds one reply's parts into the feed: on `reset` (a new world, or a seek back) each
 * run is announced afresh; then its new rows, events and summary are added.
 */
export function feedStream(feed: MetricFeed, parts: readonly MetricStreamPart[], reset: boolean, ctx: StreamContext): void {
  const maxConn = ctx.maxConnections ?? 4;
  for (const part of parts) {
    const runId = runIdFor(part.configuration, ctx);
    const columns = Object.keys(part.samples);
    if (reset || !feed.run(runId)) {
      if (columns.length === 0 && !feed.run(runId)) continue;
      const channels = channelMap(part.configuration, columns, maxConn);
      const info: RunStreamInfo = {
        runId,
        configuration: asConfiguration(part.configuration),
        label: ctx.variant ? `${part.configuration} (${ctx.variant.label})` : part.configuration,
        sampleIntervalNanos: ctx.scenario.sampleIntervalMs * 1e6,
        channels: channels.map((c) => c.spec),
      };
      feed.announce(info);
      mappings.set(feed.run(runId)!.info, channels);
    }
    const run = feed.run(runId)!;
    const map = mappings.get(run.info) ?? channelMap(part.configuration, columns, maxConn);
    const t = part.samples.t ?? new Float64Array(0);
    const conn = connectionColumns(part.connections ?? [], t, maxConn);
    const values = map.map((m) => {
      const src = part.samples[m.column] ?? conn[m.column];
      return Float64Array.from({ length: t.length }, (_, i) => (src ? (src[i] ?? Number.NaN) * m.scale : Number.NaN));
    });
    if (t.length > 0) feed.append({ runId, tNanos: t, values });
    const notes: RunAnnotation[] = (part.events ?? [])
      .filter((e) => e.count > 0 && EVENT_KIND[e.kind] !== undefined)
      .map((e) => ({
        runId, tNanos: e.t, kind: EVENT_KIND[e.kind]!,
        text: e.text !== undefined ? `${e.text} at ${(e.t / 1e6).toFixed(3)} ms`
          : `${e.count} ${e.kind.replace(/-/g, ' ')} in the interval ending at ${(e.t / 1e6).toFixed(2)} ms`,
      }));
    if (notes.length > 0) feed.annotate(notes);
    if (part.summary) {
      const sum = runSummaryOf(part.configuration, part.summary, ctx);
      if (sum) feed.summarize(sum);
    }
  }
}

const mappings = new WeakMap<RunStreamInfo, Mapped[]>();

/** Connection rows aligned to the sample instants (a connection traced from a later sample has NaN before). */
function connectionColumns(conns: readonly ConnectionRows[], t: ArrayLike<number>, max: number): Record<string, Float64Array> {
  const out: Record<string, Float64Array> = {};
  const traced = conns.filter((c) => !c.label.endsWith('->0')).slice(0, max);
  traced.forEach((c, k) => {
    const ct = c.samples.t ?? [];
    for (const name of ['cwnd', 'ssthresh', 'srttNs']) {
      const col = new Float64Array(t.length).fill(Number.NaN);
      const src = c.samples[name] ?? [];
      let j = 0;
      for (let i = 0; i < t.length; i++) {
        while (j < ct.length && ct[j]! < t[i]!) j++;
        if (j < ct.length && ct[j] === t[i]) col[i] = src[j] ?? Number.NaN;
      }
      out[`conn${k + 1}.${name}`] = col;
    }
  });
  return out;
}
