// The card MAC's transmit side as the HDM sees it: a ring of `size` transmit
// descriptors and a MAC that sends the posted frames one after another at the
// line rate. A descriptor is taken when the HDM accepts a frame from the ISM
// and given back when the MAC has put the frame on the wire, so the ring holds
// what the IOP has prepared and the wire has not yet carried.
//
// Flow control, as a Linux driver does it (e1000: netif_stop_queue when the
// ring is full, netif_wake_queue from the transmit-clean interrupt once
// TX_WAKE_THRESHOLD descriptors are free): `stopped` turns on when the last
// descriptor is taken; the ISM's transmit queue (src/net/stack/xmit-queue.ts)
// then keeps its frames. The MAC's transmit-complete interrupt is wanted only
// while stopped: when `wakeThreshold` descriptors are free again the ring asks
// its owner to raise it (onWakeWanted), and the owner's interrupt handler
// calls wake().
//
// Frames stay in order: the ring is a FIFO and the MAC sends its head first.
import { bytesToNanos, type BitsPerSecond, type EventHandler, type Simulator } from '../../../sim';
import { wireBytes } from '../../../net/link';

const K_MAC_DONE = 1;

export interface HdmTxCounters {
  /** Times the ring filled and the queue stopped. */
  stops: number;
  /** Times a stopped queue was woken. */
  wakes: number;
  /** Most descriptors ever in use. */
  peakInUse: number;
  /** Frames accepted while stopped (a caller that ignored the stop; kept and sent, never dropped). */
  overruns: number;
}

export class HdmTxRing implements EventHandler {
  readonly counters: HdmTxCounters = { stops: 0, wakes: 0, peakInUse: 0, overruns: 0 };
  /** Descriptors taken (prepared or on the MAC, not yet sent). */
  inUse = 0;
  stopped = false;
  /** Line rate the MAC sends at (0: the wire paces itself and a frame is done when handed over). */
  lineRate = 0;
  /** Called when a frame goes onto the wire (the HDM's trace and the wire itself). */
  onSend: (f: Uint8Array) => void = () => undefined;
  /** Called when a frame's descriptor is free again (its buffer can be reused). */
  onDone: (f: Uint8Array) => void = () => undefined;
  /** Called once per stop when enough descriptors are free: the owner raises the interrupt and calls wake(). */
  onWakeWanted: () => void = () => undefined;
  private readonly fifo: Uint8Array[] = [];
  private fifoHead = 0;
  private macBusy = false;
  private wakeAsked = false;

  constructor(
    private readonly sim: Simulator,
    readonly size: number,
    /** Free descriptors at which a stopped queue is woken (e1000: TX_WAKE_THRESHOLD = 32). */
    readonly wakeThreshold = Math.max(1, Math.min(32, Math.floor(size / 2))),
  ) {}

  get free(): number {
    return this.size - this.inUse;
  }

  /** Takes a descriptor for a frame the HDM is about to prepare; stops the queue when the ring is full. */
  take(): void {
    if (this.stopped) this.counters.overruns += 1;
    this.inUse += 1;
    if (this.inUse > this.counters.peakInUse) this.counters.peakInUse = this.inUse;
    if (this.inUse >= this.size && !this.stopped) {
      this.stopped = true;
      this.counters.stops += 1;
    }
  }

  /** The HDM has written the descriptor and rung the MAC: the frame joins the MAC's FIFO. */
  post(f: Uint8Array): void {
    this.fifo.push(f);
    this.sendNext();
  }

  /** The owner's transmit-complete interrupt ran: the queue may take frames again. */
  wake(): void {
    this.wakeAsked = false;
    if (!this.stopped) return;
    this.stopped = false;
    this.counters.wakes += 1;
  }

  onEvent(kind: number, _arg: number, obj: unknown): void {
    if (kind !== K_MAC_DONE) return;
    this.macBusy = false;
    this.finish(obj as Uint8Array);
    this.sendNext();
  }

  private sendNext(): void {
    while (!this.macBusy && this.fifoHead < this.fifo.length) {
      const f = this.fifo[this.fifoHead]!;
      this.fifo[this.fifoHead] = undefined as unknown as Uint8Array;
      this.fifoHead += 1;
      if (this.fifoHead === this.fifo.length) {
        while (this.fifo.length > 0) this.fifo.pop(); // pop() stays inline; assigning length calls the runtime
        this.fifoHead = 0;
      }
      this.onSend(f);
      if (this.lineRate > 0) {
        this.macBusy = true;
        this.sim.after(bytesToNanos(wireBytes(f.length), this.lineRate as BitsPerSecond), this, K_MAC_DONE, 0, f);
        return;
      }
      this.finish(f);
    }
  }

  private finish(f: Uint8Array): void {
    this.inUse -= 1;
    this.onDone(f);
    if (this.stopped && !this.wakeAsked && this.free >= this.wakeThreshold) {
      this.wakeAsked = true;
      this.onWakeWanted();
    }
  }
}
