// What every server configuration (DESIGN.md 1.1) offers the rest of the model:
// the socket API its applications call, the processors that pay, the port it
// plugs into the wire with, and its counters. `native`, `stateless` and
// `offload` are assembled differently (src/model/host + nic, src/model/offload)
// but look the same from here, so workloads, metrics and the scenario runner
// treat them alike and a comparison differs only in what the configuration
// really changes.
import type { Nanos, Processor } from '../../sim';
import type { FrameSink, Netif } from '../../net/link';
import type { SocketApi } from '../../net/stack';
import type { TcpConnection } from '../../net/tcp';
import type { Ipv4Addr, MacAddr } from '../../net/wire';
import type { Bus } from '../bus';

export type ConfigurationName = 'native' | 'stateless' | 'offload';
export const CONFIGURATIONS: readonly ConfigurationName[] = ['native', 'stateless', 'offload'];

/** Cumulative event counts of one machine; metrics difference them per sample. */
export interface MachineCounters {
  /** Hard interrupts taken by the host CPU(s). */
  interrupts: number;
  /** Switches between application processes/threads and the kernel's wakeups of them. */
  contextSwitches: number;
  /** Data copies made by the host CPU and the bytes they moved. */
  copies: number;
  bytesCopied: number;
  /** DMA transfers across the host bus (either direction) and their bytes. */
  dmaTransfers: number;
  dmaBytes: number;
  /** Uncached reads of device registers by the host (each a CPU stall). */
  mmioReads: number;
  /** I2O messages (requests to the IOP + replies to the host); 0 on native paths. */
  i2oMessages: number;
  /** I2O frames currently held (inbound + outbound), a gauge. */
  i2oFramesInUse: number;
  /** Buffer allocations made at run time on the data path (skbs on native; 0 for the OSM's pools). */
  runtimeAllocations: number;
  /** Frames the NIC dropped for want of a receive descriptor. */
  rxRingDrops: number;
  /** The OSM's transmit or receive DMA pool found empty (offload only; card backpressure). */
  poolExhausted: number;
  i2oQueueFull: number;
  /**
   * Sends that found the socket send buffer full (blocked, EAGAIN or short): TCP's
   * ordinary flow control during bulk, counted apart from pool exhaustion so the
   * metrics do not annotate it as a fault.
   */
  sendBufferFull: number;
  /**
   * The server stack's ordered transmit queue (src/net/stack/xmit-queue.ts; the
   * host stack, or the ISM on the card): most frames ever waiting there for
   * their turn or for a stopped driver, and the times a stopped driver made a
   * frame wait (cumulative).
   */
  xmitPeakQueued: number;
  xmitStoppedWaits: number;
  /**
   * The card MAC's transmit descriptor ring (offload only; 0 elsewhere): times it
   * filled and stopped the ISM's queue, times the transmit-complete interrupt woke
   * it (cumulative), most descriptors ever in use, and, as gauges, its size and the
   * descriptors free now.
   */
  hdmTxStops: number;
  hdmTxWakes: number;
  hdmTxPeakInUse: number;
  hdmTxDescriptors: number;
  hdmTxFree: number;
}

export function emptyCounters(): MachineCounters {
  return {
    interrupts: 0, contextSwitches: 0, copies: 0, bytesCopied: 0, dmaTransfers: 0, dmaBytes: 0, mmioReads: 0,
    i2oMessages: 0, i2oFramesInUse: 0, runtimeAllocations: 0, rxRingDrops: 0, poolExhausted: 0, i2oQueueFull: 0,
    sendBufferFull: 0, xmitPeakQueued: 0, xmitStoppedWaits: 0, hdmTxStops: 0, hdmTxWakes: 0, hdmTxPeakInUse: 0,
    hdmTxDescriptors: 0, hdmTxFree: 0,
  };
}

export interface Machine {
  readonly name: string;
  readonly configuration: ConfigurationName;
  readonly addr: Ipv4Addr;
  readonly mac: MacAddr;
  /** The BSD socket API the machine's applications call (errno semantics identical in every configuration). */
  readonly api: SocketApi;
  /** Host processors; applications run on appCpu (the first one unless said otherwise). */
  readonly hostCpus: readonly Processor[];
  readonly appCpu: Processor;
  /** The card's I/O processor (offload only). */
  readonly iop: Processor | null;
  /** The host I/O bus between memory and the NIC or iNIC (null for an ideal peer). */
  readonly bus: Bus | null;
  /** Where frames from the wire are delivered (the NIC's receive side). */
  readonly port: FrameSink;
  /** Gives the machine its wire: frames it transmits go to `netif`. */
  attach(netif: Netif): void;
  counters(): MachineCounters;
  /** The live TCP connections of the machine's stack (host INET or card ISM), for cwnd/ssthresh/RTT traces. */
  tcpConnections(): Iterable<TcpConnection>;
}

/**
 * Observes what crosses one layer boundary of the server (capture points of
 * issue 5): 'tx' leaves the machine's upper layers towards the wire, 'rx'
 * arrives from it. `bytes` is only valid during the call (copy to keep it).
 */
export type PacketTap = (dir: 'tx' | 'rx', t: Nanos, bytes: Uint8Array) => void;

/** The capture hooks a server machine offers besides the wire (which the Link taps). */
export interface CaptureTaps {
  /**
   * Frames as the host driver posts them to the NIC and takes them from it
   * (native, stateless: TSO super-frames before the NIC cuts them, LRO
   * aggregates, before GRO); on offload the HDM's frames on the card.
   */
  setDriverTap(tap: PacketTap | null): void;
  /**
   * Raw IPv4 datagrams as the IP layer of the machine's stack (host INET, or
   * the ISM on the card) emits them before fragmentation or segmentation, and
   * accepts them after reassembly.
   */
  setIpTap(tap: PacketTap | null): void;
}

export function hasCaptureTaps(m: Machine): m is Machine & CaptureTaps {
  const t = m as Partial<CaptureTaps>;
  return typeof t.setDriverTap === 'function' && typeof t.setIpTap === 'function';
}
