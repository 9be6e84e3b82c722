// Test worlds for the offload machine: the offload server on one end of a
// gigabit link, a peer on the other. The peer is a plain Stack on a processor
// that charges nothing (an ideal CPU), so whatever limits a run is the
// server's. Used by the tests of this folder and available to scenario tests.
import { Processor, Simulator, gbps, ghz, micros, type BitsPerSecond, type Nanos } from '../../../sim';
import { Link, type FaultSpec } from '../../../net/link';
import { FREE_STACK_COSTS, Stack } from '../../../net/stack';
import type { TcpConfig } from '../../../net/tcp';
import type { Ipv4Addr, MacAddr } from '../../../net/wire';
import { buildOffloadMachine, type OffloadMachine } from '../../machine/offload';
import type { OffloadOptions } from '../config';

export const SERVER_ADDR: Ipv4Addr = 0x0a000001; // 10.0.0.1
export const PEER_ADDR: Ipv4Addr = 0x0a000002; // 10.0.0.2
export const DEAD_ADDR: Ipv4Addr = 0x0a000063; // 10.0.0.99: nobody answers
export const SERVER_MAC: MacAddr = 0x020000000001;
export const PEER_MAC: MacAddr = 0x020000000002;

export interface OffloadWorld {
  sim: Simulator;
  server: OffloadMachine;
  peer: Stack;
  link: Link;
  run(ns: number): void;
}

export interface OffloadWorldOptions {
  seed?: number;
  rate?: BitsPerSecond;
  delay?: Nanos;
  tcp?: TcpConfig;
  /** Everything of the server's options except its addresses. */
  server?: Partial<Omit<OffloadOptions, 'addr' | 'mac'>>;
  faultsToPeer?: FaultSpec;
  faultsToServer?: FaultSpec;
  staticArp?: boolean;
}

export function offloadWorld(o: OffloadWorldOptions = {}): OffloadWorld {
  const sim = new Simulator({ seed: o.seed ?? 1 });
  sim.trace.enabled = false;
  const link = new Link(sim, {
    a: 'server', b: 'peer', rate: o.rate ?? gbps(1), delay: o.delay ?? micros(50),
    faultsAtoB: o.faultsToPeer, faultsBtoA: o.faultsToServer,
  });
  const statics = o.staticArp ?? true;
  const server = buildOffloadMachine(sim, {
    tcp: o.tcp, ...o.server, addr: SERVER_ADDR, mac: SERVER_MAC,
    staticArp: statics ? [{ addr: PEER_ADDR, mac: PEER_MAC }] : [],
  });
  const peer = new Stack({
    name: 'peer', sim, processor: new Processor(sim, { name: 'peer:cpu', clock: ghz(100) }), mac: PEER_MAC,
    addr: PEER_ADDR, netif: link.bToA, costs: FREE_STACK_COSTS, tcp: o.tcp,
    staticArp: statics ? [{ addr: SERVER_ADDR, mac: SERVER_MAC }] : [],
  });
  server.attach(link.aToB);
  link.attach(server.port, peer);
  return { sim, server, peer, link, run: (ns) => sim.runUntil((sim.now + ns) as Nanos) };
}
