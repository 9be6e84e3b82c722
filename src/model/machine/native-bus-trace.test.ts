// The native path's bus in the trace (docs trace-convention): everything that
// passes between the host and the NIC crosses layer pci, as the offload path's
// I2O frames and DMA do, so the architecture view's bus band counts the native
// configuration's traffic truly. The peer has no bus (an ideal machine), so every
// pci record in these runs is the server's.
import { describe, expect, it } from 'vitest';
import { LAYER, TRACE_KIND, type TraceRecord } from '../../sim';
import { PEER_ADDR, SERVER_ADDR, nativeWorld, startBulk } from './native.testing';

const MS = 1_000_000;

function count(rs: readonly TraceRecord[], from: number, to: number, kind: number): number {
  let n = 0;
  for (const r of rs) if (r.from === from && r.to === to && r.kind === kind) n++;
  return n;
}

describe('native bus crossings in the trace', () => {
  it('records each DMA, doorbell and interrupt of the server as a crossing of the pci layer, entering and leaving it', () => {
    const w = nativeWorld({}, { trace: true });
    startBulk(w.peer.api, w.server.api, SERVER_ADDR, 5001);
    startBulk(w.server.api, w.peer.api, PEER_ADDR, 5002);
    w.run(3 * MS);
    const t = w.sim.trace;
    expect(t.overwritten).toBe(0);
    const rs = t.toArray();
    const nic = w.server.nic.counters;
    const { pci, netdev } = LAYER;
    const n = LAYER.nic;
    expect(nic.txDmas).toBeGreaterThan(50);
    expect(nic.rxDmas).toBeGreaterThan(50);
    // Transmit: one read of descriptor and buffer per posted frame, leaving host memory and,
    // unless it is still on the bus, reaching the card.
    expect(count(rs, netdev, pci, TRACE_KIND.dma)).toBe(nic.txDmas);
    expect(nic.txDmas - count(rs, pci, n, TRACE_KIND.dma)).toBeGreaterThanOrEqual(0);
    expect(nic.txDmas - count(rs, pci, n, TRACE_KIND.dma)).toBeLessThanOrEqual(1);
    // Receive: one write per frame (or aggregate) into host memory.
    expect(count(rs, n, pci, TRACE_KIND.dma)).toBe(nic.rxDmas);
    const landed = count(rs, pci, netdev, TRACE_KIND.dma);
    expect(landed).toBeLessThanOrEqual(nic.rxDmas);
    expect(landed).toBeGreaterThanOrEqual(nic.rxDmas - w.server.nic.rxRingSize);
    // Doorbells and interrupts cross it too, and so does the driver's read of the cause register.
    expect(count(rs, netdev, pci, TRACE_KIND.doorbell)).toBe(w.server.netdev.counters.doorbells);
    expect(count(rs, pci, n, TRACE_KIND.doorbell)).toBe(w.server.netdev.counters.doorbells);
    expect(count(rs, n, pci, TRACE_KIND.irq)).toBe(nic.interrupts);
    expect(count(rs, pci, netdev, TRACE_KIND.irq)).toBe(nic.interrupts);
    expect(count(rs, netdev, pci, TRACE_KIND.mmio)).toBeGreaterThanOrEqual(1);
    // A crossing into the bus and out of it share the span of what crosses.
    const spanOf = (from: number, to: number, kind: number): Set<number> =>
      new Set(rs.filter((r) => r.from === from && r.to === to && r.kind === kind).map((r) => r.span));
    const into = spanOf(n, pci, TRACE_KIND.dma);
    for (const s of spanOf(pci, netdev, TRACE_KIND.dma)) expect(into.has(s)).toBe(true);
    expect([...into].every((s) => s !== 0)).toBe(true);
  });

  it('a DMA lands after it entered the bus: the write of a received frame takes bus time', () => {
    const w = nativeWorld({}, { trace: true });
    startBulk(w.peer.api, w.server.api, SERVER_ADDR, 5001);
    w.run(2 * MS);
    const rs = w.sim.trace.toArray();
    const entered = new Map<number, number>();
    for (const r of rs) if (r.from === LAYER.nic && r.to === LAYER.pci && r.kind === TRACE_KIND.dma) entered.set(r.span, r.time);
    let checked = 0;
    for (const r of rs) {
      if (r.from !== LAYER.pci || r.to !== LAYER.netdev || r.kind !== TRACE_KIND.dma) continue;
      expect(r.time).toBeGreaterThan(entered.get(r.span)!);
      checked++;
    }
    expect(checked).toBeGreaterThan(20);
  });
});
