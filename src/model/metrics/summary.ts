// The summary of one configuration over a window [start, end] of simulated
// time: the figures the CLI prints and the UI's headline shows (issue 4 item
// 6). Every figure is a difference of two snapshots divided by the window.
// netperf's service demand is µs of CPU per KB (1024 bytes) moved.
import { CATEGORIES, CATEGORY_COUNT, type Category } from '../../sim';
import type { WorkloadStats } from '../workloads';
import type { Histogram } from './histogram';
import type { MetricEvent } from './recorder';
import type { Snapshot } from './snapshot';

export interface LatencySummary {
  readonly count: number;
  readonly meanUs: number;
  readonly p50Us: number;
  readonly p90Us: number;
  readonly p99Us: number;
  readonly maxUs: number;
}

export interface Summary {
  /** Window the rates cover, in ns. */
  readonly windowNs: number;
  readonly goodputBps: number;
  /** Host CPU busy share (all cores), 0..1. */
  readonly hostCpuUtil: number;
  readonly hostCyclesByCategory: Record<Category, number>;
  readonly hostUtilByCategory: Record<Category, number>;
  readonly iopUtil: number;
  readonly iopCyclesByCategory: Record<Category, number>;
  /** Host cycles per byte delivered to or from the application. */
  readonly cyclesPerByte: number;
  readonly serviceDemandUsPerKB: number;
  readonly interruptsPerSec: number;
  readonly contextSwitchesPerSec: number;
  readonly copies: number;
  readonly bytesCopied: number;
  readonly dmaTransfers: number;
  readonly mmioReads: number;
  readonly i2oMessages: number;
  readonly i2oMessagesPerSec: number;
  readonly busUtil: number;
  readonly requestsPerSec: number;
  readonly connectionsPerSec: number;
  readonly latency: LatencySummary;
  /** Bytes delivered to the applications over the whole run (warmup included). */
  readonly bytesDelivered: number;
  readonly bytesInWindow: number;
  readonly integrityOk: boolean;
  readonly firstMismatch: string | null;
  readonly errors: number;
  readonly lastError: string | null;
  readonly rxRingDrops: number;
  /** The OSM's DMA pools found empty (offload only). */
  readonly poolExhausted: number;
  readonly i2oQueueFull: number;
  /** Sends that found the socket send buffer full (flow control, not a fault). */
  readonly sendBufferFull: number;
  /** Most frames ever waiting in the server stack's ordered transmit queue (whole run, warm-up included). */
  readonly xmitPeakQueued: number;
  /** Times a stopped driver made a frame wait in that queue, over the window. */
  readonly xmitStoppedWaits: number;
  /** The card MAC's transmit ring (offload only): times it filled and stopped the ISM, over the window. */
  readonly hdmTxStops: number;
  /** Times the transmit-complete interrupt woke the stopped ISM, over the window. */
  readonly hdmTxWakes: number;
  /** Most transmit descriptors ever in use (whole run), of hdmTxDescriptors. */
  readonly hdmTxPeakInUse: number;
  /** The ring's size (0 without an HDM). */
  readonly hdmTxDescriptors: number;
  readonly eventCounts: Record<string, number>;
  readonly simEvents: number;
}

export interface SummaryInput {
  readonly start: Snapshot;
  readonly end: Snapshot;
  readonly hostClock: number;
  readonly cores: number;
  readonly iopClock: number;
  readonly stats: WorkloadStats;
  readonly latency: Histogram;
  readonly simEvents: number;
  readonly events: readonly MetricEvent[];
}

function byCategory(a: Float64Array, b: Float64Array, scale: number): Record<Category, number> {
  const out = {} as Record<Category, number>;
  for (let i = 0; i < CATEGORY_COUNT; i++) out[CATEGORIES[i]!] = (b[i]! - a[i]!) * scale;
  return out;
}

const us = (ns: number): number => ns / 1000;

export function summarize(x: SummaryInput): Summary {
  const { start: a, end: b } = x;
  const w = b.t - a.t;
  const sec = w / 1e9;
  const bytes = b.bytes - a.bytes;
  const hostCycles = byCategory(a.host, b.host, 1);
  const iopCycles = byCategory(a.iop, b.iop, 1);
  let host = 0;
  let iop = 0;
  for (const c of CATEGORIES) {
    host += hostCycles[c];
    iop += iopCycles[c];
  }
  const hostCap = x.hostClock * x.cores * sec;
  const ka = a.counters;
  const kb = b.counters;
  const rate = (d: number): number => (sec > 0 ? d / sec : NaN);
  const eventCounts: Record<string, number> = {};
  for (const e of x.events) if (e.t >= a.t) eventCounts[e.kind] = (eventCounts[e.kind] ?? 0) + e.count;
  const h = x.latency;
  return {
    windowNs: w,
    goodputBps: rate(bytes * 8),
    hostCpuUtil: hostCap > 0 ? host / hostCap : NaN,
    hostCyclesByCategory: hostCycles,
    hostUtilByCategory: byCategory(a.host, b.host, hostCap > 0 ? 1 / hostCap : NaN),
    iopUtil: x.iopClock > 0 && sec > 0 ? iop / (x.iopClock * sec) : 0,
    iopCyclesByCategory: iopCycles,
    cyclesPerByte: bytes > 0 ? host / bytes : NaN,
    serviceDemandUsPerKB: bytes > 0 ? ((host / x.hostClock) * 1e6) / (bytes / 1024) : NaN,
    interruptsPerSec: rate(kb.interrupts - ka.interrupts),
    contextSwitchesPerSec: rate(kb.contextSwitches - ka.contextSwitches),
    copies: kb.copies - ka.copies,
    bytesCopied: kb.bytesCopied - ka.bytesCopied,
    dmaTransfers: kb.dmaTransfers - ka.dmaTransfers,
    mmioReads: kb.mmioReads - ka.mmioReads,
    i2oMessages: kb.i2oMessages - ka.i2oMessages,
    i2oMessagesPerSec: rate(kb.i2oMessages - ka.i2oMessages),
    busUtil: w > 0 ? (b.busUtilNs - a.busUtilNs) / w : 0,
    requestsPerSec: rate(b.requests - a.requests),
    connectionsPerSec: rate(b.connections - a.connections),
    latency: {
      count: h.count, meanUs: us(h.mean), p50Us: us(h.percentile(0.5)), p90Us: us(h.percentile(0.9)),
      p99Us: us(h.percentile(0.99)), maxUs: h.count > 0 ? us(h.max) : NaN,
    },
    bytesDelivered: x.stats.bytesDelivered,
    bytesInWindow: bytes,
    integrityOk: x.stats.integrityOk,
    firstMismatch: x.stats.firstMismatch,
    errors: x.stats.errors,
    lastError: x.stats.lastError,
    rxRingDrops: kb.rxRingDrops - ka.rxRingDrops,
    poolExhausted: kb.poolExhausted - ka.poolExhausted,
    i2oQueueFull: kb.i2oQueueFull - ka.i2oQueueFull,
    sendBufferFull: kb.sendBufferFull - ka.sendBufferFull,
    xmitPeakQueued: kb.xmitPeakQueued,
    xmitStoppedWaits: kb.xmitStoppedWaits - ka.xmitStoppedWaits,
    hdmTxStops: kb.hdmTxStops - ka.hdmTxStops,
    hdmTxWakes: kb.hdmTxWakes - ka.hdmTxWakes,
    hdmTxPeakInUse: kb.hdmTxPeakInUse,
    hdmTxDescriptors: kb.hdmTxDescriptors,
    eventCounts,
    simEvents: x.simEvents,
  };
}
