// The HDM (hardware device module): the card's MAC driver under the ISM. It
// is the ISM stack's network interface (transmit) and the machine's port on
// the wire (receive). The MAC sits on the card's local bus: frames never cross
// the host bus.
//
// Transmit: the HDM owns a ring of `txDescriptors` transmit descriptors
// (hdm-tx-ring.ts). A frame from the ISM takes one; per frame the HDM fills
// it and rings the MAC ('hdm') and the ISM frees the packet buffer of a
// descriptor the MAC has completed ('ism': the driver reclaims on transmit, so
// the free is paid in the same job). The MAC sends the posted frames in order
// at the line rate and the descriptor is free when its frame is on the wire.
// When the last descriptor is taken the HDM stops its queue (TxFlowControl,
// src/net/stack/xmit-queue.ts): the ISM's frames wait in the stack's transmit
// queue, in order, and nothing piles up on the IOP's run queue. While stopped
// the MAC's transmit-complete interrupt is enabled; once enough descriptors
// are free it interrupts the IOP ('rtos'), the handler wakes the queue and the
// stack hands down what waited.
//
// Both ring sizes are scenario parameters (inic.txDescriptors, inic.rxDescriptors;
// defaults and sources in ../config.ts HDM_RINGS) and change by restart.
//
// Receive: the MAC fills one of `rxDescriptors` buffers (none free: the frame
// is dropped and counted, as any NIC does), interrupts the IOP once per burst
// ('rtos'), and the HDM takes each frame ('hdm'), allocates the ISM's packet
// buffer ('ism') and hands it to the ISM stack, polling until the ring is
// empty before it re-enables the interrupt.
import { ChargeList, LAYER, Priority, TRACE_KIND, type EventHandler, type Nanos, type Processor, type Simulator, type TraceRing } from '../../../sim';
import { FramePool, NULL_SINK, type FrameSink, type Netif } from '../../../net/link';
import type { TxFlowControl } from '../../../net/stack';
import type { ResolvedIopCosts } from '../../costs';
import { HDM_RINGS } from '../config';
import type { OffloadCounters } from '../counters';
import { HdmTxRing } from './hdm-tx-ring';

const K_TX_DONE = 1;
/** Trace records of the wire and the MAC: no processor pays. */
const NO_PROCESSOR = 255;
const K_RX_IRQ = 2;
const K_RX_DONE = 3;
const K_TX_IRQ = 4;

/** Transmit descriptors on the card's MAC by default: the e1000 driver's 256 (config.ts HDM_RINGS says why). */
export const HDM_TX_DESCRIPTORS = HDM_RINGS.txDescriptors.value;
/** Receive descriptors on the card's MAC by default: the e1000 driver's 256 (config.ts HDM_RINGS). */
export const HDM_RX_DESCRIPTORS = HDM_RINGS.rxDescriptors.value;

export class Hdm implements Netif, TxFlowControl, FrameSink, EventHandler {
  /** Installed by the ISM stack's transmit queue: called when a stopped queue wakes. */
  onTxWake: (() => void) | null = null;
  /** Capture point 'driver' on the card: frames the HDM hands to the MAC ('tx') and takes from it ('rx'). */
  driverTap: ((dir: 'tx' | 'rx', t: Nanos, frame: Uint8Array) => void) | null = null;
  /** The ISM stack, which receives the frames. */
  stack: FrameSink = NULL_SINK;
  framesOut = 0;
  framesIn = 0;
  private readonly pool = new FramePool();
  private readonly rxRing: Uint8Array[] = [];
  private rxHead = 0;
  private rxActive = false;
  private readonly txCharges = new ChargeList();
  private readonly rxCharges = new ChargeList();

  /** The transmit descriptor ring and the MAC behind it. */
  readonly tx: HdmTxRing;
  private out: Netif = { transmit: () => undefined };

  constructor(
    private readonly iop: Processor,
    costs: ResolvedIopCosts,
    private readonly counters: OffloadCounters,
    /** Receive descriptors on the MAC (the scenario's inic.rxDescriptors). */
    readonly rxDescriptors = HDM_RX_DESCRIPTORS,
    /** Transmit descriptors on the MAC (the scenario's inic.txDescriptors). */
    txDescriptors = HDM_TX_DESCRIPTORS,
  ) {
    this.tx = new HdmTxRing(iop.simulator, txDescriptors);
    this.tx.onSend = (f) => this.toWire(f);
    this.tx.onDone = (f) => this.pool.give(f);
    this.tx.onWakeWanted = () => this.iop.submit(Priority.HardIrq, 'rtos', this.irqCycles, this, K_TX_IRQ);
    const o = costs.ops;
    this.txCharges.add(o.hdmTxPacket.category, o.hdmTxPacket.fixed);
    this.txCharges.add(o.ismBufferFree.category, o.ismBufferFree.fixed);
    this.rxCharges.add(o.hdmRxPacket.category, o.hdmRxPacket.fixed);
    this.rxCharges.add(o.ismBufferAlloc.category, o.ismBufferAlloc.fixed);
    this.irqCycles = o.iopInterrupt.fixed;
  }

