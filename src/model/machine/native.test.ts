// The native and stateless machines end to end: a server (xeon-2002 costs,
// 2.4 GHz, PCI-X) and an ideal peer over a 1 Gb/s link, bulk streams written
// against SocketApi. Each test prints the figures it checks.
import { describe, expect, it } from 'vitest';
import { layerName, mhz, traceKindName } from '../../sim';
import {
  PEER_ADDR, SERVER_ADDR, WireAudit, measure, nativeWorld, startBulk, type ServerOptions, type Window, type WorldOptions,
} from './native.testing';

const MS = 1e6;
const WARMUP = 10 * MS;
const SPAN = 30 * MS;

type Direction = 'send' | 'receive';

interface Run {
  w: Window;
  ok: boolean;
  errors: string[];
  frames: number;
}

const cache = new Map<string, Run>();

/** Bulk between server and peer, measured on the server; memoised across tests. */
function bulkRun(dir: Direction, server: ServerOptions, peer: ServerOptions = {}): Run {
  const key = JSON.stringify([dir, server, peer]);
  const hit = cache.get(key);
  if (hit !== undefined) return hit;
  const world = nativeWorld(server, { peer } satisfies WorldOptions);
  const b = dir === 'send'
    ? startBulk(world.server.api, world.peer.api, PEER_ADDR)
    : startBulk(world.peer.api, world.server.api, SERVER_ADDR);
  const w = measure(world, b, WARMUP, SPAN);
  const r = { w, ok: b.checker.ok && b.checker.offset > 0, errors: b.errors, frames: world.server.nic.counters.framesIn };
  cache.set(key, r);
  return r;
}

const fmt = (x: number, d = 2): string => x.toFixed(d);
const pct = (a: number, b: number): string => `${fmt((100 * (b - a)) / a, 1)}%`;

const CSUM = { checksumTx: true, checksumRx: true } as const;
const FIXED = { coalescing: { mode: 'fixed', usecs: 125, frames: 32 } } as const;
/** A modern client: adaptive moderation and GRO, so it ACKs an aggregate at once (Linux). */
const MODERN_PEER: ServerOptions = { nic: { coalescing: { mode: 'adaptive' } }, offloads: { gro: true } };
/** Linux autotunes the send buffer well above the peer's window: the sender always has data queued. */
const BIG_SNDBUF = { sndBuf: 512 * 1024 };

