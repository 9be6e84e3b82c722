// The `native` and `stateless` configurations (DESIGN.md 1.1): the Linux
// stack on the host CPU behind a NIC, assembled from the layers of DESIGN.md
// 1.2: app > syscall > socket (HostSocketLayer) > inet + tcp/udp + ip (the
// Stack, charging host cycles) > netdev (HostNetdev: qdisc, driver, GSO; Napi:
// IRQ, NAPI softirq, GRO) > nic (Nic: rings, DMA over the Bus, TSO, LRO,
// interrupt moderation) > wire. `stateless` is `native` with any of the NIC's
// stateless offloads switched on; with none it is `native` exactly.
//
// Every cycle lands on host CPU 0: the single-queue NIC interrupts it, its
// softirq runs there and the applications run there (appCpu). Further CPUs
// (hostCpus > 1) exist for applications that place work on them.
//
// Offload rules follow Linux's netdev_fix_features: TSO needs transmit checksum
// offload and LRO needs receive checksum offload, else they stay off (and
// `effective` says so); GSO and GRO work in software with or without them.
import { Priority, Processor, ghz, type BitsPerSecond, type Hz, type Simulator } from '../../sim';
import type { Netif } from '../../net/link';
import { Stack } from '../../net/stack';
import type { TcpConfig, TcpConnection } from '../../net/tcp';
import type { Ipv4Addr, MacAddr } from '../../net/wire';
import { Bus } from '../bus';
import {
  HOST_PROFILE_TABLES, IOP_PROFILE_TABLES, LINUX_CONSTANTS, busModel, resolveHostCosts, type BusConfig, type CostTables,
  type ResolvedOp,
} from '../costs';
import {
  HostNetdev, HostSocketLayer, Napi, hostLayerCosts, hostStackCosts, idealLayerCosts, type HostLayerCosts,
} from '../host';
import { FREE_STACK_COSTS } from '../../net/stack';
import { Nic, type Coalescing } from '../nic';
import { ipTapFor } from './ip-tap';
import { UntracedView } from './untraced-view';
import { emptyCounters, type CaptureTaps, type Machine, type MachineCounters } from './types';

export interface StatelessOffloads {
  readonly checksumTx?: boolean;
  readonly checksumRx?: boolean;
  readonly tso?: boolean;
  readonly gso?: boolean;
  readonly lro?: boolean;
  readonly gro?: boolean;
}

export interface NativeMachineOptions {
  readonly name?: string;
  /** The label the machine reports; default 'stateless' when any offload or coalescing is on, else 'native'. */
  readonly configuration?: 'native' | 'stateless';
  readonly addr: Ipv4Addr;
  readonly mac: MacAddr;
  /** Host cost tables (default xeon-2002; only the host half is used). */
  readonly costs?: CostTables;
  /** Host CPU clock (default 2.4 GHz) and count (default 1). */
  readonly hostClock?: Hz;
  readonly hostCpus?: number;
  /** The host I/O bus (default PCI-X 64-bit/133 MHz); null for none (DMA takes no time). */
  readonly bus?: BusConfig | null;
  readonly mtu?: number;
  readonly tcp?: TcpConfig;
  readonly staticArp?: readonly { addr: Ipv4Addr; mac: MacAddr }[];
  readonly offloads?: StatelessOffloads;
  readonly nic?: {
    readonly txRing?: number;
    readonly rxRing?: number;
    readonly coalescing?: Coalescing;
    /** MAC speed (default: the wire's rate). */
    readonly lineRate?: BitsPerSecond;
  };
  /** NAPI poll weight (64), softirq budget in packets (300) and time (2000 µs). */
  readonly napi?: { readonly weight?: number; readonly budget?: number; readonly budgetUsecs?: number };
  /** qdisc limit (txqueuelen, default 1000). */
  readonly txQueueLen?: number;
  /** Every cost zero and no bus: a machine that never limits the one under test (the peer). */
  readonly idealCpu?: boolean;
}

