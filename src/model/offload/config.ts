// The offload configuration's options (DESIGN.md 1.1 `offload`) and their
// defaults. Every default comes from src/model/costs (I2O_DEFAULTS, the IOP
// and host profiles, the bus model), where each names its source; what is
// chosen here says so. Faults follow the scenario schema's card faults
// (src/scenario/schema/faults.ts), in nanoseconds instead of milliseconds.
// The card MAC's descriptor rings (HDM_RINGS) and the division of each socket
// buffer between the card and the OSM (CARD_BUFFER_SHARE) are defined here, with
// their sources, so the scenario schema and the model read one number.
import { type Hz, type Nanos, ghz, mhz, micros } from '../../sim';
import type { TcpConfig } from '../../net/tcp';
import type { Ipv4Addr, MacAddr } from '../../net/wire';
import { I2O_DEFAULTS, busModel, buildCostTables, estimate, param, type BusConfig, type BusModel, type CostTables } from '../costs';

/**
 * The card MAC's transmit and receive descriptor rings, as the HDM drives them.
 * The article does not give the HDM's ring sizes; the card's MAC is taken to be an
 * Intel 8254x-class gigabit part, so the HDM gets what Linux's e1000 driver gives
 * it (drivers/net/ethernet/intel/e1000/e1000_param.c and the kernel's e1000
 * documentation: TxDescriptors and RxDescriptors default 256, valid 80-4096 on the
 * 82544 and newer; e1000e: default 256, 64-4096). The lab accepts rings down to 8
 * so a lesson can make the ring stop the queue often; the maximum is the driver's.
 * A ring's size changes by restart, as `ethtool -G` resets the device.
 */
export const HDM_RINGS = {
  txDescriptors: param(256, 'descriptors', { min: 8, max: 4096 }, estimate(
    "Linux e1000 driver default TxDescriptors = 256 (e1000_param.c; kernel e1000 documentation; valid 80-4096 on the 82544 and newer), taken for the iNIC's 8254x-class MAC, whose HDM ring the article does not give",
    'linux'), "Transmit descriptors on the card MAC's ring (HDM): frames prepared by the IOP and not yet on the wire; a full ring stops the ISM's queue"),
  rxDescriptors: param(256, 'descriptors', { min: 8, max: 4096 }, estimate(
    "Linux e1000 driver default RxDescriptors = 256 (e1000_param.c; kernel e1000 documentation; valid 80-4096 on the 82544 and newer), taken for the iNIC's 8254x-class MAC, whose HDM ring the article does not give",
    'linux'), "Receive descriptors on the card MAC's ring (HDM): frames from the wire the IOP has not yet taken; none free drops the frame (counted)"),
} as const;

/**
 * How much of each socket's SO_SNDBUF and SO_RCVBUF the card's TCP socket holds;
 * the rest is the socket's share of the OSM's DMA pools (osm/memory.ts). Data waits
 * in two places on offload: in the host's pool buffers (copied from the user, not
 * yet sent to the card; received, not yet read) and in the card's socket (sent and
 * unacknowledged, which is TCP's room for loss recovery; in order, not yet handed
 * to the host). The article does not say how the prototype divided socket buffer
 * memory between them, so the lab splits it evenly by default. The card's TCP can
 * keep no more sent-and-unacknowledged data than its part, and the host no more
 * copied-but-unsent data than the rest.
 * Changes by restart (the socket buffers are divided when a socket is made).
 */
export const CARD_BUFFER_SHARE = param(50, '%', { min: 10, max: 90 }, estimate(
  "the article does not give how the prototype divided socket buffer memory between the host's DMA pools and the card's TCP; half is an even split between the two places data waits",
  'lab'), "Percent of each socket's SO_SNDBUF and SO_RCVBUF held by the card's TCP socket; the rest is the OSM's DMA pool share");

/** A window of simulated time [at, at + length). */
export interface FaultWindow {
  readonly atNs: Nanos;
  readonly forNs: Nanos;
}

