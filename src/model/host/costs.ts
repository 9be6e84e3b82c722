// The host's cost tables split between the two parties that charge them, so
// that no cycle is charged twice (DESIGN.md 1.3, 1.4):
// - the Stack (INET: tcp, udp, ip, checksum, copy) charges its own operations
//   from a StackCosts table made here from the host profile;
// - the host layers around it (syscall, socket layer, context switches, the
//   INET sock glue, skb management, qdisc and driver, interrupts and NAPI, the
//   GSO and GRO layers) charge HostLayerCosts.
// The Stack's `syscall` and `socketCall` entries are zero: the host socket
// layer charges system call entry/exit and the socket layer once per call, for
// every call (the Stack would charge socketCall only on send and recv).
import { categoryIndex, type Category } from '../../sim';
import type { OpCost, StackCosts } from '../../net/stack';
import { opCycles, type ResolvedHostCosts, type ResolvedOp } from '../costs';

export type { ResolvedOp };
export { opCycles };

export interface HostLayerCosts {
  readonly syscall: ResolvedOp;
  /** Blocking and waking a process; the profile files it under 'syscall' (schedule() runs on the syscall's way out). */
  readonly contextSwitch: ResolvedOp;
  readonly socketLayer: ResolvedOp;
  /** struct sock work per packet handed between INET and the device layer ('socket'). */
  readonly inetSock: ResolvedOp;
  readonly skbAlloc: ResolvedOp;
  readonly skbFree: ResolvedOp;
  readonly qdisc: ResolvedOp;
  readonly driverTx: ResolvedOp;
  readonly driverRx: ResolvedOp;
  readonly driverTxCleanup: ResolvedOp;
  readonly dmaDescriptorSetup: ResolvedOp;
  readonly doorbellWrite: ResolvedOp;
  readonly hardIrq: ResolvedOp;
  readonly softirqEntry: ResolvedOp;
  readonly napiPollPacket: ResolvedOp;
  /** Software segmentation of one GSO segment (skb_segment, tcp_gso_segment) ('driver'). */
  readonly gsoSegment: ResolvedOp;
  /** One packet through the GRO engine (dev_gro_receive flow match and merge) ('softirq'). */
  readonly groMerge: ResolvedOp;
  /** Uncached reads per interrupt (the NIC's cause register) and the stall of one. */
  readonly mmioReadsPerInterrupt: number;
  readonly mmioReadNs: number;
}

/**
 * ESTIMATES for the two stateless-offload layers the profiles do not price:
 * - GSO: skb_segment allocates a header skb per segment and copies and fixes
 *   ~66 bytes of headers (inet_gso_segment, tcp_gso_segment): one skbAlloc plus
 *   150 cycles of header work. Charged 'driver': it runs in the device layer
 *   (validate_xmit_skb, between the qdisc and the driver), not in TCP or IP,
 *   whose per-segment work (tcp_transmit_skb, ip_queue_xmit, routing) it is
 *   exactly what GSO avoids repeating.
 * - GRO: a flow lookup over at most 8 held flows and a compare of ~40 header
 *   bytes per packet, ~150 cycles. Charged 'softirq': it replaces the per-packet
 *   netif_receive_skb dispatch inside the NAPI poll.
 */
const GSO_HEADER_CYCLES = 150;
const GRO_MERGE_CYCLES = 150;

function resolved(category: Category, fixed: number): ResolvedOp {
  return { category, categoryIndex: categoryIndex(category), fixed, perByte: 0 };
}

export function hostLayerCosts(r: ResolvedHostCosts): HostLayerCosts {
  const o = r.ops;
  return {
    syscall: o.syscall,
    contextSwitch: o.contextSwitch,
    socketLayer: o.socketLayer,
    inetSock: o.inetSock,
    skbAlloc: o.skbAlloc,
    skbFree: o.skbFree,
    qdisc: o.qdisc,
    driverTx: o.driverTx,
    driverRx: o.driverRx,
    driverTxCleanup: o.driverTxCleanup,
    dmaDescriptorSetup: o.dmaDescriptorSetup,
    doorbellWrite: o.doorbellWrite,
    hardIrq: o.hardIrq,
    softirqEntry: o.softirqEntry,
    napiPollPacket: o.napiPollPacket,
    gsoSegment: resolved('driver', o.skbAlloc.fixed + GSO_HEADER_CYCLES),
    groMerge: resolved('softirq', GRO_MERGE_CYCLES),
    mmioReadsPerInterrupt: r.mmioReadsPerInterrupt,
    mmioReadNs: r.mmioReadNs,
  };
}

const stackOp = (o: ResolvedOp): OpCost => Object.freeze({ fixedCycles: o.fixed, cyclesPerByte: o.perByte });
const ZERO: OpCost = Object.freeze({ fixedCycles: 0, cyclesPerByte: 0 });

/**
 * The Stack's table from a host profile. ARP is priced as one IP receive
 * (same validation and demux work); a protocol timer expiry as one softirq
 * entry (run_timer_softirq dispatch) charged to 'tcp' by the Stack: both
 * ESTIMATES, rare on the paths measured.
 */
export function hostStackCosts(r: ResolvedHostCosts): StackCosts {
  const o = r.ops;
  return Object.freeze({
    syscall: ZERO,
    socketCall: ZERO,
    copy: stackOp(o.copy),
    checksum: stackOp(o.checksum),
    tcpRx: stackOp(o.tcpRxSegment),
    tcpTx: stackOp(o.tcpTxSegment),
    tcpRxAck: stackOp(o.tcpRxAck),
    tcpTxAck: stackOp(o.tcpTxAck),
    ipRx: stackOp(o.ipRx),
    ipTx: stackOp(o.ipTx),
    udpRx: stackOp(o.udpRx),
    udpTx: stackOp(o.udpTx),
    arp: stackOp(o.ipRx),
    timer: { fixedCycles: o.softirqEntry.fixed, cyclesPerByte: 0 },
  });
}

/** Every host-layer cost zero: the ideal peer, whose CPU never limits anything. */
export function idealLayerCosts(): HostLayerCosts {
  const z = (category: Category): ResolvedOp => resolved(category, 0);
  return {
    syscall: z('syscall'), contextSwitch: z('syscall'), socketLayer: z('socket'), inetSock: z('socket'),
    skbAlloc: z('socket'), skbFree: z('socket'), qdisc: z('driver'), driverTx: z('driver'), driverRx: z('driver'),
    driverTxCleanup: z('driver'), dmaDescriptorSetup: z('dma-setup'), doorbellWrite: z('mmio'), hardIrq: z('irq'),
    softirqEntry: z('softirq'), napiPollPacket: z('softirq'), gsoSegment: z('driver'), groMerge: z('softirq'),
    mmioReadsPerInterrupt: 0, mmioReadNs: 0,
  };
}
