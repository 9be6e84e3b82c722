// The stack's transmit side and its CPU accounting. Work happens in batches:
// `begin(priority)` opens one, protocol code charges costs and emits frames into
// it, `commit()` submits one job with the batch's charges to the stack's
// processor. Only when that job completes do the frames go on towards the
// netif and the sockets the work touched get woken: the CPU time is what
// delays them. On the way the frames pass the stack's transmit queue
// (xmit-queue.ts), which keeps build order across batches of different
// priorities and holds them while a flow-controlled driver's ring is full.
//
// Frames are serialised once into pooled buffers of exactly their length (no
// copy after building); next hops are resolved through the ARP cache, and a
// frame waiting for resolution keeps its buffer in the ARP queue with the
// destination MAC filled in when the reply comes.
import type { EventHandler, EventId, Layer, LayerId, Nanos, Priority, Processor, Simulator } from '../../sim';
import { ChargeList, LAYER, TRACE_KIND } from '../../sim';
import { ArpCache, type ArpOptions } from '../arp';
import { FramePool, type Netif } from '../link';
import {
  MAC_BROADCAST, buildArpFrame, buildIpv4Frame, buildTcpFrame, isWireError, tcpBufferLen, tcpFrameLen, writeU48,
  type ArpRepr, type EthernetRepr, type Ipv4Addr, type Ipv4Repr, type MacAddr, type TcpRepr,
} from '../wire';
import { COST_CATEGORY_INDEX, type CostName, type StackCosts } from './costs';
import { Batch, XmitQueue, type XmitCounters } from './xmit-queue';

/** Something to run when a batch's job has completed (a socket with waiters). */
export interface WakeTarget {
  service(): void;
}


export interface OutputCounters {
  framesOut: number;
  bytesOut: number;
  arpRequestsOut: number;
  arpRepliesOut: number;
  buildErrors: number;
  jobs: number;
  /** Copies between application and socket buffers charged ('copy'), and their bytes. */
  copies: number;
  bytesCopied: number;
}

const KIND_JOB = 1;
const KIND_ARP_TIMER = 2;

export interface OutputOptions {
  sim: Simulator;
  processor: Processor;
  netif: Netif;
  mac: MacAddr;
  addr: Ipv4Addr;
  costs: StackCosts;
  checksumOffload: boolean;
  ttl: number;
  arp?: ArpOptions;
  /** The layer below IP in trace records ('netdev' on a host, 'hdm' on the card). */
  belowLayer?: Layer;
  /**
   * Priority of work done on behalf of a socket call, including a parked call
   * completed later (a woken send). Default Priority.Kernel (a host's process
   * context); the ISM runs everything at one priority (see src/model/machine/offload.ts).
   */
  appPriority?: Priority;
}

/**
 * Observes IPv4 datagrams as the IP layer emits them (before fragmentation or
 * a NIC's segmentation) and accepts them (after reassembly): a capture point.
 * `header` null: `bytes` is the whole datagram from its IPv4 header (possibly
 * padded past its total length); else `bytes` is the payload of `header`.
 */
export type IpTap = (dir: 'tx' | 'rx', header: Ipv4Repr | null, bytes: Uint8Array) => void;