export interface OffloadFaults {
  /** Every free buffer of the pool is withheld during the window (and buffers freed in it too). */
  readonly poolExhaustion?: readonly (FaultWindow & { readonly pool: 'tx' | 'rx' })[];
  /**
   * The free list of an I2O queue runs dry during the window: inbound, the IOP
   * keeps the frames it consumed instead of returning them; outbound, the host
   * keeps the reply frames it consumed. The port then reads 0xFFFFFFFF.
   */
  readonly i2oQueueFull?: readonly (FaultWindow & { readonly queue: 'inbound' | 'outbound' })[];
  /** Probability that one DMA transfer fails (the transport retries it). */
  readonly dmaErrorRate?: number;
}

export interface PoolOptions {
  readonly bufferBytes: number;
  readonly buffers: number;
}

export interface OffloadOptions {
  readonly name?: string;
  readonly addr: Ipv4Addr;
  readonly mac: MacAddr;
  /** Host and IOP cost tables (default: xeon-2002 + iop321-2002). */
  readonly costs?: CostTables;
  readonly hostClock?: Hz;
  /** Host CPUs (default 1). The OSM and its interrupt run on the first, with the applications; the others are for applications that place work there. */
  readonly hostCpus?: number;
  readonly iopClock?: Hz;
  /** The host I/O bus (default PCI-X 64-bit/133 MHz). */
  readonly bus?: BusConfig;
  readonly mtu?: number;
  /** TCP defaults for the ISM's sockets. */
  readonly tcp?: TcpConfig;
  readonly staticArp?: readonly { addr: Ipv4Addr; mac: MacAddr }[];
  readonly inboundFrames?: number;
  readonly inboundFrameWords?: number;
  readonly outboundFrames?: number;
  readonly outboundFrameWords?: number;
  readonly txPool?: Partial<PoolOptions>;
  readonly rxPool?: Partial<PoolOptions>;
  /** Reply coalescing: interrupt after `maxReplies` replies or `timeout`, whichever first; off = one per reply. */
  readonly replyCoalescing?: { readonly enabled?: boolean; readonly maxReplies?: number; readonly timeout?: Nanos };
  /** Receive buffers the OSM keeps lent to the card per connection (LAN OSM: 96 buckets). */
  readonly receiveBuckets?: number;
  /** Lend more once this many were consumed (LAN OSM: 18). */
  readonly repostThreshold?: number;
  /** The card's MAC computes TCP/UDP checksums for the ISM (default true). */
  readonly macChecksumOffload?: boolean;
  /** Longest a partly filled receive buffer waits on the card for more data (default 20 µs). */
  readonly rxFillTimeout?: Nanos;
  /** Transmit descriptors on the card MAC's ring (default HDM_RINGS.txDescriptors). */
  readonly txDescriptors?: number;
  /** Receive descriptors on the card MAC's ring (default HDM_RINGS.rxDescriptors). */
  readonly rxDescriptors?: number;
  /** Percent of each socket buffer the card's socket holds (default CARD_BUFFER_SHARE, 50). */
  readonly cardBufferSharePercent?: number;
  readonly faults?: OffloadFaults;
}

/** Everything resolved to plain values. */
export interface OffloadConfig {
  readonly name: string;
  readonly addr: Ipv4Addr;
  readonly mac: MacAddr;
  readonly costs: CostTables;
  readonly hostClock: Hz;
  readonly hostCpus: number;
  readonly iopClock: Hz;
  readonly bus: BusModel;
  readonly mtu: number;
  readonly tcp: TcpConfig;
  readonly staticArp: readonly { addr: Ipv4Addr; mac: MacAddr }[];
  readonly inboundFrames: number;
  readonly inboundFrameWords: number;
  readonly outboundFrames: number;
  readonly outboundFrameWords: number;
  readonly txPool: PoolOptions;
  readonly rxPool: PoolOptions;
  readonly coalesce: { readonly maxReplies: number; readonly timeout: Nanos };
  readonly receiveBuckets: number;
  readonly repostThreshold: number;
  readonly macChecksumOffload: boolean;
  readonly rxFillTimeout: Nanos;
  readonly txDescriptors: number;
  readonly rxDescriptors: number;
  readonly cardBufferSharePercent: number;
  readonly faults: OffloadFaults;
}

