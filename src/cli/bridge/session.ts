// One bridge: the lab's stack, driven in real time, joined to the Linux kernel
// in a fresh network namespace.
//
//   Stack (10.77.0.2, LAB_MAC) ─ [seeded faults] ─ TunPort ─ UdpTunnel ═ socat ═ TUN ─ kernel (10.77.0.1)
//
// The stack is the same object the models use, on its own simulated processor
// with the default cost table; its ARP cache is seeded with the kernel side's
// fixed MAC (the TUN has no link layer). Optional faults from src/net/link sit
// between the stack and the TUN in both directions (seeded, so the lab's side
// of a lossy run is repeatable even though the kernel's timing is not).
//
// Contract: `open` resolves with a session or an error string and never leaves
// anything behind on failure; `close` stops the driver, ends every process it
// started by pid and deletes the namespace; `closeSync` does the same from an
// exit handler. Both are idempotent.
import { Processor, Simulator, ghz } from '../../sim';
import { buildFaultChain } from '../../net/link';
import type { FaultSpec, FaultSet } from '../../net/link';
import { Stack, DEFAULT_STACK_COSTS } from '../../net/stack';
import type { TcpConfig } from '../../net/tcp';
import { ipv4 } from '../../net/wire';
import { Namespace, DEFAULT_KERNEL_ADDR, DEFAULT_LAB_ADDR, DEFAULT_MTU } from './namespace';
import { RealtimeDriver } from './realtime-driver';
import { LAB_MAC, PEER_MAC, TunPort } from './tun-port';
import { UdpTunnel } from './udp-tunnel';

export interface SessionOptions {
  readonly seed?: number;
  readonly mtu?: number;
  readonly tcp?: TcpConfig;
  /** Faults applied on the lab's side towards the kernel. */
  readonly faultsToKernel?: FaultSpec;
  /** Faults applied on the lab's side from the kernel. */
  readonly faultsFromKernel?: FaultSpec;
}

export class BridgeSession {
  private closed = false;

  private constructor(
    readonly sim: Simulator,
    readonly processor: Processor,
    readonly stack: Stack,
    readonly port: TunPort,
    readonly tunnel: UdpTunnel,
    readonly ns: Namespace,
    readonly driver: RealtimeDriver,
    readonly faults: { toKernel: FaultSet; fromKernel: FaultSet },
  ) {}

  static async open(o: SessionOptions = {}): Promise<BridgeSession | string> {
    const mtu = o.mtu ?? DEFAULT_MTU;
    const tunnel = await UdpTunnel.open();
    if (typeof tunnel === 'string') return tunnel;
    const ns = await Namespace.open({ userPort: tunnel.userPort, socatPort: tunnel.socatPort, mtu });
    if (typeof ns === 'string') {
      tunnel.close();
      return ns;
    }
    const sim = new Simulator({ seed: o.seed ?? 1 });
    const processor = new Processor(sim, { name: 'lab-cpu', clock: ghz(3) });
    const labAddr = ipv4(DEFAULT_LAB_ADDR);
    const port = new TunPort(tunnel, sim, labAddr);
    const toKernel = buildFaultChain(sim, 'lab->kernel', o.faultsToKernel ?? {}, { receiveFrame: (f) => port.transmit(f) });
    const stack = new Stack({
      name: 'lab', sim, processor, mac: LAB_MAC, addr: labAddr, mtu, costs: DEFAULT_STACK_COSTS,
      tcp: o.tcp, netif: { transmit: (f) => toKernel.head.receiveFrame(f) },
      staticArp: [{ addr: ipv4(DEFAULT_KERNEL_ADDR), mac: PEER_MAC }],
    });
    const fromKernel = buildFaultChain(sim, 'kernel->lab', o.faultsFromKernel ?? {}, stack);
    port.attach(fromKernel.head);
    const driver = new RealtimeDriver(sim);
    tunnel.onPacket((packet) => {
      // The packet arrives at the simulated instant matching the wall clock now.
      driver.catchUp();
      port.receivePacket(packet);
      driver.kick();
    });
    driver.start();
    return new BridgeSession(sim, processor, stack, port, tunnel, ns, driver, {
      toKernel: toKernel.faults, fromKernel: fromKernel.faults,
    });
  }

  /** Runs `fn` (which calls the socket API) at the current wall instant, then re-arms the driver. */
  act(fn: () => void): void {
    this.driver.catchUp();
    fn();
    this.driver.kick();
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.driver.stop();
    this.tunnel.close();
    await this.ns.close();
  }

  closeSync(): void {
    if (this.closed) return;
    this.closed = true;
    this.driver.stop();
    this.tunnel.close();
    this.ns.closeSync();
  }
}