/** What a native/stateless machine really runs with after the feature rules. */
export interface EffectiveOffloads {
  readonly checksumTx: boolean;
  readonly checksumRx: boolean;
  readonly tso: boolean;
  readonly gso: boolean;
  readonly lro: boolean;
  readonly gro: boolean;
  readonly coalescing: Coalescing;
}

export interface NativeMachine extends Machine, CaptureTaps {
  readonly configuration: 'native' | 'stateless';
  readonly stack: Stack;
  readonly nic: Nic;
  readonly netdev: HostNetdev;
  readonly napi: Napi;
  readonly sockets: HostSocketLayer;
  readonly effective: EffectiveOffloads;
  readonly layerCosts: HostLayerCosts;
}

const DEFAULT_CLOCK = ghz(2.4);
const DEFAULT_BUS: BusConfig = { kind: 'pci-x', widthBits: 64, clockMHz: 133 };

function defaultTables(): CostTables {
  return { host: HOST_PROFILE_TABLES['xeon-2002'], iop: IOP_PROFILE_TABLES['iop321-2002'] };
}

export function effectiveOffloads(o: StatelessOffloads | undefined, coalescing: Coalescing | undefined): EffectiveOffloads {
  const checksumTx = o?.checksumTx ?? false;
  const checksumRx = o?.checksumRx ?? false;
  return {
    checksumTx,
    checksumRx,
    tso: (o?.tso ?? false) && checksumTx,
    gso: o?.gso ?? false,
    lro: (o?.lro ?? false) && checksumRx,
    gro: o?.gro ?? false,
    coalescing: coalescing ?? { mode: 'off' },
  };
}

export interface BuildOptions {
  /** The machine's layers record nothing in the trace (the peer: it is one layer, machine/peer.ts). */
  readonly untraced?: boolean;
}

