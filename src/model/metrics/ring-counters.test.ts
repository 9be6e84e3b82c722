// The transmit backpressure counters reach the snapshots and the summary: the
// card MAC ring's stops and wakes and the transmit queue's stopped waits as
// differences over the window, the peaks and the ring size as the run's
// values, taken from a real offload machine with a 16-descriptor ring and from
// the native peer across the same wire.
import { describe, expect, it } from 'vitest';
import { bps, micros, type Nanos } from '../../sim';
import { startBulk } from '../offload/testing/bulk';
import { offloadWorld } from '../offload/testing/world';
import { WorkloadStats } from '../workloads';
import { Histogram } from './histogram';
import { takeSnapshot } from './snapshot';
import { summarize } from './summary';

const MS = 1e6;

describe('the transmit ring and queue counters in metrics', () => {
  it('appear in snapshots and in the summary, windowed where cumulative and whole-run where peaks', () => {
    const w = offloadWorld({ rate: bps(100e6), delay: micros(50), tcp: { sndBuf: 256 << 10, rcvBuf: 256 << 10 }, server: { txDescriptors: 16 } });
    startBulk(w, 'server-sends', 400_000, 65536);
    const stats = new WorkloadStats();
    w.run(10 * MS);
    const a = takeSnapshot(w.sim.now, w.server, stats, 0);
    w.run(30 * MS);
    const b = takeSnapshot(w.sim.now, w.server, stats, 0);
    const s = summarize({
      start: a, end: b, hostClock: 2.4e9, cores: 1, iopClock: 600e6, stats, latency: new Histogram(), simEvents: 0, events: [],
    });
    console.log(`window ${(s.windowNs / MS).toFixed(0)} ms: ring stops ${s.hdmTxStops}, wakes ${s.hdmTxWakes}, peak ${s.hdmTxPeakInUse}/${s.hdmTxDescriptors}, ` +
      `queue peak ${s.xmitPeakQueued}, stopped waits ${s.xmitStoppedWaits} (run: stops ${b.counters.hdmTxStops})`);
    expect(a.counters.hdmTxStops).toBeGreaterThan(0);
    expect(s.hdmTxStops).toBe(b.counters.hdmTxStops - a.counters.hdmTxStops);
    expect(s.hdmTxStops).toBeGreaterThan(0);
    expect(s.hdmTxWakes).toBe(b.counters.hdmTxWakes - a.counters.hdmTxWakes);
    expect(s.xmitStoppedWaits).toBe(b.counters.xmitStoppedWaits - a.counters.xmitStoppedWaits);
    expect(s.xmitStoppedWaits).toBeGreaterThan(0);
    expect([s.hdmTxPeakInUse, s.hdmTxDescriptors]).toEqual([16, 16]);
    expect(s.xmitPeakQueued).toBe(b.counters.xmitPeakQueued);
    expect(s.xmitPeakQueued).toBeGreaterThan(16);
    expect(b.counters.hdmTxFree).toBeGreaterThanOrEqual(0);
    expect(b.counters.hdmTxFree).toBeLessThanOrEqual(16);
  });

  it('reports the native stack\'s transmit queue and no HDM ring on a native machine', () => {
    const w = offloadWorld({ rate: bps(100e6), delay: micros(50) });
    startBulk(w, 'server-receives', 200_000, 65536);
    w.run(40 * MS);
    const c = takeSnapshot(w.sim.now as Nanos, w.peerMachine, new WorkloadStats(), 0).counters;
    console.log(`native peer: queue peak ${c.xmitPeakQueued}, stopped waits ${c.xmitStoppedWaits}`);
    expect(c.xmitPeakQueued).toBeGreaterThan(0);
    expect([c.hdmTxStops, c.hdmTxWakes, c.hdmTxPeakInUse, c.hdmTxDescriptors, c.hdmTxFree]).toEqual([0, 0, 0, 0, 0]);
  });
});
