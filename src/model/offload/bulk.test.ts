// Bulk transfers through the offload server: every byte arrives intact in
// both directions, the host CPU stays nearly idle at line rate on the
// 2002-gigabit tables, and a slow IOP cannot keep up with the wire.
import { describe, expect, it } from 'vitest';
import { CATEGORIES, categoryIndex, mhz, millis } from '../../sim';
import { buildCostTables, offloadSendPerSegment, resolveHostCosts, resolveIopCosts } from '../costs';
import { startBulk } from './testing/bulk';
import { offloadWorld } from './testing/world';

const MS = 1e6;

function analyticSendHostCyclesPerByte(): number {
  const t = buildCostTables('xeon-2002', 'iop321-2002');
  if (!t.ok) throw new Error('cost tables');
  const sums = offloadSendPerSegment(resolveHostCosts(t.tables, 2.4e9), resolveIopCosts(t.tables, 600e6), {
    segmentBytes: 1460, appCallBytes: 65536, ackEverySegments: 2, poolBufferBytes: 4096, inboundFrameWords: 32,
    repliesPerInterrupt: 8, repostBatch: 18, macChecksumOffload: true, iopPacketsPerInterrupt: 4, blockingCalls: true,
  });
  return sums.host.total / 1460;
}

function hostBreakdown(cycles: Float64Array): string {
  const parts: string[] = [];
  let total = 0;
  for (let i = 0; i < cycles.length; i++) total += cycles[i]!;
  for (let i = 0; i < cycles.length; i++) {
    if (cycles[i]! > 0) parts.push(`${CATEGORIES[i]} ${((100 * cycles[i]!) / total).toFixed(1)}%`);
  }
  return parts.join(', ');
}