export function buildNativeMachine(real: Simulator, opts: NativeMachineOptions, build: BuildOptions = {}): NativeMachine {
  // Processors and the bus run on the simulator itself; the layers see it through a view without a trace when untraced.
  const sim = build.untraced === true ? (new UntracedView(real) as unknown as Simulator) : real;
  const name = opts.name ?? 'server';
  const ideal = opts.idealCpu ?? false;
  const clock = opts.hostClock ?? DEFAULT_CLOCK;
  const mtu = opts.mtu ?? 1500;
  const eff = effectiveOffloads(opts.offloads, opts.nic?.coalescing);
  const configuration = opts.configuration ?? (eff.checksumTx || eff.checksumRx || eff.tso || eff.gso || eff.lro || eff.gro ||
    eff.coalescing.mode !== 'off' ? 'stateless' : 'native');
  const cpus: Processor[] = [];
  for (let i = 0; i < Math.max(1, opts.hostCpus ?? 1); i++) cpus.push(new Processor(real, { name: `${name}:cpu${i}`, clock }));
  const cpu = cpus[0]!;
  const resolved = resolveHostCosts(opts.costs ?? defaultTables(), clock);
  const layer = ideal ? idealLayerCosts() : hostLayerCosts(resolved);
  const checksumOp: ResolvedOp = ideal ? { ...resolved.ops.checksum, fixed: 0, perByte: 0 } : resolved.ops.checksum;
  let bus: Bus | null = null;
  const busCfg = opts.bus === undefined ? DEFAULT_BUS : opts.bus;
  if (!ideal && busCfg !== null) {
    const b = busModel(busCfg);
    bus = new Bus(real, {
      name: `${name}:bus`, bytesPerSecond: b.peakBytesPerSec * b.efficiency.value, nsPerTransaction: b.perTransactionNs.value,
      mmioReadNs: resolved.mmioReadNs, maxBurstBytes: b.maxBurstBytes.value, duplex: b.fullDuplex,
    });
  }
  const superPackets = eff.tso || eff.gso;
  const gsoMax = LINUX_CONSTANTS.gsoMaxBytes.value;
  // The NIC and the GSO layer cut at the MTU: TCP's MSS must be the MTU's (tcp config gsoMaxBytes).
  const tcp: TcpConfig = superPackets ? { ...opts.tcp, mss: mtu - 40, gsoMaxBytes: gsoMax } : { ...opts.tcp };
  const stack = new Stack({
    name, sim, processor: cpu, mac: opts.mac, addr: opts.addr, mtu, tcp, staticArp: opts.staticArp,
    costs: ideal ? FREE_STACK_COSTS : hostStackCosts(resolved),
    // Checksum cycles: the stack drops them only when both directions are offloaded;
    // with one direction offloaded the host layer charges the other (see netdev, napi).
    checksumOffload: eff.checksumTx || eff.checksumRx,
    rxPriority: Priority.SoftIrq, appPriority: Priority.Kernel,
  });
  const nic = new Nic(sim, bus, mtu, {
    txRing: opts.nic?.txRing, rxRing: opts.nic?.rxRing, tso: eff.tso, lro: eff.lro, coalescing: eff.coalescing,
    lineRate: opts.nic?.lineRate,
  });
  const netdev = new HostNetdev(sim, cpu, nic, bus, layer, checksumOp, {
    mtu, gso: eff.gso, softwareTxChecksum: eff.checksumRx && !eff.checksumTx, txQueueLen: opts.txQueueLen,
  });
  stack.netif = netdev;
  const napi = new Napi(sim, cpu, nic, netdev, stack, bus, layer, checksumOp, {
    weight: opts.napi?.weight ?? LINUX_CONSTANTS.napiWeight.value,
    budget: opts.napi?.budget ?? LINUX_CONSTANTS.softirqBudgetPackets.value,
    budgetNs: (opts.napi?.budgetUsecs ?? LINUX_CONSTANTS.softirqBudgetUs.value) * 1000,
    gro: eff.gro, groMaxBytes: LINUX_CONSTANTS.groMaxBytes.value - 1,
    softwareRxChecksum: eff.checksumTx && !eff.checksumRx,
  });
  nic.line = napi;
  const sockets = new HostSocketLayer(stack, cpu, layer);

  const counters = (): MachineCounters => {
    const c = emptyCounters();
    c.interrupts = napi.counters.interrupts;
    c.contextSwitches = sockets.counters.contextSwitches;
    c.copies = stack.out.counters.copies;
    c.bytesCopied = stack.out.counters.bytesCopied;
    if (bus !== null) {
      c.dmaTransfers = bus.dmaTransfers;
      c.dmaBytes = bus.dmaBytes;
    } else {
      c.dmaTransfers = nic.counters.rxDmas + nic.counters.txDmas;
    }
    c.mmioReads = napi.counters.mmioReads;
    c.runtimeAllocations = netdev.counters.skbAllocs + napi.counters.skbAllocs;
    c.rxRingDrops = nic.counters.rxRingDrops;
    // A full socket buffer is flow control, not a pool: native has no DMA pools to exhaust.
    c.sendBufferFull = sockets.counters.sendBufferFull;
    c.xmitPeakQueued = stack.out.xmitCounters.peakQueued;
    c.xmitStoppedWaits = stack.out.xmitCounters.stoppedWaits;
    return c;
  };

  return {
    name, configuration, addr: opts.addr, mac: opts.mac, api: sockets, hostCpus: cpus, appCpu: cpu, iop: null, bus,
    port: nic,
    attach(netif: Netif): void {
      nic.attach(netif);
    },
    setDriverTap(tap) {
      nic.driverTap = tap;
    },
    setIpTap(tap) {
      stack.out.ipTap = ipTapFor(sim, tap);
    },
    counters,
    tcpConnections(): Iterable<TcpConnection> {
      return stack.connections();
    },
    stack, nic, netdev, napi, sockets, effective: eff, layerCosts: layer,
  };
}
