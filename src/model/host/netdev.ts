// The device layer's transmit side (DESIGN.md 1.2 `netdev`): the packets the
// INET stack hands down get an skb, a pfifo_fast-like qdisc bounded by
// txqueuelen (1000 packets; beyond it the packet is dropped and counted, as
// dev_queue_xmit does), and the driver's transmit routine, which fills a
// descriptor per packet, maps it for DMA and rings the NIC's doorbell with a
// posted MMIO write across the bus. With GSO (and no TSO) a super-packet from
// TCP is cut here in software into MSS-sized packets, each then going through
// the driver; with TSO it goes to the NIC whole.
//
// CPU: the work runs as one job per batch at Priority.SoftIrq: dev_queue_xmit
// runs with bottom halves disabled (rcu_read_lock_bh), and a stopped queue is
// restarted from the NET_TX softirq, so nothing at softirq level interrupts
// it. Per packet from the stack: skbAlloc + qdisc (+ inetSock if it carries
// data; + a software checksum when the stack was told the NIC computes it but
// only the receive side really does); per packet to the ring: driverTx +
// dmaDescriptorSetup + doorbellWrite (+ gsoSegment per GSO segment). The
// descriptors are handed to the NIC when that job completes.
//
// Transmit completion (cleanTx, called from the NAPI poll) returns the ring's
// done descriptors and frees their skbs; a qdisc backlog is then restarted.
import {
  ChargeList, LAYER, Priority, TRACE_KIND, type EventHandler, type Processor, type Simulator,
} from '../../sim';
import { FramePool, type Netif } from '../../net/link';
import type { Bus } from '../bus';
import { ETH_LEN, FrameQueue, segmentTcpFrame, tcpLayout, type Nic, type TcpLayout } from '../nic';
import { opCycles, type HostLayerCosts, type ResolvedOp } from './costs';

export interface NetdevOptions {
  mtu: number;
  /** Software segmentation of super-packets (ignored when the NIC does TSO). */
  gso: boolean;
  /** Charge the transmit checksum here (the stack was relieved of it for the receive side's sake). */
  softwareTxChecksum: boolean;
  /** qdisc limit in packets (Linux txqueuelen, default 1000). */
  txQueueLen?: number;
}

export interface NetdevCounters {
  packetsIn: number;
  qdiscDrops: number;
  oversizeDrops: number;
  gsoSegments: number;
  packetsToRing: number;
  doorbells: number;
  skbAllocs: number;
  txCleaned: number;
}

const KIND_RUN = 1;
const KIND_DONE = 2;

export class HostNetdev implements Netif, EventHandler {
  readonly counters: NetdevCounters = {
    packetsIn: 0, qdiscDrops: 0, oversizeDrops: 0, gsoSegments: 0, packetsToRing: 0, doorbells: 0, skbAllocs: 0, txCleaned: 0,
  };
  private readonly pool = new FramePool();
  private readonly qdisc = new FrameQueue();
  private readonly batch: Uint8Array[] = [];
  private readonly segs: Uint8Array[] = [];
  private readonly charges = new ChargeList();
  private readonly layout: TcpLayout = { tcp: 0, payload: 0, payloadLen: 0 };
  private readonly txQueueLen: number;
  private queuedSinceRun = 0;
  private dataSinceRun = 0;
  private checksumBytesSinceRun = 0;
  private checksumsSinceRun = 0;
  private scheduled = false;
  private running = false;

  constructor(
    private readonly sim: Simulator, private readonly cpu: Processor, private readonly nic: Nic,
    private readonly bus: Bus | null, private readonly costs: HostLayerCosts, private readonly checksum: ResolvedOp,
    private readonly o: NetdevOptions,
  ) {
    this.txQueueLen = o.txQueueLen ?? 1000;
  }

  /** Packets waiting in the qdisc. */
  get backlog(): number {
    return this.qdisc.length;
  }

  transmit(frame: Uint8Array): void {
    this.counters.packetsIn++;
    if (frame.length > this.o.mtu + ETH_LEN && !this.o.gso && !this.nic.tso) {
      this.counters.oversizeDrops++;
      return;
    }
    if (this.qdisc.length >= this.txQueueLen) {
      this.counters.qdiscDrops++;
      const tr = this.sim.trace;
      if (tr.enabled) tr.record(this.sim.now, tr.tagOf(frame), LAYER.netdev, LAYER.netdev, TRACE_KIND.drop, frame.length, 0, this.cpu.id);
      return;
    }
    const skb = this.pool.copyOf(frame);
    const tr = this.sim.trace;
    // The segment's span stays with its copy; a frame that comes down without one (ARP)
    // starts its own journey at the device layer.
    if (tr.enabled) tr.tag(skb, tr.tagOf(frame) || tr.nextSpan());
    this.qdisc.push(skb);
    this.counters.skbAllocs++;
    this.queuedSinceRun++;
    if (carriesData(frame, this.layout)) this.dataSinceRun++;
    if (this.o.softwareTxChecksum) {
      const n = checksummedBytes(frame, this.layout);
      if (n > 0) {
        this.checksumsSinceRun++;
        this.checksumBytesSinceRun += n;
      }
    }
    this.kick();
  }

