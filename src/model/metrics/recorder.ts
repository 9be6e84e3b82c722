// The metrics of one configuration (DESIGN.md 1.4, 2.2; model-design.md
// "Metrics"): every `sampleInterval` of simulated time a row of rates and
// utilizations, all differences of cumulative counters (snapshot.ts) over the
// interval; latency percentiles of the requests completed in it; cwnd,
// ssthresh and smoothed RTT per TCP connection; annotations of loss, RTO,
// pool exhaustion and full I2O queues with their times. The summary covers
// [warmup, now] and is what the CLI and the UI's headline print.
//
// Host utilization is cycles charged / (clock x cores x interval) as the
// design asks; a processor credits a job's cycles when it starts, so a sample
// can exceed 1 by at most one job's share.
import { CATEGORIES, CATEGORY_COUNT, type EventHandler, type Nanos, type Simulator } from '../../sim';
import type { TcpConnection } from '../../net/tcp';
import type { Machine } from '../machine';
import type { WorkloadStats } from '../workloads';
import { Histogram } from './histogram';
import { SeriesTable } from './series';
import { takeSnapshot, sumOf, type Snapshot } from './snapshot';
import { summarize, type Summary } from './summary';

export const SAMPLE_COLUMNS = [
  't', 'goodputBps', 'hostUtil', 'iopUtil', 'cyclesPerByte', 'serviceDemandUsPerKB', 'interruptsPerSec',
  'contextSwitchesPerSec', 'copiesPerSec', 'bytesCopiedPerSec', 'dmaTransfersPerSec', 'mmioReadsPerSec',
  'i2oMessagesPerSec', 'i2oFramesInUse', 'busUtil', 'latencyP50Ns', 'latencyP90Ns', 'latencyP99Ns',
  'connectionsPerSec', 'requestsPerSec',
  ...CATEGORIES.map((c) => `host.${c}`),
  ...CATEGORIES.map((c) => `iop.${c}`),
] as const;

export type EventKind = 'loss' | 'rto' | 'fast-retransmit' | 'pool-exhausted' | 'i2o-queue-full' | 'rx-ring-drop';

/** Something that happened within the sample ending at `t` (`count` times). */
export interface MetricEvent {
  readonly t: Nanos;
  readonly kind: EventKind;
  readonly count: number;
}

export interface ConnectionTrace {
  readonly label: string;
  readonly series: SeriesTable;
}

export interface RecorderOptions {
  readonly sampleInterval: Nanos;
  /** Start of the summary window. */
  readonly warmup: Nanos;
  /** Frames lost on the wire so far (fault counters), for loss annotations. */
  readonly wireLosses?: () => number;
  /** Most connections traced (default 32; churn opens thousands). */
  readonly maxTracedConnections?: number;
}

const KIND_SAMPLE = 1;
const KIND_WARMUP = 2;

export class MetricsRecorder implements EventHandler {
  readonly samples = new SeriesTable(SAMPLE_COLUMNS);
  readonly events: MetricEvent[] = [];
  readonly connections = new Map<TcpConnection, ConnectionTrace>();
  /** Latencies of requests completed after warmup. */
  readonly latency = new Histogram();
  private readonly interval = new Histogram();
  /** Every latency, warmup included (the summary's fallback for runs shorter than the warmup). */
  private readonly all = new Histogram();
  private last: Snapshot;
  private warm: Snapshot;
  private busUtilNs = 0;
  private lastLosses = 0;
  private readonly tcpSeen = new WeakMap<TcpConnection, { rto: number; fr: number }>();
  private readonly hostClock: number;
  private readonly cores: number;
  private readonly iopClock: number;
  private readonly col: Record<string, number> = {};

  constructor(
    private readonly sim: Simulator,
    readonly machine: Machine,
    readonly stats: WorkloadStats,
    private readonly o: RecorderOptions,
  ) {
    this.hostClock = machine.appCpu.clock;
    this.cores = machine.hostCpus.length;
    this.iopClock = machine.iop?.clock ?? 0;
    for (const name of SAMPLE_COLUMNS) this.col[name] = this.samples.column(name);
    this.last = takeSnapshot(sim.now, machine, stats, 0);
    this.warm = this.last;
  }

  /** Schedules the first sample and the warmup mark; call once, at time 0. */
  start(): void {
    this.sim.schedule((this.sim.now + this.o.sampleInterval) as Nanos, this, KIND_SAMPLE);
    if (this.o.warmup > this.sim.now) this.sim.schedule(this.o.warmup, this, KIND_WARMUP);
  }

  /** Called by the workload for each completed request. */
  recordLatency(ns: number): void {
    this.interval.record(ns);
    this.all.record(ns);
    if (this.sim.now >= this.o.warmup) this.latency.record(ns);
  }

  onEvent(kind: number): void {
    if (kind === KIND_WARMUP) {
      this.warm = takeSnapshot(this.sim.now, this.machine, this.stats, this.busUtilNs);
      return;
    }
    this.sample();
    this.sim.schedule((this.sim.now + this.o.sampleInterval) as Nanos, this, KIND_SAMPLE);
  }

