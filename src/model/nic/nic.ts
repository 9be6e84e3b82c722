// The NIC of the `native` and `stateless` configurations (DESIGN.md 1.2,
// layer `nic`): descriptor rings in host memory, DMA over the host bus in both
// directions, a MAC that serialises at line rate, interrupt moderation, and
// the stateless offloads a plain gigabit NIC of the era or a modern one has:
// TSO (cut super-frames into MSS-sized frames after the DMA read) and LRO
// (merge in-order segments of a flow before the DMA write). Checksum offload
// needs nothing here: the stack writes valid checksums into the bytes either
// way and only stops charging cycles for them (see src/net/stack costs).
//
// Transmit: the driver posts a frame on the tx ring (post); the NIC DMA-reads
// one descriptor at a time while its transmit FIFO has room, marks the
// descriptor done (a transmit cause for the interrupt), and the MAC sends the
// FIFO's frames one after another at line rate, so the wire's own queue stays
// empty and backpressure stays in the ring and the qdisc, as on real hardware.
//
// Receive: a frame from the wire needs a posted receive descriptor or is
// dropped and counted (rxRingDrops); it is DMA-written to host memory and
// queued as done for the driver's poll. With LRO, in-order segments of a flow
// are held and merged on the card; an aggregate is written when it is full, when
// a segment that cannot join it arrives, or when the interrupt fires (as
// hardware RSC closes its contexts on the interrupt throttle timer), so LRO
// aggregates only as much as interrupt moderation lets arrive between
// interrupts: with moderation off it merges nothing. Interrupt causes are counted when
// frames arrive; the interrupt is asserted when the moderation rule says so
// and the receive DMAs before it have completed. While the host polls (NAPI)
// the interrupt is masked; unmask() re-arms it for whatever is outstanding.
//
// Contract: frames handed to receiveFrame are read during the call only;
// frames posted for transmit stay the host's until takeTxDone hands them back;
// frames the host takes from takeRxDone go back through releaseRx.
import {
  LAYER, TRACE_KIND, bytesToNanos, type BitsPerSecond, type EventHandler, type EventId, type Nanos, type Simulator,
} from '../../sim';
import { FramePool, wireBytes, type FrameSink, type Netif } from '../../net/link';
import { BUS_TO_DEVICE, BUS_TO_HOST, type Bus } from '../bus';
import { LINUX_CONSTANTS } from '../costs';
import { TcpAggregator } from './aggregator';
import { FrameQueue } from './frame-queue';
import { InterruptModerator, type Coalescing } from './moderation';
import { segmentTcpFrame } from './tcp-frame';

export interface NicOptions {
  /** Descriptors in the transmit and receive rings (default 256 each, e1000). */
  readonly txRing?: number;
  readonly rxRing?: number;
  /** TCP segmentation offload: the NIC cuts super-frames into MTU-sized frames. */
  readonly tso?: boolean;
  /** Large receive offload: the NIC merges in-order segments of a flow before the DMA. */
  readonly lro?: boolean;
  /** Interrupt moderation (default off: one interrupt per received frame). */
  readonly coalescing?: Coalescing;
  /** MAC speed; default the attached netif's `rate` if it has one, else no pacing. */
  readonly lineRate?: BitsPerSecond;
  /** Transmit FIFO on the card: the NIC fetches descriptors while fewer bytes wait (default 64 KB). */
  readonly txFifoBytes?: number;
  /** Largest LRO aggregate, IP bytes (default 65,535: GRO/LRO maximum). */
  readonly lroMaxBytes?: number;
}

/** What the NIC needs from its host: the interrupt line. */
export interface InterruptLine {
  interrupt(): void;
}

export interface NicCounters {
  framesIn: number;
  framesOut: number;
  rxRingDrops: number;
  /** Frames (or aggregates) DMA-written to the host and frames DMA-read from it. */
  rxDmas: number;
  txDmas: number;
  interrupts: number;
  /** Frames produced by TSO from super-frames, and LRO merges. */
  tsoFrames: number;
  lroMerged: number;
  /** Frames the NIC could not transmit (a super-frame it cannot cut). */
  txErrors: number;
}

/** Trace records of the card name no processor. */
const NO_CPU = 255;

const KIND_RX_DMA = 1;
const KIND_TX_DMA = 2;
const KIND_MAC_DONE = 3;
const KIND_IRQ_TIMER = 4;
const KIND_ASSERT = 5;

