// A snapshot of every cumulative counter a configuration has at one instant:
// cycles per category on the host CPUs and the IOP, the machine's counters and
// the workload's. Samples and summaries are differences of two snapshots, so
// they add up exactly over any window.
import { CATEGORY_COUNT, type Nanos } from '../../sim';
import type { Machine, MachineCounters } from '../machine';
import type { WorkloadStats } from '../workloads';

export interface Snapshot {
  readonly t: Nanos;
  readonly host: Float64Array;
  readonly iop: Float64Array;
  readonly counters: MachineCounters;
  readonly bytes: number;
  readonly requests: number;
  readonly connections: number;
  /** Integral of bus utilization over time (ns), kept by the sampler. */
  readonly busUtilNs: number;
}

export function takeSnapshot(t: Nanos, m: Machine, w: WorkloadStats, busUtilNs: number): Snapshot {
  const host = new Float64Array(CATEGORY_COUNT);
  const iop = new Float64Array(CATEGORY_COUNT);
  for (const cpu of m.hostCpus) {
    const c = cpu.cyclesByCategory();
    for (let i = 0; i < CATEGORY_COUNT; i++) host[i]! += c[i]!;
  }
  if (m.iop !== null) iop.set(m.iop.cyclesByCategory());
  return {
    t, host, iop, counters: m.counters(), bytes: w.bytesDelivered, requests: w.requests, connections: w.connections,
    busUtilNs,
  };
}

export function sumOf(a: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i]!;
  return s;
}
