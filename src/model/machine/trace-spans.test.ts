// Every journey has a span (docs trace-convention): doorbells, interrupts, DMA,
// copies, merged (GRO/LRO) frames, the OSM's own messages and every socket
// call (poll, wait, getsockname included) carry a non-zero span, so the views
// can follow and select each of them. Checked on native, stateless (GRO, LRO,
// TSO, coalescing) and offload runs that use streams both ways, datagrams,
// readiness waits and address calls.
import { describe, expect, it } from 'vitest';
import { LAYER, TRACE_KIND, layerName, traceKindName, type Simulator, type TraceRecord } from '../../sim';
import { POLLIN, isSysError, type Fd, type SocketApi } from '../../net/stack';
import { startBulk as offloadBulk } from '../offload/testing/bulk';
import { offloadWorld } from '../offload/testing/world';
import { PEER_ADDR, SERVER_ADDR, nativeWorld, startBulk } from './native.testing';

const MS = 1_000_000;

function zeroSpans(rs: readonly TraceRecord[]): string[] {
  const out = new Set<string>();
  for (const r of rs) if (r.span === 0) out.add(`${layerName(r.from)}>${layerName(r.to)}:${traceKindName(r.kind)}`);
  return [...out].sort();
}

/** A datagram each way and the calls that only look: getsockname, getpeername, poll, wait. */
function chatter(server: SocketApi, peer: SocketApi, serverAddr: number): void {
  const s = server.socket('dgram') as Fd;
  server.bind(s, { addr: 0, port: 7000 });
  const p = peer.socket('dgram') as Fd;
  peer.bind(p, { addr: 0, port: 7001 });
  server.wait(s, POLLIN, () => {
    server.recvfrom(s, new Uint8Array(2048));
    server.sendto(s, new Uint8Array(600), { addr: PEER_ADDR, port: 7001 });
  });
  peer.sendto(p, new Uint8Array(500), { addr: serverAddr, port: 7000 });
  server.getsockname(s);
  server.getpeername(s);
  server.poll(s);
}

function withTrace(sim: Simulator): void {
  sim.trace.enabled = true;
}