export class Nic implements FrameSink, EventHandler {
  readonly counters: NicCounters = {
    framesIn: 0, framesOut: 0, rxRingDrops: 0, rxDmas: 0, txDmas: 0, interrupts: 0, tsoFrames: 0, lroMerged: 0, txErrors: 0,
  };
  readonly txRingSize: number;
  readonly rxRingSize: number;
  readonly tso: boolean;
  readonly lro: boolean;
  readonly moderator: InterruptModerator;
  netif: Netif | null = null;
  line: InterruptLine | null = null;
  /** Capture point 'driver': frames the driver posts ('tx') and takes ('rx'); null: off. */
  driverTap: ((dir: 'tx' | 'rx', t: Nanos, frame: Uint8Array) => void) | null = null;
  lineRate: number;
  /** Host memory buffers the receive DMAs write into (skb data). */
  readonly rxPool = new FramePool();
  private readonly cardPool = new FramePool();
  private readonly txFifoBytes: number;
  private readonly aggregator: TcpAggregator | null;
  private readonly scratch: Uint8Array[] = [];
  // receive ring
  private rxPosted: number;
  private rxInflight = 0;
  private rxDmaDoneAt = 0;
  private readonly rxDone = new FrameQueue();
  // transmit ring
  private readonly txPosted = new FrameQueue();
  private readonly txDone = new FrameQueue();
  private readonly fifo = new FrameQueue();
  /** Span of the last interrupt asserted (the driver's cause-register read carries it); trace only. */
  irqSpan = 0;
  private fetching = false;
  private macBusy = false;
  // interrupt
  private masked = false;
  private asserting = false;
  private timer: EventId = -1;
  private timerAt = -1;

  constructor(private readonly sim: Simulator, private readonly bus: Bus | null, readonly mtu: number, o: NicOptions = {}) {
    this.txRingSize = o.txRing ?? LINUX_CONSTANTS.txRingDescriptors.value;
    this.rxRingSize = o.rxRing ?? LINUX_CONSTANTS.rxRingDescriptors.value;
    this.rxPosted = this.rxRingSize;
    this.tso = o.tso ?? false;
    this.lro = o.lro ?? false;
    this.moderator = new InterruptModerator(o.coalescing ?? { mode: 'off' });
    this.lineRate = o.lineRate ?? 0;
    this.txFifoBytes = o.txFifoBytes ?? 65536;
    this.aggregator = this.lro ? new TcpAggregator(this.rxPool, o.lroMaxBytes ?? LINUX_CONSTANTS.groMaxBytes.value - 1, 8, sim.trace) : null;
  }

  /** Connects the MAC to the wire; its rate paces transmission unless lineRate was given. */
  attach(netif: Netif): void {
    this.netif = netif;
    const rate = (netif as Partial<{ rate: number }>).rate;
    if (this.lineRate === 0 && typeof rate === 'number' && rate > 0) this.lineRate = rate;
  }

  // ------------------------------------------------------------ receive

  receiveFrame(frame: Uint8Array): void {
    this.counters.framesIn++;
    const now = this.sim.now;
    const tr = this.sim.trace;
    // A received frame gets its span at the wire; the buffers that carry it on keep it.
    let span = 0;
    if (tr.enabled) {
      span = tr.nextSpan();
      tr.tag(frame, span);
      tr.record(now, span, LAYER.wire, LAYER.nic, TRACE_KIND.frame, frame.length, 0, NO_CPU);
    }
    const agg = this.aggregator;
    if (agg !== null) {
      const out = this.scratch;
      const held = agg.offer(frame, out);
      for (let i = 0; i < out.length; i++) this.dmaToHost(out[i]!);
      out.length = 0;
      if (held) {
        this.counters.lroMerged = agg.counters.merged;
        this.cause(true, now, frame.length);
        return;
      }
    }
    if (this.rxPosted === 0) {
      this.dropped(frame.length, span);
      return;
    }
    const copy = this.rxPool.copyOf(frame);
    if (tr.enabled) tr.tag(copy, span);
    this.dmaToHost(copy);
    this.cause(true, now, frame.length);
  }

  /** Receive descriptors free for the NIC. */
  get rxFree(): number {
    return this.rxPosted;
  }

  /** Frames written to host memory and not yet taken by the driver. */
  get rxReady(): number {
    return this.rxDone.length;
  }

  /** The oldest received frame (the driver now owns it), or null. */
  takeRxDone(): Uint8Array | null {
    const f = this.rxDone.shift();
    if (this.driverTap !== null && f !== null) this.driverTap('rx', this.sim.now, f);
    return f;
  }

  /** The driver gives a buffer back and posts a fresh descriptor (refill). */
  releaseRx(buf: Uint8Array): void {
    this.rxPool.give(buf);
  }

  /** The driver posts `n` receive descriptors again (after its refill allocations). */
  refill(n: number): void {
    this.rxPosted = Math.min(this.rxRingSize - this.rxInflight - this.rxDone.length, this.rxPosted + n);
  }