describe('native machine: bulk transfer over 1 Gb/s', () => {
  it('delivers every byte intact in both directions at close to line rate', () => {
    for (const dir of ['send', 'receive'] as const) {
      const r = bulkRun(dir, {});
      console.log(`${dir}: goodput ${fmt(r.w.goodputBps / 1e9, 3)} Gb/s, ${r.w.bytes} bytes checked, errors [${r.errors.join(', ')}]`);
      expect(r.errors).toEqual([]);
      expect(r.ok).toBe(true);
      expect(r.w.goodputBps).toBeGreaterThan(0.9e9);
    }
  });

  it('takes one interrupt per received frame without coalescing, far fewer with it, and less CPU', () => {
    const off = bulkRun('receive', {});
    const frames = off.w.bytes / 1448;
    const fixed = bulkRun('receive', { nic: FIXED });
    const adaptive = bulkRun('receive', { nic: { coalescing: { mode: 'adaptive' } } });
    const perSec = (r: Run): number => r.w.interrupts / r.w.seconds;
    console.log(`off: ${fmt(perSec(off), 0)} ints/s for ${fmt(frames / off.w.seconds, 0)} data frames/s, ${fmt(off.w.cyclesPerByte)} cycles/B, CPU ${fmt(off.w.utilization * 100, 1)}%`);
    console.log(`fixed 125 µs/32: ${fmt(perSec(fixed), 0)} ints/s, ${fmt(fixed.w.cyclesPerByte)} cycles/B, CPU ${fmt(fixed.w.utilization * 100, 1)}%`);
    console.log(`adaptive: ${fmt(perSec(adaptive), 0)} ints/s, ${fmt(adaptive.w.cyclesPerByte)} cycles/B, CPU ${fmt(adaptive.w.utilization * 100, 1)}%`);
    expect(off.w.interrupts / frames).toBeGreaterThan(0.97);
    expect(off.w.interrupts / frames).toBeLessThan(1.03);
    for (const r of [fixed, adaptive]) {
      expect(r.ok).toBe(true);
      expect(perSec(r)).toBeLessThan(perSec(off) / 5);
      expect(perSec(r)).toBeLessThanOrEqual(8_000 * 1.05 + 1_000);
      expect(r.w.utilization).toBeLessThan(off.w.utilization * 0.8);
    }
  });

  it('on the 2002 tables costs about 1 GHz of CPU per Gb/s to send, with tcp + ip a minority of the cycles', () => {
    const send = bulkRun('send', {});
    const recv = bulkRun('receive', {});
    for (const [name, r] of [['send', send], ['receive', recv]] as const) {
      const total = r.w.cycles;
      const proto = (r.w.byCategory.tcp ?? 0) + (r.w.byCategory.ip ?? 0);
      const perSeg = (c: number): string => fmt(c / (r.w.bytes / 1448), 0);
      const rows = Object.entries(r.w.byCategory).sort((a, b) => b[1] - a[1]).map(([c, v]) => `${c} ${perSeg(v)} (${fmt((100 * v) / total, 1)}%)`);
      console.log(`${name}: ${fmt(r.w.ghzPerGbps, 3)} GHz per Gb/s, ${fmt(r.w.cyclesPerByte)} cycles/B, ${perSeg(total)} cycles per 1448-byte segment; tcp+ip ${fmt((100 * proto) / total, 1)}%`);
      console.log(`  per segment: ${rows.join(', ')}`);
      expect(proto / total).toBeLessThan(0.5);
    }
    // The 2002-gigabit preset's workload is a bulk send (64 KB writes): Foong's rule, within ±35%.
    expect(send.w.ghzPerGbps).toBeGreaterThan(0.65);
    expect(send.w.ghzPerGbps).toBeLessThan(1.35);
  });
});

describe('native machine trace', () => {
  it('records the layer crossings of the native path: syscalls, doorbells, DMAs, interrupts, MMIO reads, frames', () => {
    const w = nativeWorld({}, { trace: true });
    startBulk(w.peer.api, w.server.api, SERVER_ADDR);
    w.run(2 * MS);
    const t = w.sim.trace;
    const seen = new Set<string>();
    const serverCpu = w.server.appCpu.id;
    for (let i = 0; i < t.capacity; i++) {
      if (t.processor[i] !== serverCpu && t.processor[i] !== 255) continue;
      seen.add(`${layerName(t.from[i]!)}>${layerName(t.to[i]!)}:${traceKindName(t.kind[i]!)}`);
    }
    // Everything between the host and the card crosses the bus (layer pci): doorbells, both DMA directions,
    // the interrupt and the cause-register read.
    const want = ['app>syscall:call', 'syscall>socket:call', 'netdev>pci:doorbell', 'pci>nic:doorbell', 'netdev>pci:dma',
      'pci>nic:dma', 'nic>pci:dma', 'pci>netdev:dma', 'nic>pci:irq', 'pci>netdev:irq', 'netdev>pci:mmio', 'nic>wire:frame',
      'wire>nic:frame'];
    console.log(`crossings seen: ${[...seen].sort().join(' ')}`);
    for (const k of want) expect(seen.has(k), k).toBe(true);
  });
});

describe('native machine under overload', () => {
  it('drops frames when the receive ring has no free descriptor, counts them, and TCP still delivers every byte', () => {
    const w = nativeWorld({ hostClock: mhz(300), nic: { rxRing: 16 } });
    const b = startBulk(w.peer.api, w.server.api, SERVER_ADDR);
    w.run(60 * MS);
    const c = w.server.counters();
    const n = w.server.napi.counters;
    console.log(`300 MHz host, 16-descriptor ring: ${c.rxRingDrops} frames dropped at the ring, ${w.server.nic.counters.framesIn} arrived, ` +
      `${b.checker.offset} bytes delivered intact=${b.checker.ok}, ${n.polls} polls in ${n.softirqRuns} softirq runs (${n.timeSqueeze} re-raised), ` +
      `CPU ${fmt(w.server.appCpu.utilization(0 as never, w.sim.now) * 100, 1)}%`);
    expect(c.rxRingDrops).toBeGreaterThan(0);
    expect(b.errors).toEqual([]);
    expect(b.checker.ok).toBe(true);
    expect(b.checker.offset).toBeGreaterThan(100_000);
  });
});