describe('bulk through the offload server', () => {
  it('delivers every byte intact when the server sends to an ideal-CPU peer', () => {
    const w = offloadWorld();
    const total = 3_000_000;
    const run = startBulk(w, 'server-sends', total);
    w.run(100 * MS);
    const c = w.server.counters();
    console.log(`server sends ${total} B: received ${run.received()} B at the peer, intact=${run.checker?.ok}, ` +
      `I2O messages ${c.i2oMessages}, DMA transfers ${c.dmaTransfers}, host interrupts ${c.interrupts}`);
    expect(run.sendDone).toBe(true);
    expect(run.sendError).toBe(null);
    expect(run.received()).toBe(total);
    expect(run.checker!.ok).toBe(true);
    expect(c.runtimeAllocations).toBe(0);
    expect(c.i2oMessages).toBeGreaterThan(0);
    // The one copy: each sent byte crosses the host CPU once, into a transmit-pool buffer.
    expect(c.bytesCopied).toBe(total);
    // Idle again: every I2O frame is back on its free list, every transmit buffer in the pool.
    expect(c.i2oFramesInUse).toBe(0);
    expect(w.server.pools.tx.available).toBe(w.server.pools.tx.count);
  });

  it('delivers every byte intact when the server receives from the peer', () => {
    const w = offloadWorld();
    const total = 3_000_000;
    const run = startBulk(w, 'server-receives', total);
    w.run(100 * MS);
    const c = w.server.counters();
    console.log(`server receives ${total} B: ${run.received()} B checked, intact=${run.checker?.ok}, ` +
      `copies ${c.copies} (${c.bytesCopied} B), I2O messages ${c.i2oMessages}`);
    expect(run.recvDone).toBe(true);
    expect(run.received()).toBe(total);
    expect(run.checker!.ok).toBe(true);
    // The one copy: each received byte crosses the host CPU exactly once.
    expect(c.bytesCopied).toBe(total);
  });

  it('uses at most 10% of the host CPU at 1 Gb/s on the 2002-gigabit tables', () => {
    const w = offloadWorld();
    const run = startBulk(w, 'server-sends', 1e12);
    w.run(20 * MS);
    const from = w.sim.now;
    const got0 = run.received();
    const cyc0 = Float64Array.from(w.server.appCpu.cyclesByCategory());
    const reads0 = w.server.counters().mmioReads;
    w.run(40 * MS);
    const to = w.sim.now;
    const reads = w.server.counters().mmioReads - reads0;
    const goodput = ((run.received() - got0) * 8 * 1e9) / (to - from);
    const host = w.server.appCpu.utilization(millis(20), to);
    const iop = w.server.iop.utilization(millis(20), to);
    const cyc = Float64Array.from(w.server.appCpu.cyclesByCategory(), (v, i) => v - cyc0[i]!);
    console.log(`offload bulk send: goodput ${(goodput / 1e9).toFixed(3)} Gb/s, host CPU ${(100 * host).toFixed(2)}% ` +
      `(${hostBreakdown(cyc)}), IOP ${(100 * iop).toFixed(1)}%`);
    expect(from).toBe(millis(20));
    expect(goodput).toBeGreaterThan(0.9e9);
    expect(host).toBeLessThanOrEqual(0.1);
    expect(run.checker!.ok).toBe(true);
    // Every uncached port read stalled the host CPU for at least the 500 ns round trip (1,200 cycles at 2.4 GHz).
    expect(cyc[categoryIndex('mmio')]!).toBeGreaterThanOrEqual(reads * 1200 - 1);
    // The event-by-event charges agree with the analytic offload path sums of src/model/costs.
    const bytes = (goodput * (to - from)) / 8e9;
    let total = 0;
    for (const v of cyc) total += v;
    const simulated = total / bytes;
    const analytic = analyticSendHostCyclesPerByte();
    console.log(`host cycles per byte: simulated ${simulated.toFixed(3)}, analytic (offloadSendPerSegment) ${analytic.toFixed(3)}`);
    expect(Math.abs(simulated / analytic - 1)).toBeLessThan(0.25);
  });

  it('receives at 1 Gb/s with at most 10% of the host CPU', () => {
    const w = offloadWorld();
    const run = startBulk(w, 'server-receives', 1e12);
    w.run(20 * MS);
    const got0 = run.received();
    const cyc0 = Float64Array.from(w.server.appCpu.cyclesByCategory());
    const c0 = w.server.counters();
    w.run(40 * MS);
    const c1 = w.server.counters();
    const cyc = Float64Array.from(w.server.appCpu.cyclesByCategory(), (v, i) => v - cyc0[i]!);
    const goodput = ((run.received() - got0) * 8 * 1e9) / (40 * MS);
    const host = w.server.appCpu.utilization(millis(20), w.sim.now);
    console.log(`offload bulk receive: goodput ${(goodput / 1e9).toFixed(3)} Gb/s, host CPU ${(100 * host).toFixed(2)}% ` +
      `(${hostBreakdown(cyc)}; ${c1.interrupts - c0.interrupts} interrupts, ${c1.i2oMessages - c0.i2oMessages} I2O messages, ` +
      `${c1.contextSwitches - c0.contextSwitches} wake-ups, ${c1.copies - c0.copies} copies), ` +
      `IOP ${(100 * w.server.iop.utilization(millis(20), w.sim.now)).toFixed(1)}%`);
    expect(goodput).toBeGreaterThan(0.9e9);
    expect(host).toBeLessThanOrEqual(0.1);
  });

  it('falls below line rate with a slow (200 MHz) IOP', () => {
    const w = offloadWorld({ server: { iopClock: mhz(200) } });
    const run = startBulk(w, 'server-sends', 1e12);
    w.run(20 * MS);
    const got0 = run.received();
    w.run(40 * MS);
    const goodput = ((run.received() - got0) * 8 * 1e9) / (40 * MS);
    const iop = w.server.iop.utilization(millis(20), w.sim.now);
    console.log(`200 MHz IOP: goodput ${(goodput / 1e9).toFixed(3)} Gb/s (line rate 1 Gb/s), IOP ${(100 * iop).toFixed(1)}% busy`);
    expect(goodput).toBeLessThan(0.8e9);
    expect(goodput).toBeGreaterThan(0.1e9);
    expect(iop).toBeGreaterThan(0.9);
    expect(run.checker!.ok).toBe(true);
  });

  it('reply coalescing cuts host interrupts and host CPU', () => {
    const measure = (enabled: boolean) => {
      const w = offloadWorld({ server: { replyCoalescing: { enabled } } });
      startBulk(w, 'server-receives', 1e12);
      w.run(10 * MS);
      const i0 = w.server.counters().interrupts;
      w.run(20 * MS);
      return { irqs: ((w.server.counters().interrupts - i0) * 1e9) / (20 * MS), host: w.server.appCpu.utilization(millis(10), w.sim.now) };
    };
    const off = measure(false);
    const on = measure(true);
    console.log(`receive at 1 Gb/s: ${off.irqs.toFixed(0)} interrupts/s and ${(100 * off.host).toFixed(2)}% host CPU without reply coalescing, ` +
      `${on.irqs.toFixed(0)}/s and ${(100 * on.host).toFixed(2)}% with it`);
    expect(on.irqs).toBeLessThan(off.irqs);
    expect(on.host).toBeLessThan(off.host);
  });
});