  /** Reclaims the NIC's done descriptors (driver tx clean); returns how many. */
  cleanTx(max = Infinity): number {
    let n = 0;
    while (n < max) {
      const f = this.nic.takeTxDone();
      if (f === null) break;
      this.pool.give(f);
      n++;
    }
    this.counters.txCleaned += n;
    if (n > 0 && this.qdisc.length > 0) this.kick();
    return n;
  }

  /** Schedules a transmit run (once) for packets queued or a restarted queue. */
  kick(): void {
    if (this.scheduled || this.running) return;
    this.scheduled = true;
    this.sim.schedule(this.sim.now, this, KIND_RUN);
  }

  onEvent(kind: number): void {
    if (kind === KIND_RUN) {
      this.scheduled = false;
      this.run();
      return;
    }
    this.running = false;
    const b = this.batch;
    const tr = this.sim.trace;
    for (let i = 0; i < b.length; i++) {
      if (tr.enabled) {
        // The doorbell is a posted write across the bus (netdev > pci > nic); the NIC acts on it at once.
        const span = tr.tagOf(b[i]!);
        if (this.bus !== null) {
          tr.record(this.sim.now, span, LAYER.netdev, LAYER.pci, TRACE_KIND.doorbell, b[i]!.length, 0, this.cpu.id);
          tr.record(this.sim.now, span, LAYER.pci, LAYER.nic, TRACE_KIND.doorbell, b[i]!.length, 0, 255);
        } else {
          tr.record(this.sim.now, span, LAYER.netdev, LAYER.nic, TRACE_KIND.doorbell, b[i]!.length, 0, this.cpu.id);
        }
      }
      this.nic.post(b[i]!);
      // The doorbell: a posted write of the ring's tail register.
      if (this.bus !== null) this.bus.mmioWrite(4);
      this.counters.doorbells++;
    }
    while (b.length > 0) b.pop(); // pop() stays inline; assigning length calls the runtime
    if (this.qdisc.length > 0 || this.queuedSinceRun > 0) this.kick();
  }

  private run(): void {
    const c = this.charges.clear();
    const k = this.costs;
    const q = this.queuedSinceRun;
    add(c, k.skbAlloc, q);
    add(c, k.qdisc, q);
    add(c, k.inetSock, this.dataSinceRun);
    if (this.checksumsSinceRun > 0) {
      const sum = this.checksum;
      const cycles = sum.fixed * this.checksumsSinceRun + sum.perByte * this.checksumBytesSinceRun;
      if (cycles > 0) c.add(sum.category, cycles);
    }
    this.checksumsSinceRun = 0;
    this.queuedSinceRun = 0;
    this.dataSinceRun = 0;
    this.checksumBytesSinceRun = 0;
    let room = this.nic.txFree;
    for (;;) {
      const f = this.qdisc.peek();
      if (f === null) break;
      if (f.length > this.o.mtu + ETH_LEN && !this.nic.tso) {
        const need = this.segmentsOf(f);
        if (need > room) break;
        this.qdisc.shift();
        const n = segmentTcpFrame(f, this.o.mtu, this.pool, this.segs);
        this.pool.give(f);
        add(c, k.skbFree, 1);
        if (n === 0) {
          this.counters.oversizeDrops++;
          continue;
        }
        add(c, k.gsoSegment, n);
        this.counters.gsoSegments += n;
        this.counters.skbAllocs += n;
        const tr = this.sim.trace;
        if (tr.enabled) for (let i = 0; i < n; i++) tr.tag(this.segs[i]!, tr.tagOf(f)); // GSO: each segment keeps the span
        for (let i = 0; i < n; i++) this.batch.push(this.segs[i]!);
        while (this.segs.length > 0) this.segs.pop();
        room -= n;
        continue;
      }
      if (room < 1) break;
      this.qdisc.shift();
      this.batch.push(f);
      room--;
    }
    const sent = this.batch.length;
    this.counters.packetsToRing += sent;
    add(c, k.driverTx, sent);
    add(c, k.dmaDescriptorSetup, sent);
    add(c, k.doorbellWrite, sent);
    if (sent === 0 && c.total === 0) return;
    this.running = true;
    this.cpu.submit(Priority.SoftIrq, c, 0, this, KIND_DONE);
  }

  private segmentsOf(f: Uint8Array): number {
    const l = this.layout;
    if (!tcpLayout(f, l)) return 1;
    const mss = this.o.mtu - (l.payload - ETH_LEN);
    return mss > 0 ? Math.max(1, Math.ceil(l.payloadLen / mss)) : 1;
  }
}

function add(c: ChargeList, op: ResolvedOp, times: number): void {
  if (times <= 0) return;
  const cycles = opCycles(op) * times;
  if (cycles > 0) c.add(op.category, cycles);
}

/** TCP with payload, or any UDP datagram: the packets struct sock work is done for. */
function carriesData(f: Uint8Array, l: TcpLayout): boolean {
  if (tcpLayout(f, l)) return l.payloadLen > 0;
  return f.length > 23 && f[12] === 0x08 && f[13] === 0x00 && f[ETH_LEN + 9] === 17;
}

/** Bytes a transport checksum covers (TCP header + payload), 0 for what carries none. */
function checksummedBytes(f: Uint8Array, l: TcpLayout): number {
  if (tcpLayout(f, l)) return l.payload - l.tcp + l.payloadLen;
  return 0;
}