  private readonly irqCycles: number;

  private get trace(): TraceRing {
    return this.iop.simulator.trace;
  }

  /** Where the MAC transmits (the wire), set by Machine.attach; its rate paces the MAC. */
  get wire(): Netif {
    return this.out;
  }

  set wire(n: Netif) {
    this.out = n;
    const rate = (n as Partial<{ rate: number }>).rate;
    this.tx.lineRate = typeof rate === 'number' && rate > 0 ? rate : 0;
  }

  /** The transmit ring is full (netif_stop_queue): the stack keeps its frames. */
  get txStopped(): boolean {
    return this.tx.stopped;
  }

  transmit(frame: Uint8Array): void {
    this.tx.take();
    const buf = this.pool.copyOf(frame);
    const tr = this.trace;
    // The segment's span stays with the card's copy; a frame that comes down without
    // one (ARP) starts its own journey here.
    if (tr.enabled) tr.tag(buf, tr.tagOf(frame) || tr.nextSpan());
    this.iop.submit(Priority.SoftIrq, this.txCharges, 0, this, K_TX_DONE, 0, buf);
  }

  receiveFrame(frame: Uint8Array): void {
    if (this.rxRing.length - this.rxHead >= this.rxDescriptors) {
      this.counters.macRxDrops += 1;
      return;
    }
    const buf = this.pool.copyOf(frame);
    const tr = this.trace;
    if (tr.enabled) {
      // A received frame gets its span at the wire (docs trace-convention).
      const span = tr.nextSpan();
      tr.tag(buf, span);
      tr.record(this.iop.simulator.now, span, LAYER.wire, LAYER.nic, TRACE_KIND.frame, frame.length, 0, NO_PROCESSOR);
    }
    this.rxRing.push(buf);
    if (this.rxActive) return;
    this.rxActive = true;
    this.counters.iopInterrupts += 1;
    this.iop.submit(Priority.HardIrq, 'rtos', this.irqCycles, this, K_RX_IRQ);
  }

  onEvent(kind: number, _arg: number, obj: unknown, sim: Simulator): void {
    if (kind === K_TX_DONE) {
      const f = obj as Uint8Array;
      this.framesOut += 1;
      if (this.driverTap !== null) this.driverTap('tx', sim.now, f);
      const tr = sim.trace;
      if (tr.enabled) tr.record(sim.now, tr.tagOf(f), LAYER.hdm, LAYER.nic, TRACE_KIND.frame, f.length, this.txCharges.total, this.iop.id);
      this.tx.post(f);
      return;
    }
    if (kind === K_TX_IRQ) {
      // The transmit-complete interrupt: wake the queue; the stack hands down what waited.
      this.counters.iopInterrupts += 1;
      this.tx.wake();
      if (this.onTxWake !== null) this.onTxWake();
      return;
    }
    if (kind === K_RX_DONE) {
      const f = this.rxRing[this.rxHead]!;
      this.rxRing[this.rxHead] = undefined as unknown as Uint8Array;
      this.rxHead += 1;
      this.framesIn += 1;
      if (this.driverTap !== null) this.driverTap('rx', sim.now, f);
      if (sim.trace.enabled) sim.trace.record(sim.now, sim.trace.tagOf(f), LAYER.nic, LAYER.hdm, TRACE_KIND.frame, f.length, this.rxCharges.total, this.iop.id);
      this.stack.receiveFrame(f);
      this.pool.give(f);
      if (this.rxHead === this.rxRing.length) {
        this.rxRing.length = 0;
        this.rxHead = 0;
      }
    }
    // After the interrupt or one frame: take the next frame, or re-enable the interrupt.
    if (this.rxHead < this.rxRing.length) this.iop.submit(Priority.SoftIrq, this.rxCharges, 0, this, K_RX_DONE);
    else this.rxActive = false;
  }

  /** The MAC puts a frame on the wire. */
  private toWire(f: Uint8Array): void {
    const tr = this.trace;
    if (tr.enabled) tr.record(this.iop.simulator.now, tr.tagOf(f), LAYER.nic, LAYER.wire, TRACE_KIND.frame, f.length, 0, NO_PROCESSOR);
    this.out.transmit(f);
  }
}
