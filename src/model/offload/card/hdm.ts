// The HDM (hardware device module): the card's MAC driver under the ISM. It
// is the ISM stack's network interface (transmit) and the machine's port on
// the wire (receive). The MAC sits on the card's local bus: frames never cross
// the host bus.
//
// Transmit: per frame the HDM hands a descriptor to the MAC ('hdm') and the
// ISM frees its packet buffer ('ism'); the frame leaves when that work is done.
// Receive: the MAC fills one of `rxDescriptors` buffers (none free: the frame
// is dropped and counted, as any NIC does), interrupts the IOP once per burst
// ('rtos'), and the HDM takes each frame ('hdm'), allocates the ISM's packet
// buffer ('ism') and hands it to the ISM stack, polling until the ring is
// empty before it re-enables the interrupt.
import { ChargeList, LAYER, Priority, TRACE_KIND, type EventHandler, type Nanos, type Processor, type Simulator, type TraceRing } from '../../../sim';
import { FramePool, NULL_SINK, type FrameSink, type Netif } from '../../../net/link';
import type { ResolvedIopCosts } from '../../costs';
import type { OffloadCounters } from '../counters';

const K_TX_DONE = 1;
/** Trace records of the wire and the MAC: no processor pays. */
const NO_PROCESSOR = 255;
const K_RX_IRQ = 2;
const K_RX_DONE = 3;

export class Hdm implements Netif, FrameSink, EventHandler {
  /** Where the MAC transmits (the wire), set by Machine.attach. */
  wire: Netif = { transmit: () => undefined };
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

  constructor(
    private readonly iop: Processor,
    costs: ResolvedIopCosts,
    private readonly counters: OffloadCounters,
    private readonly rxDescriptors = 256,
  ) {
    const o = costs.ops;
    this.txCharges.add(o.hdmTxPacket.category, o.hdmTxPacket.fixed);
    this.txCharges.add(o.ismBufferFree.category, o.ismBufferFree.fixed);
    this.rxCharges.add(o.hdmRxPacket.category, o.hdmRxPacket.fixed);
    this.rxCharges.add(o.ismBufferAlloc.category, o.ismBufferAlloc.fixed);
    this.rxIrqCycles = o.iopInterrupt.fixed;
  }

  private readonly rxIrqCycles: number;

  private get trace(): TraceRing {
    return this.iop.simulator.trace;
  }

  transmit(frame: Uint8Array): void {
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
    this.iop.submit(Priority.HardIrq, 'rtos', this.rxIrqCycles, this, K_RX_IRQ);
  }

  onEvent(kind: number, _arg: number, obj: unknown, sim: Simulator): void {
    if (kind === K_TX_DONE) {
      const f = obj as Uint8Array;
      this.framesOut += 1;
      if (this.driverTap !== null) this.driverTap('tx', sim.now, f);
      const tr = sim.trace;
      if (tr.enabled) {
        const span = tr.tagOf(f);
        tr.record(sim.now, span, LAYER.hdm, LAYER.nic, TRACE_KIND.frame, f.length, this.txCharges.total, this.iop.id);
        tr.record(sim.now, span, LAYER.nic, LAYER.wire, TRACE_KIND.frame, f.length, 0, NO_PROCESSOR);
      }
      this.wire.transmit(f);
      this.pool.give(f);
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
}