  /** A frame lost for want of a receive descriptor: its journey ends here. */
  private dropped(bytes: number, span: number): void {
    this.counters.rxRingDrops++;
    const tr = this.sim.trace;
    if (tr.enabled) tr.record(this.sim.now, span, LAYER.nic, LAYER.nic, TRACE_KIND.drop, bytes, 0, NO_CPU);
  }

  private dmaToHost(buf: Uint8Array): void {
    if (this.rxPosted === 0) {
      this.dropped(buf.length, this.sim.trace.tagOf(buf));
      this.rxPool.give(buf);
      return;
    }
    this.rxPosted--;
    this.rxInflight++;
    this.counters.rxDmas++;
    let end: number = this.sim.now;
    if (this.bus !== null) end = this.bus.dma(BUS_TO_HOST, buf.length, this, KIND_RX_DMA, 0, buf);
    else this.sim.schedule(this.sim.now, this, KIND_RX_DMA, 0, buf);
    if (end > this.rxDmaDoneAt) this.rxDmaDoneAt = end;
    // Trace: the write enters the bus now (nic > pci) and lands in host memory when
    // the bus has carried it (pci > netdev, in onEvent); with no bus it is one hop.
    const tr = this.sim.trace;
    if (tr.enabled) tr.record(this.sim.now, tr.tagOf(buf), LAYER.nic, this.bus !== null ? LAYER.pci : LAYER.netdev, TRACE_KIND.dma, buf.length, 0, NO_CPU);
  }

  // ------------------------------------------------------------ transmit

  /** Descriptors the driver may still fill. */
  get txFree(): number {
    return this.txRingSize - this.txPosted.length - this.txDone.length - (this.fetching ? 1 : 0);
  }

  /** Descriptors done (fetched) and not yet cleaned by the driver. */
  get txDoneCount(): number {
    return this.txDone.length;
  }

  /** The driver posts one frame (or TSO super-frame) on the ring; the doorbell is the caller's. */
  post(frame: Uint8Array): void {
    if (this.driverTap !== null) this.driverTap('tx', this.sim.now, frame);
    this.txPosted.push(frame);
    this.fetch();
  }

  /** The oldest done descriptor's frame, back to the driver (tx clean), or null. */
  takeTxDone(): Uint8Array | null {
    return this.txDone.shift();
  }

  private fetch(): void {
    if (this.fetching || this.txPosted.length === 0 || this.fifo.bytes >= this.txFifoBytes) return;
    const f = this.txPosted.shift()!;
    this.fetching = true;
    this.counters.txDmas++;
    if (this.bus !== null) this.bus.dma(BUS_TO_DEVICE, f.length, this, KIND_TX_DMA, 0, f);
    else this.sim.schedule(this.sim.now, this, KIND_TX_DMA, 0, f);
    // Trace: the NIC's read of the descriptor and its buffer leaves host memory now
    // (netdev > pci) and reaches the card when the bus has carried it (pci > nic, in
    // fetched()). The model moves descriptor and data as one bus transfer.
    const tr = this.sim.trace;
    if (tr.enabled) tr.record(this.sim.now, tr.tagOf(f), LAYER.netdev, this.bus !== null ? LAYER.pci : LAYER.nic, TRACE_KIND.dma, f.length, 0, NO_CPU);
  }

  private fetched(f: Uint8Array): void {
    this.fetching = false;
    const tr = this.sim.trace;
    if (tr.enabled && this.bus !== null) tr.record(this.sim.now, tr.tagOf(f), LAYER.pci, LAYER.nic, TRACE_KIND.dma, f.length, 0, NO_CPU);
    if (f.length > this.mtu + 14) {
      const n = this.tso ? segmentTcpFrame(f, this.mtu, this.cardPool, this.scratch) : 0;
      if (n === 0) this.counters.txErrors++;
      this.counters.tsoFrames += n;
      // TSO segments and the card's copies carry the span of the frame the driver posted.
      if (tr.enabled) for (let i = 0; i < this.scratch.length; i++) tr.tag(this.scratch[i]!, tr.tagOf(f));
      for (let i = 0; i < this.scratch.length; i++) this.fifo.push(this.scratch[i]!);
      this.scratch.length = 0;
    } else {
      const copy = this.cardPool.copyOf(f);
      if (tr.enabled) tr.tag(copy, tr.tagOf(f));
      this.fifo.push(copy);
    }
    this.txDone.push(f);
    this.cause(false, this.sim.now, 0);
    this.sendNext();
    this.fetch();
  }

