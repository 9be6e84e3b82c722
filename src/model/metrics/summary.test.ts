// summarize(): rates over the window, cycles per byte as the sum of the
// categories, netperf's service demand, and utilization against clock x cores.
import { describe, expect, it } from 'vitest';
import { CATEGORY_COUNT, categoryIndex, type Nanos } from '../../sim';
import { emptyCounters } from '../machine';
import { WorkloadStats } from '../workloads';
import { Histogram } from './histogram';
import type { Snapshot } from './snapshot';
import { summarize } from './summary';

function snap(t: number, bytes: number, tcp: number, copy: number, interrupts: number): Snapshot {
  const host = new Float64Array(CATEGORY_COUNT);
  host[categoryIndex('tcp')] = tcp;
  host[categoryIndex('copy')] = copy;
  return { t: t as Nanos, host, iop: new Float64Array(CATEGORY_COUNT), counters: { ...emptyCounters(), interrupts }, bytes, requests: 0, connections: 0, busUtilNs: 0 };
}

describe('summarize', () => {
  it('derives goodput, utilization, cycles per byte and service demand from two snapshots', () => {
    // 0.1 s window, 12.5 MB moved (1 Gb/s), 60 M host cycles on one 2.4 GHz core (25%).
    const s = summarize({
      start: snap(100e6, 1e6, 10e6, 5e6, 100),
      end: snap(200e6, 13.5e6, 50e6, 25e6, 1100),
      hostClock: 2.4e9, cores: 1, iopClock: 0, stats: new WorkloadStats(), latency: new Histogram(), simEvents: 0, events: [],
    });
    console.log(`goodput ${s.goodputBps} b/s, host ${s.hostCpuUtil}, cycles/B ${s.cyclesPerByte}, µs/KB ${s.serviceDemandUsPerKB}`);
    expect(s.goodputBps).toBeCloseTo(1e9, 3);
    expect(s.hostCpuUtil).toBeCloseTo(0.25, 10);
    expect(s.cyclesPerByte).toBeCloseTo(60e6 / 12.5e6, 10);
    expect(s.hostCyclesByCategory.tcp + s.hostCyclesByCategory.copy).toBe(60e6);
    // 60e6 cycles = 25,000 µs over 12.5e6 / 1024 KB.
    expect(s.serviceDemandUsPerKB).toBeCloseTo(25_000 / (12.5e6 / 1024), 10);
    expect(s.interruptsPerSec).toBeCloseTo(10_000, 6);
    expect(s.iopUtil).toBe(0);
  });

  it('reports NaN, not a made-up number, when no byte moved', () => {
    const s = summarize({
      start: snap(0, 0, 0, 0, 0), end: snap(1e6, 0, 1000, 0, 0),
      hostClock: 1e9, cores: 2, iopClock: 0, stats: new WorkloadStats(), latency: new Histogram(), simEvents: 0, events: [],
    });
    expect(s.cyclesPerByte).toBeNaN();
    expect(s.serviceDemandUsPerKB).toBeNaN();
    expect(s.hostCpuUtil).toBeCloseTo(1000 / (1e9 * 2 * 1e-3), 12);
    expect(s.latency.p50Us).toBeNaN();
  });
});
