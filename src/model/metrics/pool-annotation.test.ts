// A full socket send buffer during bulk is TCP flow control, not a pool
// exhaustion: the recorder annotates `pool-exhausted` only from the OSM's
// DMA pools running dry, and counts full send buffers apart.
import { describe, expect, it } from 'vitest';
import { millis, type Nanos } from '../../sim';
import { nativeWorld } from '../machine/native.testing';
import { offloadWorld } from '../offload/testing/world';
import type { Machine } from '../machine';
import { BulkWorkload } from '../workloads';
import { MetricsRecorder } from './recorder';
import type { Simulator } from '../../sim';

function bulkMetrics(sim: Simulator, server: Machine, peer: Machine, run: (ns: number) => void) {
  const metrics: { m: MetricsRecorder | null } = { m: null };
  const w = new BulkWorkload(
    { sim, server, peer, port: 5001, recordLatency: (ns) => metrics.m!.recordLatency(ns) },
    { direction: 'send', messageBytes: 65536, connections: 1, totalBytes: 0, app: { perRequest: 0, perByte: 0 } },
  );
  const m = new MetricsRecorder(sim, server, w.stats, { sampleInterval: millis(2), warmup: 0 as Nanos });
  metrics.m = m;
  m.start();
  w.start();
  run(20e6);
  return { m, s: m.summary(), bytes: w.stats.bytesDelivered };
}

describe('pool-exhausted annotations', () => {
  it('native bulk fills the send buffer every sample but never annotates pool exhaustion', () => {
    const w = nativeWorld();
    const { m, s, bytes } = bulkMetrics(w.sim, w.server, w.peer, w.run);
    const kinds = new Set(m.events.map((e) => e.kind));
    console.log(`native bulk 20 ms: ${bytes} B, sendBufferFull=${s.sendBufferFull}, poolExhausted=${s.poolExhausted}, annotations=[${[...kinds].join(',')}]`);
    expect(bytes).toBeGreaterThan(1_000_000);
    expect(s.sendBufferFull).toBeGreaterThan(0);
    expect(s.poolExhausted).toBe(0);
    expect(kinds.has('pool-exhausted')).toBe(false);
  });

  it('offload bulk with ample pools counts full send buffers, not pool exhaustion', () => {
    const w = offloadWorld();
    const { m, s, bytes } = bulkMetrics(w.sim, w.server, w.peerMachine, w.run);
    console.log(`offload bulk 20 ms: ${bytes} B, sendBufferFull=${s.sendBufferFull}, poolExhausted=${s.poolExhausted}`);
    expect(bytes).toBeGreaterThan(1_000_000);
    expect(s.sendBufferFull).toBeGreaterThan(0);
    expect(m.events.some((e) => e.kind === 'pool-exhausted')).toBe(false);
  });

  it('a transmit pool withheld by a fault is annotated as pool exhaustion', () => {
    const w = offloadWorld({ server: { faults: { poolExhaustion: [{ pool: 'tx', atNs: millis(3), forNs: millis(5) }] } } });
    const { m, s } = bulkMetrics(w.sim, w.server, w.peerMachine, w.run);
    const ev = m.events.filter((e) => e.kind === 'pool-exhausted');
    console.log(`offload bulk, tx pool withheld 3-8 ms: poolExhausted=${s.poolExhausted} at ${ev.map((e) => e.t / 1e6).join(',')} ms`);
    expect(s.poolExhausted).toBeGreaterThan(0);
    expect(ev.length).toBeGreaterThan(0);
    expect(ev.every((e) => e.t >= millis(3) && e.t <= millis(10))).toBe(true);
  });
});
