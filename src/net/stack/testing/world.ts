// Test worlds: two stacks joined by a point-to-point link in one simulator.
// Used by the socket suite, the scenario tests and the benchmark.
import { Processor, Simulator, gbps, ghz, micros, type BitsPerSecond, type Nanos } from '../../../sim';
import { Link, type FaultSpec, type FrameSink } from '../../link';
import type { TcpConfig } from '../../tcp';
import type { Ipv4Addr, MacAddr } from '../../wire';
import { DEFAULT_STACK_COSTS, type StackCosts } from '../costs';
import { Stack } from '../stack';

export const ADDR_A: Ipv4Addr = 0x0a000001; // 10.0.0.1
export const ADDR_B: Ipv4Addr = 0x0a000002; // 10.0.0.2
export const MAC_A: MacAddr = 0x020000000001;
export const MAC_B: MacAddr = 0x020000000002;

export interface TwoHostOptions {
  seed?: number;
  rate?: BitsPerSecond;
  delay?: Nanos;
  mtu?: number;
  queueFrames?: number;
  faultsAtoB?: FaultSpec;
  faultsBtoA?: FaultSpec;
  tcp?: TcpConfig;
  costs?: StackCosts;
  /** Pre-fill both ARP caches (default false: the hosts resolve each other). */
  staticArp?: boolean;
  checksumOffload?: boolean;
}

export interface TwoHostWorld {
  sim: Simulator;
  link: Link;
  a: Stack;
  b: Stack;
  cpuA: Processor;
  cpuB: Processor;
  /** Runs the simulation for `d` more nanoseconds. */
  runFor(d: Nanos | number): void;
  /** Cuts the link in both directions (every frame lost) until `restore()`. */
  cut(): void;
  restore(): void;
}

/** A switch in front of a stack or a machine's port: passes frames while open (tests cut links with it). */
export class Gate implements FrameSink {
  open = true;
  constructor(private readonly next: FrameSink) {}
  receiveFrame(f: Uint8Array): void {
    if (this.open) this.next.receiveFrame(f);
  }
}

export function twoHosts(o: TwoHostOptions = {}): TwoHostWorld {
  const sim = new Simulator({ seed: o.seed ?? 1 });
  const link = new Link(sim, {
    a: 'a', b: 'b', rate: o.rate ?? gbps(1), delay: o.delay ?? micros(100), mtu: o.mtu, queueFrames: o.queueFrames,
    faultsAtoB: o.faultsAtoB, faultsBtoA: o.faultsBtoA,
  });
  const cpuA = new Processor(sim, { name: 'cpu-a', clock: ghz(3) });
  const cpuB = new Processor(sim, { name: 'cpu-b', clock: ghz(3) });
  const common = { sim, mtu: o.mtu, tcp: o.tcp, costs: o.costs ?? DEFAULT_STACK_COSTS, checksumOffload: o.checksumOffload };
  const a = new Stack({
    ...common, name: 'a', processor: cpuA, mac: MAC_A, addr: ADDR_A, netif: link.aToB,
    staticArp: o.staticArp ? [{ addr: ADDR_B, mac: MAC_B }] : [],
  });
  const b = new Stack({
    ...common, name: 'b', processor: cpuB, mac: MAC_B, addr: ADDR_B, netif: link.bToA,
    staticArp: o.staticArp ? [{ addr: ADDR_A, mac: MAC_A }] : [],
  });
  const gateA = new Gate(a);
  const gateB = new Gate(b);
  link.attach(gateA, gateB);
  const set = (open: boolean): void => {
    gateA.open = open;
    gateB.open = open;
  };
  return {
    sim, link, a, b, cpuA, cpuB, runFor: (d) => sim.runUntil((sim.now + d) as Nanos), cut: () => set(false), restore: () => set(true),
  };
}
