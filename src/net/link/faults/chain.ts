// Builds the fault wrappers of one link direction from a declarative spec, and
// changes them while frames flow (updateFaultChain, for live scenario changes;
// outages and drop-by-TCP are fixed once built). The order is fixed (outage, drop-by-TCP, loss, burst loss, corruption,
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
  return updateFaultChain(sim, name, {}, spec, sink);
}

/**
 * The chain of `faults` changed to `spec` from now on (a live change): a
 * wrapper the spec keeps or drops is updated in place (a dropped one gets rate 0
 * or is turned off, so frames it holds are still released and its counters and
 * stream position survive); a wrapper the spec adds is made on its own stream,
 * as buildFaultChain would have made it. The wrappers are then linked again in
 * the fixed order. With an empty `faults` this is buildFaultChain.
 */
export function updateFaultChain(sim: Simulator, name: string, faults: FaultSet, spec: FaultSpec, sink: FrameSink): FaultChain {
  const f: FaultSet = { ...faults };
  const rng = (fault: string) => sim.rng.stream(`link:${name}:${fault}`);
  const j = spec.jitter ?? { rate: 0, maxNanos: 0 as Nanos };
  if (f.jitter !== undefined) {
    f.jitter.rate = j.rate;
    f.jitter.maxNanos = j.maxNanos;
  } else if (j.rate > 0) f.jitter = new Jitter(sim, rng('jitter'), j.rate, j.maxNanos, sink, j.preserveOrder ?? true);
  const r = spec.reorder === undefined ? { rate: 0 } : typeof spec.reorder === 'number' ? { rate: spec.reorder } : spec.reorder;
  if (f.reorder !== undefined) {
    f.reorder.rate = r.rate;
    if (r.holdFrames !== undefined) f.reorder.holdFrames = r.holdFrames;
    if (r.holdNanos !== undefined) f.reorder.holdNanos = r.holdNanos;
  } else if (r.rate > 0) f.reorder = new Reordering(sim, rng('reorder'), r.rate, sink, r.holdFrames, r.holdNanos);
  const dup = spec.duplicate ?? 0;
  if (f.duplicate !== undefined) f.duplicate.rate = dup;
  else if (dup > 0) f.duplicate = new Duplication(rng('duplicate'), dup, sink);
  const c = spec.corrupt === undefined ? { rate: 0, bits: 1 } : typeof spec.corrupt === 'number' ? { rate: spec.corrupt, bits: 1 } : spec.corrupt;
  if (f.corrupt !== undefined) f.corrupt.rate = c.rate;
  else if (c.rate > 0) f.corrupt = new Corruption(rng('corrupt'), c.rate, sink, c.bits);
  if (spec.burstLoss !== undefined) {
    const b = spec.burstLoss;
    const params = 'meanBurst' in b ? gilbertForRate(b.rate, b.meanBurst, b.maxBurstNanos) : b;
    if (f.burstLoss !== undefined) {
      f.burstLoss.params = params;
      f.burstLoss.active = true;
    } else f.burstLoss = new GilbertElliottLoss(rng('burst-loss'), params, sink, sim);
  } else if (f.burstLoss !== undefined) f.burstLoss.active = false;
  const loss = spec.loss ?? 0;
  if (f.loss !== undefined) f.loss.rate = loss;
  else if (loss > 0) f.loss = new BernoulliLoss(rng('loss'), loss, sink);
  if (f.dropTcp === undefined && spec.dropTcp !== undefined) f.dropTcp = new DropTcp(spec.dropTcp.match, sink, spec.dropTcp.maxDrops);
  if (f.outage === undefined && spec.outages !== undefined && spec.outages.length > 0) f.outage = new Outage(sim, spec.outages, sink);
  // Innermost last: each wrapper hands on to the next one present, the last to the sink.
  let head = sink;
  for (const w of [f.jitter, f.reorder, f.duplicate, f.corrupt, f.burstLoss, f.loss, f.dropTcp, f.outage]) {
    if (w === undefined) continue;
    w.next = head;
    head = w;
  }
  return { head, faults: f };
}

/** Sums every fault counter of a set into one flat record, e.g. `{ 'loss.dropped': 12 }`. */
export function faultCounters(set: FaultSet): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [name, fault] of Object.entries(set) as [string, { counters: object }][]) {
    for (const [k, v] of Object.entries(fault.counters)) out[`${name}.${k}`] = v as number;
  }
  return out;
}
