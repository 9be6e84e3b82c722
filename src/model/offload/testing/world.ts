// Test worlds for the offload machine: the offload server on one end of a
// gigabit link, the peer machine (src/model/machine/peer.ts: the native path
// with an ideal CPU) on the other, so whatever limits a run is the server's.
// Used by the tests of this folder and available to scenario tests.
import { Simulator, gbps, micros, type BitsPerSecond, type Nanos } from '../../../sim';
import { Link, type FaultSpec } from '../../../net/link';
import { Gate } from '../../../net/stack/testing/world';
import type { SocketApi } from '../../../net/stack';
import type { TcpConfig } from '../../../net/tcp';
import type { Ipv4Addr, MacAddr } from '../../../net/wire';
import { buildOffloadMachine, type OffloadMachine } from '../../machine/offload';
import { buildPeerMachine } from '../../machine/peer';
import type { Machine } from '../../machine/types';
import type { OffloadOptions } from '../config';

export const SERVER_ADDR: Ipv4Addr = 0x0a000001; // 10.0.0.1
export const PEER_ADDR: Ipv4Addr = 0x0a000002; // 10.0.0.2
export const DEAD_ADDR: Ipv4Addr = 0x0a000063; // 10.0.0.99: nobody answers
export const SERVER_MAC: MacAddr = 0x020000000001;
export const PEER_MAC: MacAddr = 0x020000000002;

export interface OffloadWorld {
  sim: Simulator;
  server: OffloadMachine;
  /** The peer's socket API. */
  peer: SocketApi;
  peerMachine: Machine;
  link: Link;
  run(ns: number): void;
  /** Cuts the link in both directions (every frame lost) until `restore()`. */
  cut(): void;
  restore(): void;
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
  const peerMachine = buildPeerMachine(sim, {
    addr: PEER_ADDR, mac: PEER_MAC, tcp: o.tcp, staticArp: statics ? [{ addr: SERVER_ADDR, mac: SERVER_MAC }] : [],
  });
  server.attach(link.aToB);
  peerMachine.attach(link.bToA);
  const gates = [new Gate(server.port), new Gate(peerMachine.port)];
  link.attach(gates[0]!, gates[1]!);
  const set = (open: boolean): void => {
    for (const g of gates) g.open = open;
  };
  return { sim, server, peer: peerMachine.api, peerMachine, link, run: (ns) => sim.runUntil((sim.now + ns) as Nanos),
    cut: () => set(false), restore: () => set(true),
  };
}