export class Output implements EventHandler {
  /** Capture point 'ip' (null: off, one branch per datagram). */
  ipTap: IpTap | null = null;
  costs: StackCosts;
  checksumOffload: boolean;
  /** Priority of socket-call work (OutputOptions.appPriority). */
  readonly appPriority: Priority;
  readonly arp: ArpCache;
  readonly counters: OutputCounters = {
    framesOut: 0, bytesOut: 0, arpRequestsOut: 0, arpRepliesOut: 0, buildErrors: 0, jobs: 0, copies: 0, bytesCopied: 0,
  };
  private readonly sim: Simulator;
  private readonly processor: Processor;
  private readonly mac: MacAddr;
  private readonly addr: Ipv4Addr;
  private readonly ttl: number;
  private readonly charges = new ChargeList();
  private readonly pool = new FramePool();
  /** Free batches, linked through Batch.nextFree (a list whose footprint does not move with the work in flight). */
  private freeBatches: Batch | null = null;
  private readonly xq: XmitQueue;
  private cur: Batch | null = null;
  private depth = 0;
  private priority: Priority = 2 as Priority;
  private ipId = 0;
  private arpTimer: EventId = -1;
  private arpTimerAt = Number.POSITIVE_INFINITY;
  // Scratch reprs reused for every frame.
  private readonly eth: EthernetRepr = { dst: 0, src: 0, etherType: 0x0800 };
  private readonly ip: Ipv4Repr = {
    src: 0, dst: 0, protocol: 6, ttl: 64, identification: 0, dscp: 0, ecn: 0,
    dontFragment: true, moreFragments: false, fragmentOffset: 0, payloadLength: 0,
  };
  private readonly arpRepr: ArpRepr = { operation: 1, senderMac: 0, senderIp: 0, targetMac: 0, targetIp: 0 };
  /** Layer id below IP in trace records. */
  readonly below: LayerId;
  private readonly requestArp = (ip: Ipv4Addr): void => this.sendArp(1, ip, 0, MAC_BROADCAST);
  private readonly refreshArp = (ip: Ipv4Addr, mac: MacAddr): void => this.sendArp(1, ip, 0, mac);

  constructor(o: OutputOptions) {
    this.sim = o.sim;
    this.processor = o.processor;
    this.xq = new XmitQueue(o.netif, (f) => this.sent(f));
    this.mac = o.mac;
    this.addr = o.addr;
    this.costs = o.costs;
    this.checksumOffload = o.checksumOffload;
    this.ttl = o.ttl;
    this.appPriority = o.appPriority ?? (2 as Priority);
    this.arp = new ArpCache(o.arp);
    this.below = LAYER[o.belowLayer ?? 'netdev'];
    this.eth.src = o.mac;
    this.ip.src = o.addr;
    this.ip.ttl = o.ttl;
  }

  get framePoolAllocated(): number {
    return this.pool.allocated;
  }

  /** The driver frames go to (a host's netdev, the card's HDM). */
  get netif(): Netif {
    return this.xq.netif;
  }

  set netif(n: Netif) {
    this.xq.netif = n;
  }

  /** Frames built and not yet handed to the driver (xmit-queue.ts). */
  get txQueued(): number {
    return this.xq.length;
  }

  /** The transmit queue's counters (peak depth, frames held for order, waits on a stopped driver). */
  get xmitCounters(): Readonly<XmitCounters> {
    return this.xq.counters;
  }

  /** Opens (or nests into) a batch of work at `priority`. */
  begin(priority: Priority): void {
    if (this.depth === 0) {
      const free = this.freeBatches;
      if (free !== null) this.freeBatches = free.nextFree;
      this.cur = free ?? new Batch();
      this.cur.start = this.xq.tail;
      this.charges.clear();
      this.priority = priority;
    }
    this.depth += 1;
  }

  /** Closes the batch; the outermost commit submits it as one job. */
  commit(): void {
    this.depth -= 1;
    if (this.depth > 0) return;
    const b = this.cur!;
    this.cur = null;
    this.counters.jobs += 1;
    b.end = this.xq.tail;
    this.processor.submit(this.priority, this.charges, 0, this, KIND_JOB, 0, b);
  }

  /** Charges one operation on `bytes` bytes to the open batch; returns the cycles charged. */
  charge(op: CostName, bytes = 0): number {
    if (op === 'checksum' && this.checksumOffload) return 0;
    if (op === 'copy') {
      this.counters.copies += 1;
      this.counters.bytesCopied += bytes;
    }
    const c = this.costs[op];
    const cycles = c.fixedCycles + c.cyclesPerByte * bytes;
    if (cycles > 0) this.charges.addIndex(COST_CATEGORY_INDEX[op], cycles);
    return cycles;
  }