describe('trace spans of the model', () => {
  it('native and stateless: no record has span 0', () => {
    for (const offloads of [{}, { tso: true, gso: true, lro: true, gro: true, checksumRx: true, checksumTx: true }]) {
      const w = nativeWorld({ offloads, nic: { coalescing: { mode: 'fixed', usecs: 50, frames: 16 } } }, { trace: true, staticArp: false });
      startBulk(w.peer.api, w.server.api, SERVER_ADDR, 5001);
      startBulk(w.server.api, w.peer.api, PEER_ADDR, 5002);
      chatter(w.server.api, w.peer.api, SERVER_ADDR);
      w.run(3 * MS);
      const rs = w.sim.trace.toArray();
      expect(w.sim.trace.overwritten).toBe(0);
      expect(rs.some((r) => r.kind === TRACE_KIND.irq)).toBe(true);
      expect(zeroSpans(rs)).toEqual([]);
      if ('lro' in offloads) expect(w.server.nic.counters.lroMerged + w.server.napi.counters.groMerged).toBeGreaterThan(0);
    }
  });

  it('offload: no record has span 0, and an interrupt is one journey from the IOP across the bus to the ISR', () => {
    const w = offloadWorld({ staticArp: false });
    withTrace(w.sim);
    offloadBulk(w, 'server-sends', 1e9, 65536, 1, 5001);
    offloadBulk(w, 'server-receives', 1e9, 65536, 2, 5002);
    chatter(w.server.api, w.peer, SERVER_ADDR);
    w.run(3 * MS);
    const rs = w.sim.trace.toArray();
    expect(w.sim.trace.overwritten).toBe(0);
    expect(zeroSpans(rs)).toEqual([]);
    const kinds = new Set(rs.map((r) => traceKindName(r.kind)));
    for (const k of ['doorbell', 'irq', 'dma', 'copy', 'mmio', 'i2o-message']) expect(kinds.has(k as never), k).toBe(true);
    const irq = rs.find((r) => r.kind === TRACE_KIND.irq && r.from === LAYER.irtos)!;
    const journey = rs.filter((r) => r.span === irq.span).map((r) => `${layerName(r.from)}>${layerName(r.to)}:${traceKindName(r.kind)}`);
    expect(journey.slice(0, 3)).toEqual(['irtos>pci:irq', 'pci>osm:irq', 'i2o>pci:mmio']);
  });

  it('the peer is one layer in the trace: it records wire > peer and peer > wire, and none of its own stack\'s crossings', () => {
    const w = nativeWorld({}, { trace: true });
    startBulk(w.peer.api, w.server.api, SERVER_ADDR, 5001);
    w.run(2 * MS);
    const rs = w.sim.trace.toArray();
    const peerCpu = w.peer.appCpu.id;
    expect(peerCpu).not.toBe(w.server.appCpu.id);
    expect(rs.filter((r) => r.processor === peerCpu)).toEqual([]);
    const peerHops = new Set(rs.filter((r) => r.from === LAYER.peer || r.to === LAYER.peer).map((r) => `${layerName(r.from)}>${layerName(r.to)}`));
    expect([...peerHops].sort()).toEqual(['peer>wire', 'wire>peer']);
    // Frames reach the peer and leave it, each crossing with a span (the wire copies frames,
    // so a frame's span at the far end is a new journey, as at the server's NIC).
    const arrived = rs.filter((r) => r.from === LAYER.wire && r.to === LAYER.peer);
    const sent = rs.filter((r) => r.from === LAYER.peer && r.to === LAYER.wire);
    expect(arrived.length).toBeGreaterThan(10);
    expect(sent.length).toBeGreaterThan(10);
    expect([...arrived, ...sent].every((r) => r.span !== 0)).toBe(true);
    // The server's socket calls are the only ones: as many app > syscall crossings as the server's syscalls.
    expect(rs.filter((r) => r.from === LAYER.app && r.to === LAYER.syscall).length).toBe(w.server.sockets.counters.syscalls);
  });

  it('offload: poll, wait, getsockname and getpeername are socket calls that go down to the OSM and back', () => {
    const w = offloadWorld();
    withTrace(w.sim);
    const api = w.server.api;
    const s = api.socket('dgram') as Fd;
    api.bind(s, { addr: 0, port: 7000 });
    const before = w.sim.trace.toArray().length;
    const name = api.getsockname(s);
    expect(isSysError(name)).toBe(false);
    api.getpeername(s);
    api.poll(s);
    let woke = false;
    expect(api.wait(s, POLLIN, () => (woke = true))).toBe(0);
    const calls = w.sim.trace.toArray().slice(before);
    const spans = [...new Set(calls.map((r) => r.span))];
    expect(spans.length).toBe(4);
    const hops = (span: number, kind: number): string[] =>
      calls.filter((r) => r.span === span && r.kind === kind).map((r) => `${layerName(r.from)}>${layerName(r.to)}`);
    for (const sp of spans) expect(hops(sp, TRACE_KIND.call)).toEqual(['app>syscall', 'syscall>socket', 'socket>osm']);
    // The first three return at once; the wait sleeps, and returns when a datagram arrives.
    for (const sp of spans.slice(0, 3)) expect(hops(sp, TRACE_KIND.return)).toEqual(['osm>socket', 'socket>syscall', 'syscall>app']);
    expect(hops(spans[3]!, TRACE_KIND.return)).toEqual([]);
    const p = w.peer.socket('dgram') as Fd;
    w.peer.sendto(p, new Uint8Array(100), { addr: SERVER_ADDR, port: 7000 });
    w.run(1 * MS);
    expect(woke).toBe(true);
    const ret = w.sim.trace.toArray().filter((r) => r.span === spans[3] && r.kind === TRACE_KIND.return);
    expect(ret.length).toBe(3);
    expect(ret[0]!.time).toBeGreaterThan(calls[calls.length - 1]!.time);
  });
});