describe('NAPI', () => {
  it('polls at most 64 packets at a time and 300 per softirq run, re-raising the softirq when more remain', () => {
    // A deep ring and long coalescing: each interrupt finds 400 frames waiting.
    // Big buffers and a large initial window, so the sender is not held back by slow start under 10 ms of coalescing.
    const big = { sndBuf: 2 << 20, rcvBuf: 2 << 20, initialCwndSegments: 1000 };
    const w = nativeWorld(
      { tcp: big, nic: { rxRing: 1024, coalescing: { mode: 'fixed', usecs: 10_000, frames: 400 } } },
      { peer: { tcp: big } },
    );
    const b = startBulk(w.peer.api, w.server.api, SERVER_ADDR);
    w.run(60 * MS);
    const n = w.server.napi.counters;
    console.log(`${n.rxPackets} packets in ${n.polls} polls and ${n.softirqRuns} softirq runs for ${n.interrupts} interrupts; ` +
      `largest poll ${n.maxPollPackets}, largest run ${n.maxRunPackets}, re-raised ${n.timeSqueeze} times; ${b.checker.offset} B intact=${b.checker.ok}`);
    expect(n.maxPollPackets).toBe(64);
    expect(n.maxRunPackets).toBe(300);
    expect(n.timeSqueeze).toBeGreaterThan(0);
    expect(n.softirqRuns).toBeGreaterThan(n.interrupts);
    expect(b.checker.ok).toBe(true);
  });
});

