// UDP receive on offload through the OSM's receive pool (DESIGN.md 1.4, 1.5):
// a bound datagram socket lends receive-pool buffers to the card; the ISM
// writes each datagram into them by DMA and reports it in a RECVFROM_DATA
// frame with its source; recvfrom() copies it out of the pool once. Checked
// through the frame dissector (what the inspector shows) and the payload.
import { describe, expect, it } from 'vitest';
import { LAYER, TRACE_KIND } from '../../sim';
import { decodeSocketFrame, dissectI2oFrame, isI2oError, type FieldNode } from '../../i2o';
import { isPending, isSysError, type Fd, type Received } from '../../net/stack';
import { fillPayload, verifyPayload } from '../../net/payload';
import { PEER_ADDR, SERVER_ADDR, offloadWorld } from './testing/world';

const MS = 1_000_000;

function labels(nodes: readonly FieldNode[], out: string[] = []): string[] {
  for (const n of nodes) {
    out.push(n.label);
    if (n.children) labels(n.children, out);
  }
  return out;
}

describe('UDP receive on offload', () => {
  it('datagrams arrive through receive-pool buffers in RECVFROM_DATA frames, whole, with their source, one copy each', () => {
    const w = offloadWorld();
    w.sim.trace.enabled = true;
    const frames: Uint8Array[] = [];
    w.server.setI2oTap((dir, _t, bytes) => {
      if (dir === 'outbound') frames.push(bytes.slice());
    });
    const api = w.server.api;
    const u = api.socket('dgram') as Fd;
    expect(api.bind(u, { addr: 0, port: 5353 })).toBe(0);
    const p = w.peer.socket('dgram') as Fd;
    expect(w.peer.bind(p, { addr: 0, port: 4000 })).toBe(0);
    const sizes = [1000, 20_000, 1472, 0, 300];
    // The first datagram goes to a receive that sleeps; the others wait in the pool.
    let first: Received | null = null;
    const buf = new Uint8Array(65536);
    expect(isPending(api.recvfrom(u, buf, (r) => (first = isSysError(r) ? null : r)))).toBe(true);
    let off = 0;
    for (const n of sizes) {
      const d = new Uint8Array(n);
      fillPayload(21, off, d);
      off += n;
      expect(w.peer.sendto(p, d, { addr: SERVER_ADDR, port: 5353 })).toBe(n);
    }
    w.run(5 * MS);
    expect(first).not.toBeNull();
    const got: Received[] = [first!];
    let at = 0;
    expect(verifyPayload(21, 0, buf.subarray(0, first!.bytes))).toBe(-1);
    at += first!.bytes;
    for (let i = 1; i < sizes.length; i++) {
      const r = api.recvfrom(u, buf);
      expect(isSysError(r) || isPending(r)).toBe(false);
      const x = r as Received;
      expect(verifyPayload(21, at, buf.subarray(0, x.bytes))).toBe(-1);
      at += x.bytes;
      got.push(x);
    }
    expect(got.map((r) => r.bytes)).toEqual(sizes);
    expect(got.every((r) => r.from.addr === PEER_ADDR && r.from.port === 4000)).toBe(true);
    expect(isSysError(api.recvfrom(u, buf))).toBe(true);
    // One RECVFROM_DATA per datagram, its SGL in the receive pool, as the inspector dissects it.
    const rx = w.server.pools.rx;
    const dgrams = frames.map((f) => decodeSocketFrame(f)).filter((d) => !isI2oError(d) && d.socket.op === 'RECVFROM_DATA');
    expect(dgrams.length).toBe(sizes.length);
    for (let i = 0; i < dgrams.length; i++) {
      const m = (dgrams[i] as Exclude<(typeof dgrams)[number], { kind: string }>).socket;
      if (m.op !== 'RECVFROM_DATA') throw new Error('not RECVFROM_DATA');
      expect([m.addr >>> 0, m.port]).toEqual([PEER_ADDR, 4000]);
      expect(m.buffers.reduce((a, b) => a + b.length, 0)).toBe(sizes[i]);
      for (const b of m.buffers) {
        expect(b.address).toBeGreaterThanOrEqual(rx.base);
        expect(b.address + b.length).toBeLessThanOrEqual(rx.base + rx.memory.length);
      }
    }
    const tree = labels(dissectI2oFrame(frames.find((f) => { const d = decodeSocketFrame(f); return !isI2oError(d) && d.socket.op === 'RECVFROM_DATA'; })!));
    console.log(`RECVFROM_DATA dissected: ${tree.join(' | ')}`);
    expect(tree.some((l) => /RECVFROM_DATA/.test(l))).toBe(true);
    expect(tree.some((l) => /Scatter-gather list/.test(l))).toBe(true);
    // The 20,000-byte datagram spans several pool buffers.
    const big = dgrams[1]!;
    if (!isI2oError(big) && big.socket.op === 'RECVFROM_DATA') expect(big.socket.buffers.length).toBe(Math.ceil(20_000 / rx.bufferBytes));
    // One copy per datagram from the pool to the application (osm > app), and DMA into the pool (ism > pci).
    const rs = w.sim.trace.toArray();
    const copies = rs.filter((r) => r.kind === TRACE_KIND.copy && r.from === LAYER.osm && r.to === LAYER.app);
    expect(copies.map((r) => r.bytes)).toEqual(sizes);
    expect(rs.filter((r) => r.kind === TRACE_KIND.dma && r.from === LAYER.ism && r.to === LAYER.pci).length).toBeGreaterThanOrEqual(sizes.length - 1);
    // Every buffer went back: none held by the socket once read, the rest lent to the card.
    expect(w.server.offload.datagramsTooLarge).toBe(0);
    expect(w.server.offload.malformedFrames).toBe(0);
  });

  it('readiness and waits follow the pool: POLLIN once a datagram is in it, and a wait wakes when it arrives', () => {
    const w = offloadWorld();
    const api = w.server.api;
    const u = api.socket('dgram') as Fd;
    api.bind(u, { addr: 0, port: 5354 });
    expect((api.poll(u) as number) & 1).toBe(0);
    let woke = -1;
    expect(api.wait(u, 1, (ev) => (woke = ev))).toBe(0);
    const p = w.peer.socket('dgram') as Fd;
    w.peer.sendto(p, new Uint8Array(64), { addr: SERVER_ADDR, port: 5354 });
    w.run(2 * MS);
    expect(woke & 1).toBe(1);
    expect((api.poll(u) as number) & 1).toBe(1);
    const r = api.recv(u, new Uint8Array(10));
    expect(r).toBe(10);
    expect((api.poll(u) as number) & 1).toBe(0);
  });
});
