// Builds the fault wrappers of one link direction from a declarative spec. The
// order is fixed (outage, drop-by-TCP, loss, burst loss, corruption,
// duplication, reordering, jitter) and every fault draws from its own stream
// named `link:<name>:<fault>`, e.g. `link:a->b:loss`.
import type { Nanos, Simulator } from '../../../sim';
import type { FrameSink } from '../frame-sink';
import { Corruption } from './corrupt';
import { DropTcp, type TcpFrameInfo } from './drop-tcp';
import { Duplication } from './duplicate';
import { Jitter } from './jitter';
import { BernoulliLoss, GilbertElliottLoss, gilbertForRate, type GilbertElliottParams } from './loss';
import { Outage, type OutageInterval } from './outage';
import { Reordering } from './reorder';

export interface FaultSpec {
  /** Independent loss probability per frame. */
  loss?: number;
  /** Bursty loss: a mean rate and burst length in frames (optionally bounded in time), or explicit chain parameters. */
  burstLoss?: { rate: number; meanBurst: number; maxBurstNanos?: number } | GilbertElliottParams;
  /** Probability that a frame has `bits` (default 1) flipped. */
  corrupt?: number | { rate: number; bits: number };
  duplicate?: number;
  reorder?: number | { rate: number; holdFrames?: number; holdNanos?: Nanos };
  jitter?: { rate: number; maxNanos: Nanos; preserveOrder?: boolean };
  outages?: readonly OutageInterval[];
  dropTcp?: { match: (seg: TcpFrameInfo) => boolean; maxDrops?: number };
}

export interface FaultSet {
  outage?: Outage;
  dropTcp?: DropTcp;
  loss?: BernoulliLoss;
  burstLoss?: GilbertElliottLoss;
  corrupt?: Corruption;
  duplicate?: Duplication;
  reorder?: Reordering;
  jitter?: Jitter;
}

export interface FaultChain {
  /** Where the wire should deliver: the first wrapper (or the sink itself). */
  head: FrameSink;
  faults: FaultSet;
}

/** Wraps `sink` in the faults of `spec`, innermost last. */
export function buildFaultChain(sim: Simulator, name: string, spec: FaultSpec, sink: FrameSink): FaultChain {
  const faults: FaultSet = {};
  const rng = (fault: string) => sim.rng.stream(`link:${name}:${fault}`);
  let head = sink;
  if (spec.jitter !== undefined && spec.jitter.rate > 0) {
    const j = spec.jitter;
    head = faults.jitter = new Jitter(sim, rng('jitter'), j.rate, j.maxNanos, head, j.preserveOrder ?? true);
  }
  if (spec.reorder !== undefined) {
    const r = typeof spec.reorder === 'number' ? { rate: spec.reorder } : spec.reorder;
    if (r.rate > 0) head = faults.reorder = new Reordering(sim, rng('reorder'), r.rate, head, r.holdFrames, r.holdNanos);
  }
  if (spec.duplicate !== undefined && spec.duplicate > 0) {
    head = faults.duplicate = new Duplication(rng('duplicate'), spec.duplicate, head);
  }
  if (spec.corrupt !== undefined) {
    const c = typeof spec.corrupt === 'number' ? { rate: spec.corrupt, bits: 1 } : spec.corrupt;
    if (c.rate > 0) head = faults.corrupt = new Corruption(rng('corrupt'), c.rate, head, c.bits);
  }
  if (spec.burstLoss !== undefined) {
    const b = spec.burstLoss;
    const params = 'meanBurst' in b ? gilbertForRate(b.rate, b.meanBurst, b.maxBurstNanos) : b;
    head = faults.burstLoss = new GilbertElliottLoss(rng('burst-loss'), params, head, sim);
  }
  if (spec.loss !== undefined && spec.loss > 0) head = faults.loss = new BernoulliLoss(rng('loss'), spec.loss, head);
  if (spec.dropTcp !== undefined) head = faults.dropTcp = new DropTcp(spec.dropTcp.match, head, spec.dropTcp.maxDrops);
  if (spec.outages !== undefined && spec.outages.length > 0) head = faults.outage = new Outage(sim, spec.outages, head);
  return { head, faults };
}

/** Sums every fault counter of a set into one flat record, e.g. `{ 'loss.dropped': 12 }`. */
export function faultCounters(set: FaultSet): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [name, fault] of Object.entries(set) as [string, { counters: object }][]) {
    for (const [k, v] of Object.entries(fault.counters)) out[`${name}.${k}`] = v as number;
  }
  return out;
}