  /** Takes one row now (the scheduled sampler calls this; tests may too). */
  sample(): void {
    const now = this.sim.now;
    const prev = this.last;
    const dt = now - prev.t;
    if (dt <= 0) return;
    const m = this.machine;
    const bus = m.bus === null ? 0 : m.bus.utilization(prev.t, now);
    this.busUtilNs += bus * dt;
    const cur = takeSnapshot(now, m, this.stats, this.busUtilNs);
    const s = this.samples;
    const r = s.addRow();
    const c = this.col;
    const perSec = 1e9 / dt;
    const bytes = cur.bytes - prev.bytes;
    let hostCycles = 0;
    let iopCycles = 0;
    for (let i = 0; i < CATEGORY_COUNT; i++) {
      const h = cur.host[i]! - prev.host[i]!;
      const d = cur.iop[i]! - prev.iop[i]!;
      hostCycles += h;
      iopCycles += d;
      s.set(r, c[`host.${CATEGORIES[i]!}`]!, h / ((this.hostClock * this.cores * dt) / 1e9));
      s.set(r, c[`iop.${CATEGORIES[i]!}`]!, this.iopClock > 0 ? d / ((this.iopClock * dt) / 1e9) : 0);
    }
    const k = cur.counters;
    const p = prev.counters;
    s.set(r, c.t!, now);
    s.set(r, c.goodputBps!, bytes * 8 * perSec);
    s.set(r, c.hostUtil!, hostCycles / ((this.hostClock * this.cores * dt) / 1e9));
    s.set(r, c.iopUtil!, this.iopClock > 0 ? iopCycles / ((this.iopClock * dt) / 1e9) : 0);
    s.set(r, c.cyclesPerByte!, bytes > 0 ? hostCycles / bytes : NaN);
    s.set(r, c.serviceDemandUsPerKB!, bytes > 0 ? ((hostCycles / this.hostClock) * 1e6) / (bytes / 1024) : NaN);
    s.set(r, c.interruptsPerSec!, (k.interrupts - p.interrupts) * perSec);
    s.set(r, c.contextSwitchesPerSec!, (k.contextSwitches - p.contextSwitches) * perSec);
    s.set(r, c.copiesPerSec!, (k.copies - p.copies) * perSec);
    s.set(r, c.bytesCopiedPerSec!, (k.bytesCopied - p.bytesCopied) * perSec);
    s.set(r, c.dmaTransfersPerSec!, (k.dmaTransfers - p.dmaTransfers) * perSec);
    s.set(r, c.mmioReadsPerSec!, (k.mmioReads - p.mmioReads) * perSec);
    s.set(r, c.i2oMessagesPerSec!, (k.i2oMessages - p.i2oMessages) * perSec);
    s.set(r, c.i2oFramesInUse!, k.i2oFramesInUse);
    s.set(r, c.busUtil!, bus);
    s.set(r, c.latencyP50Ns!, this.interval.percentile(0.5));
    s.set(r, c.latencyP90Ns!, this.interval.percentile(0.9));
    s.set(r, c.latencyP99Ns!, this.interval.percentile(0.99));
    s.set(r, c.connectionsPerSec!, (cur.connections - prev.connections) * perSec);
    s.set(r, c.requestsPerSec!, (cur.requests - prev.requests) * perSec);
    this.interval.reset();
    this.note('pool-exhausted', k.poolExhausted - p.poolExhausted);
    this.note('i2o-queue-full', k.i2oQueueFull - p.i2oQueueFull);
    this.note('rx-ring-drop', k.rxRingDrops - p.rxRingDrops);
    if (this.o.wireLosses !== undefined) {
      const l = this.o.wireLosses();
      this.note('loss', l - this.lastLosses);
      this.lastLosses = l;
    }
    this.traceConnections(now);
    this.last = cur;
  }

  private note(kind: EventKind, count: number): void {
    if (count > 0) this.events.push({ t: this.sim.now, kind, count });
  }

  private traceConnections(now: Nanos): void {
    let rto = 0;
    let fr = 0;
    const max = this.o.maxTracedConnections ?? 32;
    for (const conn of this.machine.tcpConnections()) {
      const seen = this.tcpSeen.get(conn) ?? { rto: 0, fr: 0 };
      rto += conn.rtoCount - seen.rto;
      fr += conn.fastRetransmits - seen.fr;
      seen.rto = conn.rtoCount;
      seen.fr = conn.fastRetransmits;
      this.tcpSeen.set(conn, seen);
      let tr = this.connections.get(conn);
      if (tr === undefined) {
        if (this.connections.size >= max) continue;
        const l = conn.local;
        const rm = conn.remote;
        tr = { label: `${l.port}->${rm.port}`, series: new SeriesTable(['t', 'cwnd', 'ssthresh', 'srttNs'], 64) };
        this.connections.set(conn, tr);
      }
      const row = tr.series.addRow();
      tr.series.set(row, 0, now);
      tr.series.set(row, 1, conn.cwnd);
      tr.series.set(row, 2, conn.ssthresh);
      tr.series.set(row, 3, conn.srtt);
    }
    this.note('rto', rto);
    this.note('fast-retransmit', fr);
  }

  /** The summary over [warmup, now] (from 0 while warmup has not been reached). */
  summary(): Summary {
    const now = this.sim.now;
    const tail = this.machine.bus === null || now <= this.last.t ? 0 : this.machine.bus.utilization(this.last.t, now) * (now - this.last.t);
    const end = takeSnapshot(now, this.machine, this.stats, this.busUtilNs + tail);
    return summarize({
      start: this.warm,
      end,
      hostClock: this.hostClock,
      cores: this.cores,
      iopClock: this.iopClock,
      stats: this.stats,
      latency: this.latency.count > 0 ? this.latency : this.all,
      simEvents: this.sim.eventsProcessed,
      events: this.events,
    });
  }

  /** Total host cycles so far (all categories, all cores). */
  hostCycles(): number {
    return sumOf(takeSnapshot(this.sim.now, this.machine, this.stats, 0).host);
  }
}