describe('stateless offloads cut host cycles per byte for bulk at MTU 1500', () => {
  it('TSO by at least 30% on the sending side (GSO by less: the driver still sees every segment)', () => {
    const base = bulkRun('send', { offloads: CSUM, tcp: BIG_SNDBUF }, MODERN_PEER);
    const tso = bulkRun('send', { offloads: { ...CSUM, tso: true }, tcp: BIG_SNDBUF }, MODERN_PEER);
    const gso = bulkRun('send', { offloads: { ...CSUM, gso: true }, tcp: BIG_SNDBUF }, MODERN_PEER);
    const plain = bulkRun('send', { tcp: BIG_SNDBUF }, MODERN_PEER);
    console.log(`send, cycles/B: native ${fmt(plain.w.cyclesPerByte)}, checksum offload ${fmt(base.w.cyclesPerByte)}, + TSO ${fmt(tso.w.cyclesPerByte)} (${pct(base.w.cyclesPerByte, tso.w.cyclesPerByte)}), + GSO ${fmt(gso.w.cyclesPerByte)} (${pct(base.w.cyclesPerByte, gso.w.cyclesPerByte)})`);
    for (const r of [base, tso, gso, plain]) {
      expect(r.ok).toBe(true);
      expect(r.w.goodputBps).toBeGreaterThan(0.9e9);
    }
    expect(tso.w.cyclesPerByte).toBeLessThan(base.w.cyclesPerByte * 0.7);
    expect(gso.w.cyclesPerByte).toBeLessThan(base.w.cyclesPerByte);
    // A plain peer ACKs every second segment: TSO deferral still builds sizeable super-segments.
    const basePlain = bulkRun('send', { offloads: CSUM, tcp: BIG_SNDBUF });
    const tsoPlain = bulkRun('send', { offloads: { ...CSUM, tso: true }, tcp: BIG_SNDBUF });
    console.log(`send to a peer without GRO, cycles/B: checksum offload ${fmt(basePlain.w.cyclesPerByte)}, + TSO ${fmt(tsoPlain.w.cyclesPerByte)} (${pct(basePlain.w.cyclesPerByte, tsoPlain.w.cyclesPerByte)})`);
    expect(tsoPlain.ok).toBe(true);
    expect(tsoPlain.w.cyclesPerByte).toBeLessThan(basePlain.w.cyclesPerByte * 0.7);
    expect(gso.w.cyclesPerByte).toBeGreaterThan(tso.w.cyclesPerByte);
  });

  it('LRO by at least 30% on the receiving side (GRO by less: every frame is still DMAed and polled)', () => {
    const base = bulkRun('receive', { nic: FIXED, offloads: CSUM });
    const lro = bulkRun('receive', { nic: FIXED, offloads: { ...CSUM, lro: true } });
    const gro = bulkRun('receive', { nic: FIXED, offloads: { ...CSUM, gro: true } });
    console.log(`receive (fixed coalescing), cycles/B: checksum offload ${fmt(base.w.cyclesPerByte)}, + LRO ${fmt(lro.w.cyclesPerByte)} (${pct(base.w.cyclesPerByte, lro.w.cyclesPerByte)}), + GRO ${fmt(gro.w.cyclesPerByte)} (${pct(base.w.cyclesPerByte, gro.w.cyclesPerByte)})`);
    for (const r of [base, lro, gro]) {
      expect(r.ok).toBe(true);
      expect(r.w.goodputBps).toBeGreaterThan(0.9e9);
    }
    expect(lro.w.cyclesPerByte).toBeLessThan(base.w.cyclesPerByte * 0.7);
    expect(gro.w.cyclesPerByte).toBeLessThan(base.w.cyclesPerByte);
    expect(gro.w.cyclesPerByte).toBeGreaterThan(lro.w.cyclesPerByte);
  });

  it('charges checksum cycles only for the direction the NIC does not offload', () => {
    const perSeg = (r: Run): number => (r.w.byCategory.checksum ?? 0) / (r.w.bytes / 1448);
    const none = bulkRun('receive', { nic: FIXED });
    const txOnly = bulkRun('receive', { nic: FIXED, offloads: { checksumTx: true } });
    const rxOnly = bulkRun('receive', { nic: FIXED, offloads: { checksumRx: true } });
    const both = bulkRun('receive', { nic: FIXED, offloads: CSUM });
    console.log(`receive, checksum cycles per segment: none offloaded ${fmt(perSeg(none), 0)}, tx only ${fmt(perSeg(txOnly), 0)}, rx only ${fmt(perSeg(rxOnly), 0)}, both ${fmt(perSeg(both), 0)}`);
    // Receiving bulk, the data checksums are the receive side's; the ACKs sent are the transmit side's.
    expect(perSeg(txOnly)).toBeGreaterThan(perSeg(none) * 0.9);
    expect(perSeg(rxOnly)).toBeLessThan(perSeg(none) * 0.1);
    expect(perSeg(rxOnly)).toBeGreaterThan(0);
    expect(perSeg(both)).toBe(0);
  });

  it('keeps every frame on the wire valid and within the MTU with TSO and LRO on, both ways at once', () => {
    const audit = new WireAudit(1500);
    const w = nativeWorld(
      { offloads: { ...CSUM, tso: true, lro: true }, nic: FIXED, tcp: BIG_SNDBUF },
      { peer: MODERN_PEER, tap: audit },
    );
    const out = startBulk(w.server.api, w.peer.api, PEER_ADDR, 5001);
    const inb = startBulk(w.peer.api, w.server.api, SERVER_ADDR, 5002);
    w.run(30 * MS);
    const nic = w.server.nic.counters;
    console.log(`${audit.frames} frames audited (${audit.tcpFrames} TCP, largest ${audit.largest} B); TSO made ${nic.tsoFrames} frames, LRO merged ${nic.lroMerged}; delivered ${out.checker.offset} B out, ${inb.checker.offset} B in; problems: ${audit.problems.length}`);
    expect(audit.problems.slice(0, 5)).toEqual([]);
    expect(audit.largest).toBeLessThanOrEqual(1514);
    expect(nic.tsoFrames).toBeGreaterThan(100);
    expect(nic.lroMerged).toBeGreaterThan(100);
    expect([...out.errors, ...inb.errors]).toEqual([]);
    expect(out.checker.ok && inb.checker.ok).toBe(true);
    expect(out.checker.offset).toBeGreaterThan(1e6);
    expect(inb.checker.offset).toBeGreaterThan(1e6);
  });
});