const D = I2O_DEFAULTS;

export function resolveOffloadConfig(o: OffloadOptions): OffloadConfig {
  let costs = o.costs;
  if (costs === undefined) {
    const built = buildCostTables('xeon-2002', 'iop321-2002');
    if (!built.ok) throw new Error('offload: the default cost tables failed to build');
    costs = built.tables;
  }
  const rc = o.replyCoalescing ?? {};
  const enabled = rc.enabled ?? true;
  return {
    name: o.name ?? 'server',
    addr: o.addr,
    mac: o.mac,
    costs,
    // The 2002-gigabit host (a 2.4 GHz Xeon) and the IOP321's nominal 600 MHz (REFERENCES.md).
    hostClock: o.hostClock ?? ghz(2.4),
    hostCpus: Math.max(1, Math.floor(o.hostCpus ?? 1)),
    iopClock: o.iopClock ?? mhz(600),
    bus: busModel(o.bus ?? { kind: 'pci-x', widthBits: 64, clockMHz: 133 }),
    mtu: o.mtu ?? 1500,
    tcp: o.tcp ?? {},
    staticArp: o.staticArp ?? [],
    inboundFrames: o.inboundFrames ?? D.inboundFrames.value,
    inboundFrameWords: o.inboundFrameWords ?? D.inboundFrameWords.value,
    outboundFrames: o.outboundFrames ?? D.outboundFrames.value,
    outboundFrameWords: o.outboundFrameWords ?? D.outboundFrameWords.value,
    txPool: { bufferBytes: o.txPool?.bufferBytes ?? D.txPoolBufferBytes.value, buffers: o.txPool?.buffers ?? D.txPoolBuffers.value },
    rxPool: { bufferBytes: o.rxPool?.bufferBytes ?? D.rxPoolBufferBytes.value, buffers: o.rxPool?.buffers ?? D.rxPoolBuffers.value },
    coalesce: enabled
      ? { maxReplies: rc.maxReplies ?? D.replyCoalesceMax.value, timeout: rc.timeout ?? micros(D.replyCoalesceUs.value) }
      : { maxReplies: 1, timeout: 0 as Nanos },
    receiveBuckets: o.receiveBuckets ?? D.receiveBuckets.value,
    repostThreshold: o.repostThreshold ?? D.repostThreshold.value,
    macChecksumOffload: o.macChecksumOffload ?? true,
    // ESTIMATE: about two full-size segment times at 1 Gb/s (12.3 µs each), so a
    // burst of segments shares one buffer, one DMA and one reply, while a lone
    // small message waits at most this long.
    rxFillTimeout: o.rxFillTimeout ?? micros(20),
    // At least one descriptor each: the scenario schema enforces HDM_RINGS' ranges.
    txDescriptors: Math.max(1, Math.floor(o.txDescriptors ?? HDM_RINGS.txDescriptors.value)),
    rxDescriptors: Math.max(1, Math.floor(o.rxDescriptors ?? HDM_RINGS.rxDescriptors.value)),
    // Whole percents, and something on both sides: the scenario schema enforces CARD_BUFFER_SHARE's range.
    cardBufferSharePercent: Math.min(99, Math.max(1, Math.floor(o.cardBufferSharePercent ?? CARD_BUFFER_SHARE.value))),
    faults: o.faults ?? {},
  };
}

/** True when `now` lies inside any of the windows. */
export function inWindow(now: number, windows: readonly FaultWindow[] | undefined): boolean {
  if (windows === undefined) return false;
  for (const w of windows) if (now >= w.atNs && now < w.atNs + w.forNs) return true;
  return false;
}
