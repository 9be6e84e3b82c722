// Test worlds for the native/stateless machines: a server machine and an
// ideal peer over a 1 Gb/s link, a bulk transfer between them written against
// SocketApi (src/net/stack/testing apps), and measurement windows over the
// server's CPU. Used by native.test.ts and its siblings.
import { CATEGORIES, Simulator, gbps, micros, type Nanos } from '../../sim';
import { Link, type FrameTap } from '../../net/link';
import { isWireError, parseFrame } from '../../net/wire';
import type { PayloadChecker } from '../../net/payload';
import { isSysError, type Fd, type SocketApi } from '../../net/stack';
import { receivePayload, sendPayload } from '../../net/stack/testing/apps';
import { Gate } from '../../net/stack/testing/world';
import { buildNativeMachine, type NativeMachine, type NativeMachineOptions } from './native';
import { buildPeerMachine } from './peer';

export const SERVER_ADDR = 0x0a000001;
export const PEER_ADDR = 0x0a000002;
export const DEAD_ADDR = 0x0a000063;
export const SERVER_MAC = 0x020000000001;
export const PEER_MAC = 0x020000000002;

export interface NativeWorld {
  sim: Simulator;
  link: Link;
  server: NativeMachine;
  peer: NativeMachine;
  run(ns: number): void;
  /** Cuts the link in both directions (every frame lost) until `restore()`. */
  cut(): void;
  restore(): void;
}

export type ServerOptions = Partial<Omit<NativeMachineOptions, 'addr' | 'mac'>>;

export interface WorldOptions {
  seed?: number;
  staticArp?: boolean;
  tap?: FrameTap;
  /** The ideal peer's own NIC/offload settings (its CPU stays ideal). */
  peer?: ServerOptions;
  /** Keep the simulator's trace ring recording (off by default: faster). */
  trace?: boolean;
}

export function nativeWorld(server: ServerOptions = {}, o: WorldOptions = {}): NativeWorld {
  const sim = new Simulator({ seed: o.seed ?? 7 });
  sim.trace.enabled = o.trace ?? false;
  const link = new Link(sim, { a: 'server', b: 'peer', rate: gbps(1), delay: micros(20) });
  const arp = o.staticArp ?? true;
  const s = buildNativeMachine(sim, {
    name: 'server', addr: SERVER_ADDR, mac: SERVER_MAC, staticArp: arp ? [{ addr: PEER_ADDR, mac: PEER_MAC }] : [], ...server,
  });
  const p = buildPeerMachine(sim, {
    addr: PEER_ADDR, mac: PEER_MAC, staticArp: arp ? [{ addr: SERVER_ADDR, mac: SERVER_MAC }] : [], ...o.peer,
  });
  const gates = [new Gate(s.port), new Gate(p.port)] as const;
  link.attach(gates[0], gates[1]);
  s.attach(link.aToB);
  p.attach(link.bToA);
  if (o.tap !== undefined) {
    link.aToB.tap = o.tap;
    link.bToA.tap = o.tap;
  }
  const set = (open: boolean): void => {
    for (const g of gates) g.open = open;
  };
  return {
    sim, link, server: s, peer: p, run: (ns) => sim.runUntil((sim.now + ns) as Nanos),
    cut: () => set(false), restore: () => set(true),
  };
}

export interface Bulk {
  /** Checks every byte the receiver got; offset = bytes delivered. */
  checker: PayloadChecker;
  errors: string[];
}

const CHUNK = 65536;

/** An iperf-like bulk stream from `from` to `to` (on `port`), 64 KB per call on both sides. */
export function startBulk(from: SocketApi, to: SocketApi, toAddr: number, port = 5001, total = 1e12): Bulk {
  const errors: string[] = [];
  const l = to.socket('stream') as Fd;
  to.bind(l, { addr: 0, port });
  to.listen(l, 8);
  const c = from.socket('stream') as Fd;
  const bulk: Bulk = { checker: null as unknown as PayloadChecker, errors };
  const r = to.accept(l, (a) => {
    if (isSysError(a)) {
      errors.push(`accept: ${a.errno}`);
      return;
    }
    bulk.checker = receivePayload(to, a.fd, port, 0, total, CHUNK, (_c, _eof, err) => {
      if (err !== null) errors.push(`recv: ${err.errno}`);
    });
  });
  if (isSysError(r)) errors.push(`accept: ${r.errno}`);
  from.connect(c, { addr: toAddr, port }, (x) => {
    if (isSysError(x)) {
      errors.push(`connect: ${x.errno}`);
      return;
    }
    sendPayload(from, c, port, 0, total, CHUNK, (err) => {
      if (err !== null) errors.push(`send: ${err.errno}`);
    });
  });
  return bulk;
}

export interface Window {
  seconds: number;
  bytes: number;
  cycles: number;
  byCategory: Record<string, number>;
  interrupts: number;
  goodputBps: number;
  cyclesPerByte: number;
  /** Host CPU cycles per second per Gb/s of goodput, in GHz. */
  ghzPerGbps: number;
  utilization: number;
}

/** Runs `warmup` then measures the server over `span`: bytes delivered by `bulk`, cycles, interrupts. */
export function measure(w: NativeWorld, bulk: Bulk, warmup: number, span: number): Window {
  w.run(warmup);
  const cpu = w.server.appCpu;
  const before = Float64Array.from(cpu.cyclesByCategory());
  const b0 = bulk.checker.offset;
  const i0 = w.server.counters().interrupts;
  const t0 = w.sim.now;
  w.run(span);
  const after = cpu.cyclesByCategory();
  const byCategory: Record<string, number> = {};
  let cycles = 0;
  CATEGORIES.forEach((c, i) => {
    const d = after[i]! - before[i]!;
    if (d > 0) byCategory[c] = d;
    cycles += d;
  });
  const bytes = bulk.checker.offset - b0;
  const seconds = span / 1e9;
  const goodputBps = (bytes * 8) / seconds;
  return {
    seconds, bytes, cycles, byCategory, interrupts: w.server.counters().interrupts - i0, goodputBps,
    cyclesPerByte: cycles / bytes,
    ghzPerGbps: cycles / seconds / 1e9 / (goodputBps / 1e9),
    utilization: cpu.utilization(t0 as Nanos, w.sim.now),
  };
}

/** Parses every frame put on the wire: valid checksums and lengths, no frame above the MTU. */
export class WireAudit implements FrameTap {
  frames = 0;
  tcpFrames = 0;
  largest = 0;
  readonly problems: string[] = [];

  constructor(readonly mtu: number) {}

  onFrame(_time: Nanos, f: Uint8Array): void {
    this.frames++;
    if (f.length > this.largest) this.largest = f.length;
    if (f.length > this.mtu + 14) this.problems.push(`frame of ${f.length} bytes above the MTU`);
    const p = parseFrame(f);
    if (isWireError(p)) {
      this.problems.push(`${p.kind} ${p.field}: ${p.detail}`);
      return;
    }
    if (p.tcp !== undefined) this.tcpFrames++;
  }
}