  /** Runs `t.service()` when the open batch's job completes (once per batch). */
  wake(t: WakeTarget): void {
    const w = this.cur!.wake;
    if (w.indexOf(t) < 0) w.push(t);
  }

  /** Serialises a TCP segment to `dst` (Ethernet + IPv4 with DF + TCP, checksums valid). */
  sendTcp(seg: TcpRepr, dst: Ipv4Addr): void {
    const len = tcpFrameLen(seg);
    const buf = this.pool.take(len);
    const ip = this.ip;
    ip.dst = dst;
    ip.protocol = 6;
    ip.identification = this.nextId();
    ip.dontFragment = true;
    ip.moreFragments = false;
    ip.fragmentOffset = 0;
    this.eth.dst = 0;
    const r = buildTcpFrame(this.eth, ip, seg, buf);
    if (isWireError(r)) {
      this.counters.buildErrors += 1;
      this.pool.give(buf);
      return;
    }
    if (this.ipTap !== null) this.ipTap('tx', null, buf.subarray(14, len));
    const tcpLen = tcpBufferLen(seg);
    const tcpCycles = this.charge(seg.payload.length > 0 || (seg.flags & 0x03) !== 0 ? 'tcpTx' : 'tcpTxAck', seg.payload.length);
    const ipCycles = this.charge('checksum', tcpLen) + this.charge('ipTx', tcpLen + 20);
    const tr = this.sim.trace;
    if (tr.enabled) {
      // One span per emitted segment; the buffer carries it to the driver, NIC and wire.
      const span = tr.nextSpan();
      tr.tag(buf, span);
      tr.record(this.sim.now, span, LAYER.tcp, LAYER.ip, TRACE_KIND.segment, seg.payload.length, tcpCycles, this.processor.id);
      tr.record(this.sim.now, span, LAYER.ip, this.below, TRACE_KIND.frame, len, ipCycles, this.processor.id);
    }
    // A pure ACK (no data, SYN or FIN) may overtake: its order does not matter to the peer.
    this.route(buf, dst, seg.payload.length === 0 && (seg.flags & 0x03) === 0);
  }

  /**
   * Sends one IPv4 datagram or fragment whose payload bytes are given (UDP, and
   * anything fragmented); `ip` fields other than src/ttl are the caller's.
   */
  sendIpv4(ip: Ipv4Repr, payload: Uint8Array): void {
    const len = Math.max(60, 34 + payload.length);
    const buf = this.pool.take(len);
    ip.src = this.addr;
    ip.ttl = this.ttl;
    this.eth.dst = 0;
    const r = buildIpv4Frame(this.eth, ip, payload, buf);
    if (isWireError(r)) {
      this.counters.buildErrors += 1;
      this.pool.give(buf);
      return;
    }
    const cycles = this.charge('ipTx', payload.length + 20);
    const tr = this.sim.trace;
    if (tr.enabled) {
      const span = tr.nextSpan();
      tr.tag(buf, span);
      if (ip.protocol === 17 && ip.fragmentOffset === 0) {
        tr.record(this.sim.now, span, LAYER.udp, LAYER.ip, TRACE_KIND.segment, payload.length - 8, 0, this.processor.id);
      }
      tr.record(this.sim.now, span, LAYER.ip, this.below, TRACE_KIND.frame, len, cycles, this.processor.id);
    }
    this.route(buf, ip.dst, false);
  }

  nextId(): number {
    this.ipId = (this.ipId + 1) & 0xffff;
    return this.ipId;
  }

