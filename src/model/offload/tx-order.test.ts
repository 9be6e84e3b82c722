// The card's transmit path keeps one flow's segments in order and applies
// backpressure instead of queueing without bound: the ISM's output waits in
// the stack's transmit queue while the HDM's descriptor ring is full, and the
// IOP's run queue holds at most about a ring's worth of work. Observed on the
// wire (the link's tap), on the ISM's connections and on the IOP.
import { describe, expect, it } from 'vitest';
import { bps, micros, millis } from '../../sim';
import { readTcp, type TcpFrameInfo } from '../../net/link';
import { HDM_TX_DESCRIPTORS, Hdm } from './card/hdm';
import { startBulk } from './testing/bulk';
import { offloadWorld, type OffloadWorld, type OffloadWorldOptions } from './testing/world';

const MS = 1e6;

interface Observed {
  dataFrames: number;
  /** Data segments that reached the wire after a segment further on in the sequence space. */
  outOfOrder: number;
  /** Largest IOP run-queue depth seen at any 10 µs sample. */
  peakIopQueue: number;
}

/** Watches the server-to-peer direction of the link and samples the IOP's run queue. */
function watch(w: OffloadWorld): Observed {
  const o: Observed = { dataFrames: 0, outOfOrder: 0, peakIopQueue: 0 };
  const seg: TcpFrameInfo = { srcPort: 0, dstPort: 0, seq: 0, ack: 0, flags: 0, payloadLength: 0 };
  let highest = -1;
  w.link.aToB.tap = {
    onFrame(_t, f) {
      if (!readTcp(f, seg) || seg.payloadLength === 0) return;
      o.dataFrames += 1;
      const end = (seg.seq + seg.payloadLength) >>> 0;
      if (highest < 0 || ((end - highest) | 0) > 0) highest = end;
      else o.outOfOrder += 1;
    },
  };
  return o;
}

function runSampled(w: OffloadWorld, o: Observed, ns: number): void {
  for (let t = 0; t < ns; t += 10_000) {
    w.run(10_000);
    o.peakIopQueue = Math.max(o.peakIopQueue, w.server.iop.queueDepth);
  }
}

function retransmits(w: OffloadWorld): { all: number; fast: number } {
  let all = 0;
  let fast = 0;
  for (const c of w.server.ism.connections()) {
    all += c.retransmits;
    fast += c.fastRetransmits;
  }
  return { all, fast };
}

function hdmOf(w: OffloadWorld): Hdm {
  const h = w.server.port;
  if (!(h instanceof Hdm)) throw new Error('the offload server port is not its HDM');
  return h;
}

function bulk(opts: OffloadWorldOptions, writeBytes: number, total: number, ns: number) {
  const w = offloadWorld(opts);
  const seen = watch(w);
  const run = startBulk(w, 'server-sends', total, writeBytes);
  runSampled(w, seen, ns);
  return { w, seen, run, hdm: hdmOf(w), rtx: retransmits(w) };
}

describe('the offload transmit path', () => {
  it('sends a lossless 1460-byte-write bulk flow in order, retransmits nothing and keeps the IOP run queue bounded', () => {
    // The IOP (600 MHz) cannot keep up with the gigabit wire at 1460-byte writes: it
    // is the bottleneck, which used to leave woken sends queued behind softirq work.
    const { w, seen, run, hdm, rtx } = bulk({}, 1460, 1e12, 20 * MS);
    console.log(`offload 1460 B writes, 20 ms: ${seen.dataFrames} data frames, ${seen.outOfOrder} out of order, ` +
      `retransmits ${rtx.all} (fast ${rtx.fast}), IOP queue peak ${seen.peakIopQueue}, ` +
      `IOP utilization ${(w.server.iop.utilization(millis(5), millis(20)) * 100).toFixed(1)}%`);
    expect(seen.dataFrames).toBeGreaterThan(1000);
    expect(seen.outOfOrder).toBe(0);
    expect(rtx.all).toBe(0);
    expect(rtx.fast).toBe(0);
    expect(seen.peakIopQueue).toBeLessThanOrEqual(HDM_TX_DESCRIPTORS + 16);
    expect(hdm.tx.counters.peakInUse).toBeLessThanOrEqual(HDM_TX_DESCRIPTORS);
    expect(hdm.tx.counters.overruns).toBe(0);
    expect(run.checker!.ok).toBe(true);
  });

  it('stops the ISM at a full HDM ring on a slow wire and wakes it as the MAC drains, dropping and reordering nothing', () => {
    // 20 Mb/s with 1 MB socket buffers: the window grows far past the ring's 256
    // descriptors, so the IOP fills the ring and must wait for the MAC.
    const total = 1_500_000;
    const { w, seen, run, hdm, rtx } = bulk({ rate: bps(20e6), delay: micros(50), tcp: { sndBuf: 1 << 20, rcvBuf: 1 << 20 } }, 65536, total, 700 * MS);
    const t = hdm.tx.counters;
    const xq = w.server.ism.out.xmitCounters;
    console.log(`slow wire: ring stops ${t.stops}, wakes ${t.wakes}, ring peak ${t.peakInUse}, ISM queue peak ${xq.peakQueued}, ` +
      `IOP queue peak ${seen.peakIopQueue}, wire drops ${w.link.aToB.counters.droppedQueueFull}`);
    expect(run.received()).toBe(total);
    expect(run.checker!.ok).toBe(true);
    expect(t.stops).toBeGreaterThan(0);
    expect(t.wakes).toBe(t.stops);
    expect(t.peakInUse).toBe(HDM_TX_DESCRIPTORS);
    expect(t.overruns).toBe(0);
    expect(xq.stoppedWaits).toBeGreaterThan(0);
    // The frames that did not fit waited in the ISM's own queue, not on the IOP's run queue.
    expect(xq.peakQueued).toBeGreaterThan(0);
    expect(seen.peakIopQueue).toBeLessThanOrEqual(HDM_TX_DESCRIPTORS + 16);
    expect(seen.outOfOrder).toBe(0);
    expect(rtx.all).toBe(0);
    expect(w.link.aToB.counters.droppedQueueFull).toBe(0);
    // Idle again: every descriptor is back and nothing waits.
    expect(hdm.tx.inUse).toBe(0);
    expect(hdm.txStopped).toBe(false);
    expect(w.server.ism.out.txQueued).toBe(0);
  });
});