  private sendNext(): void {
    while (!this.macBusy) {
      const f = this.fifo.peek();
      if (f === null) return;
      this.counters.framesOut++;
      const tr = this.sim.trace;
      if (tr.enabled) tr.record(this.sim.now, tr.tagOf(f), LAYER.nic, LAYER.wire, TRACE_KIND.frame, f.length, 0, NO_CPU);
      this.netif?.transmit(f);
      if (this.lineRate > 0) {
        this.macBusy = true;
        this.sim.after(bytesToNanos(wireBytes(f.length), this.lineRate as BitsPerSecond), this, KIND_MAC_DONE, 0, f);
        return;
      }
      this.fifo.shift();
      this.cardPool.give(f);
    }
  }

  // ------------------------------------------------------------ interrupt

  /** The driver masks the interrupt (its handler ran; NAPI polls now). */
  mask(): void {
    this.masked = true;
  }

  /** NAPI completed: the interrupt is re-enabled and re-armed for outstanding work. */
  unmask(): void {
    this.masked = false;
    const m = this.moderator;
    const now = this.sim.now;
    m.rxPending = 0;
    m.txPending = 0;
    const rx = this.rxDone.length + this.rxInflight + (this.aggregator?.heldSegments ?? 0);
    for (let i = 0; i < rx; i++) m.rx(now, 0);
    for (let i = 0; i < this.txDone.length; i++) m.tx(now);
    this.arm();
  }

  private cause(rx: boolean, now: number, bytes: number): void {
    const m = this.moderator;
    m.bytesSinceIrq += bytes;
    if (this.masked || this.asserting) return;
    if (rx) {
      m.rx(now, 0);
    } else {
      m.tx(now);
    }
    this.arm();
  }

  private arm(): void {
    if (this.masked || this.asserting) return;
    const now = this.sim.now;
    const t = this.moderator.dueAt(now);
    if (t === this.timerAt) return;
    if (this.timer >= 0) this.sim.cancel(this.timer);
    this.timer = -1;
    this.timerAt = -1;
    if (t < 0) return;
    if (t <= now) {
      this.fire();
      return;
    }
    this.timerAt = t;
    this.timer = this.sim.schedule(t as Nanos, this, KIND_IRQ_TIMER);
  }

  private fire(): void {
    const now = this.sim.now;
    if (this.timer >= 0) this.sim.cancel(this.timer);
    this.timer = -1;
    this.timerAt = -1;
    this.moderator.fired(now);
    this.asserting = true;
    const agg = this.aggregator;
    if (agg !== null && agg.hasOpen) {
      agg.flushAll(this.scratch);
      for (let i = 0; i < this.scratch.length; i++) this.dmaToHost(this.scratch[i]!);
      this.scratch.length = 0;
    }
    // The cause register is set once the frames are in host memory: wait for the DMAs.
    this.sim.schedule(Math.max(now, this.rxDmaDoneAt) as Nanos, this, KIND_ASSERT);
  }

  onEvent(kind: number, _arg: number, obj: unknown): void {
    switch (kind) {
      case KIND_RX_DMA: {
        this.rxInflight--;
        const buf = obj as Uint8Array;
        const tr = this.sim.trace;
        if (tr.enabled && this.bus !== null) tr.record(this.sim.now, tr.tagOf(buf), LAYER.pci, LAYER.netdev, TRACE_KIND.dma, buf.length, 0, NO_CPU);
        this.rxDone.push(buf);
        return;
      }
      case KIND_TX_DMA:
        this.fetched(obj as Uint8Array);
        return;
      case KIND_MAC_DONE: {
        this.macBusy = false;
        this.cardPool.give(this.fifo.shift()!);
        this.sendNext();
        this.fetch();
        return;
      }
      case KIND_IRQ_TIMER:
        this.timer = -1;
        this.timerAt = -1;
        if (!this.masked && !this.asserting) this.fire();
        return;
      case KIND_ASSERT:
        this.asserting = false;
        this.masked = true;
        this.counters.interrupts++;
        if (this.sim.trace.enabled) {
          // The interrupt is the card's own work (its causes may be receive or transmit):
          // a journey of its own, crossing the bus to the host (a message on PCI-X/PCIe,
          // a pin on PCI), continued by the driver's read of the cause register (napi.ts).
          const tr = this.sim.trace;
          const span = this.irqSpan = tr.nextSpan();
          if (this.bus !== null) {
            tr.record(this.sim.now, span, LAYER.nic, LAYER.pci, TRACE_KIND.irq, 0, 0, NO_CPU);
            tr.record(this.sim.now, span, LAYER.pci, LAYER.netdev, TRACE_KIND.irq, 0, 0, NO_CPU);
          } else {
            tr.record(this.sim.now, span, LAYER.nic, LAYER.netdev, TRACE_KIND.irq, 0, 0, NO_CPU);
          }
        }
        this.line?.interrupt();
        return;
      default:
        return;
    }
  }
}
