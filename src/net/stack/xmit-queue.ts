// The stack's transmit queue: the one place frames wait between the protocol
// code that built them and the driver below (Linux: the device's qdisc and the
// socket's backlog).
//
// Order: frames leave in the order they were built. Output builds a batch's
// frames when the protocol code runs and releases them when the batch's CPU job
// completes; jobs of different priorities (a woken send at Kernel, an ACK at
// SoftIrq) can complete out of build order. A later batch's frames then wait
// for the earlier batch's job, as in Linux a softirq that finds the socket
// owned by a process leaves its work in the backlog until release_sock: one
// flow's segments never overtake each other on their way to the wire.
//
// Backpressure: a driver whose transmit ring can fill implements TxFlowControl.
// While it reports txStopped (netif_stop_queue) paid-for frames wait here, in
// order; its onTxWake (netif_wake_queue, called when the hardware has completed
// descriptors) restarts the queue. A driver without flow control (a host's
// netdev, which has its own qdisc and ring) takes every frame at once. Nothing
// is dropped here: the queue holds at most what TCP's window and the UDP
// socket calls put in flight.
import type { Netif } from '../link';
import type { WakeTarget } from './output';

/** A driver with a bounded transmit ring (Linux netif_stop_queue / netif_wake_queue). */
export interface TxFlowControl {
  /** True while the ring is full: the stack must not hand it frames. */
  readonly txStopped: boolean;
  /** Installed by the stack; the driver calls it when it wakes its queue. */
  onTxWake: (() => void) | null;
}

export function isFlowControlled(n: Netif): n is Netif & TxFlowControl {
  return typeof (n as Partial<TxFlowControl>).txStopped === 'boolean' && 'onTxWake' in n;
}

/** A batch of work: the span of the line its frames took, and sockets to wake when its job completes. */
export class Batch {
  readonly wake: WakeTarget[] = [];
  /** Line positions [start, end) of the frames it built. */
  start = 0;
  end = 0;
  /** Next in Output's free list. */
  nextFree: Batch | null = null;
}

export interface XmitCounters {
  /** Frames waiting (built, not yet handed to the driver). */
  queued: number;
  /** Most frames ever waiting. */
  peakQueued: number;
  /** Sequence-space frames that waited for an earlier batch's job (would otherwise have overtaken it). */
  heldForOrder: number;
  /** Times the driver's stopped queue made a paid-for frame wait. */
  stoppedWaits: number;
}

const PAID = 1;
/** A frame whose order does not matter to the peer (a pure ACK, ARP): it may leave before earlier unpaid work. */
const LOOSE = 2;

export class XmitQueue {
  readonly counters: XmitCounters = { queued: 0, peakQueued: 0, heldForOrder: 0, stoppedWaits: 0 };
  // The line: every frame in build order, with its state; a hole (undefined) is
  // a loose frame that already left. Positions are absolute: `base` is the head's.
  private frames: (Uint8Array | undefined)[] = new Array<Uint8Array | undefined>(64).fill(undefined);
  private state = new Uint8Array(64);
  private head = 0;
  private len = 0;
  private base = 0;
  private target: Netif;
  private readonly wakeFn = (): void => this.pump();

  constructor(
    netif: Netif,
    /** Called with each frame after the driver's transmit took it (buffer recycling, counters). */
    private readonly sent: (frame: Uint8Array) => void,
  ) {
    this.target = netif;
    if (isFlowControlled(netif)) netif.onTxWake = this.wakeFn;
  }

  get netif(): Netif {
    return this.target;
  }

  /** Points the queue at another driver; waiting frames go there. */
  set netif(n: Netif) {
    if (isFlowControlled(this.target) && this.target.onTxWake === this.wakeFn) this.target.onTxWake = null;
    this.target = n;
    if (isFlowControlled(n)) n.onTxWake = this.wakeFn;
    this.pump();
  }

  /** Frames waiting (built, not yet handed to the driver). */
  get length(): number {
    return this.counters.queued;
  }

  /** The position the next frame built will take. */
  get tail(): number {
    return this.base + this.len;
  }

  /** A frame built by the open batch takes its place in line (unpaid until the batch's job completes). */
  add(f: Uint8Array, loose: boolean): void {
    if (this.len === this.frames.length) this.grow();
    const i = (this.head + this.len) % this.frames.length;
    this.frames[i] = f;
    this.state[i] = loose ? LOOSE : 0;
    this.len += 1;
    const c = this.counters;
    c.queued += 1;
    if (c.queued > c.peakQueued) c.peakQueued = c.queued;
  }

  /**
   * A batch's job completed: its frames are paid for. Paid frames at the head
   * go to the driver in order; if an earlier batch's job is still pending, the
   * batch's sequence-space frames wait behind it and only its loose ones leave.
   */
  completed(b: Batch): void {
    if (b.end <= b.start) return;
    const cap = this.frames.length;
    for (let p = Math.max(b.start, this.base); p < b.end; p++) {
      const i = (this.head + p - this.base) % cap;
      this.state[i] = this.state[i]! | PAID;
    }
    this.pump();
    if (b.start < this.base || (this.state[this.head]! & PAID) !== 0) return;
    // Held: an earlier job has not run. Its loose frames leave now; the rest wait.
    for (let p = b.start; p < b.end; p++) {
      const i = (this.head + p - this.base) % cap;
      const f = this.frames[i];
      if (f === undefined) continue;
      if ((this.state[i]! & LOOSE) === 0) this.counters.heldForOrder += 1;
      else if (this.open()) {
        this.frames[i] = undefined;
        this.send(f);
      }
    }
  }

  /** Hands paid frames at the head of the line to the driver while it takes them (also its wake-up). */
  pump(): void {
    while (this.len > 0 && (this.state[this.head]! & PAID) !== 0) {
      const f = this.frames[this.head];
      if (f !== undefined) {
        if (!this.open()) return;
        this.send(f);
      }
      this.frames[this.head] = undefined;
      this.head = this.head + 1 === this.frames.length ? 0 : this.head + 1;
      this.len -= 1;
      this.base += 1;
    }
  }

  /** The driver takes frames now; a stopped one is counted as a wait. */
  private open(): boolean {
    const n = this.target;
    if (!isFlowControlled(n) || !n.txStopped) return true;
    this.counters.stoppedWaits += 1;
    return false;
  }

  private send(f: Uint8Array): void {
    this.counters.queued -= 1;
    this.target.transmit(f);
    this.sent(f);
  }

  private grow(): void {
    const cap = this.frames.length;
    const frames = new Array<Uint8Array | undefined>(cap * 2).fill(undefined);
    const state = new Uint8Array(cap * 2);
    for (let k = 0; k < this.len; k++) {
      frames[k] = this.frames[(this.head + k) % cap];
      state[k] = this.state[(this.head + k) % cap]!;
    }
    this.frames = frames;
    this.state = state;
    this.head = 0;
  }
}