  /** RFC 826's packet reception algorithm, after the stack checked the frame is ARP for IPv4. */
  receiveArp(a: ArpRepr): void {
    this.charge('arp');
    const now = this.sim.now;
    let merged = false;
    if (this.arp.has(a.senderIp)) {
      this.flush(a.senderIp, this.arp.learn(a.senderIp, a.senderMac, now));
      merged = true;
    }
    if (a.targetIp !== this.addr) return;
    if (!merged) this.flush(a.senderIp, this.arp.learn(a.senderIp, a.senderMac, now));
    if (a.operation === 1) this.sendArp(2, a.senderIp, a.senderMac, a.senderMac);
  }

  onEvent(kind: number, _arg: number, obj: unknown): void {
    if (kind === KIND_ARP_TIMER) {
      this.arpTimer = -1;
      this.arpTimerAt = Number.POSITIVE_INFINITY;
      this.begin(1 as Priority);
      this.arp.onTimer(this.sim.now, this.requestArp, this.refreshArp);
      this.commit();
      this.armArpTimer();
      return;
    }
    // The batch's frames go on to the driver (in build order, when it takes them),
    // then its sockets are woken.
    const b = obj as Batch;
    this.xq.completed(b);
    const wake = b.wake;
    if (wake.length > 0) {
      for (let i = 0; i < wake.length; i++) wake[i]!.service();
      // Emptied with pop(), which stays inline (assigning length calls into the runtime).
      while (wake.length > 0) wake.pop();
    }
    b.nextFree = this.freeBatches;
    this.freeBatches = b;
  }

  /** A frame handed to the driver: counted, its buffer back to the pool (the driver copied it). */
  private sent(f: Uint8Array): void {
    this.counters.framesOut += 1;
    this.counters.bytesOut += f.length;
    this.pool.give(f);
  }

  private route(buf: Uint8Array, dst: Ipv4Addr, loose: boolean): void {
    const now = this.sim.now;
    const mac = this.arp.lookup(dst, now);
    if (mac !== undefined) {
      writeU48(buf, 0, mac);
      this.xq.add(buf, loose);
      if (this.arp.refreshNeeded.length > 0) this.refreshStale();
      return;
    }
    if (this.arp.enqueue(dst, buf, now)) this.sendArp(1, dst, 0, MAC_BROADCAST);
    this.armArpTimer();
  }

  /** Stale neighbours in use: ask them (unicast, RFC 1122 2.3.2.1) to confirm their address. */
  private refreshStale(): void {
    for (const r of this.arp.refreshNeeded) this.sendArp(1, r.ip, 0, r.mac);
    this.arp.refreshNeeded.length = 0;
    this.armArpTimer();
  }

  private flush(ip: Ipv4Addr, frames: Uint8Array[]): void {
    const mac = this.arp.lookup(ip, this.sim.now);
    if (mac === undefined) return;
    for (const f of frames) {
      writeU48(f, 0, mac);
      this.xq.add(f, false);
    }
  }

  private sendArp(op: 1 | 2, targetIp: Ipv4Addr, targetMac: MacAddr, dstMac: MacAddr): void {
    const a = this.arpRepr;
    a.operation = op;
    a.senderMac = this.mac;
    a.senderIp = this.addr;
    a.targetMac = targetMac;
    a.targetIp = targetIp;
    this.eth.dst = dstMac;
    const buf = this.pool.take(60);
    const r = buildArpFrame(this.eth, a, buf);
    if (isWireError(r)) {
      this.counters.buildErrors += 1;
      this.pool.give(buf);
      return;
    }
    if (op === 1) this.counters.arpRequestsOut += 1;
    else this.counters.arpRepliesOut += 1;
    this.charge('arp');
    this.xq.add(buf, true);
  }

  private armArpTimer(): void {
    const t = this.arp.nextTimer();
    if (t === this.arpTimerAt) return;
    if (this.arpTimer >= 0) this.sim.cancel(this.arpTimer);
    this.arpTimerAt = t;
    this.arpTimer = t === Number.POSITIVE_INFINITY ? -1 : this.sim.schedule(Math.max(t, this.sim.now) as Nanos, this, KIND_ARP_TIMER);
  }
}
