// One direction of an Ethernet link: a drop-tail transmit queue, serialisation
// at the line rate, then propagation delay. Frames are real bytes; delivery is
// by sim events whose handler is the wire itself (kind + buffer), so nothing is
// allocated per frame once the frame pool is warm.
//
// Serialisation counts what the medium really carries (IEEE 802.3 clause 4):
// 8 bytes of preamble and SFD, the frame padded to 60 bytes, a 4-byte FCS and a
// 12-byte inter-frame gap. A 1514-byte frame therefore occupies 1538 byte times.
// Frames longer than the MTU plus the 14-byte header are dropped and counted
// (the sender should have fragmented).
import type { BitsPerSecond, EventHandler, Nanos, Simulator } from '../../sim';
import { bytesToNanos } from '../../sim';
import { FramePool } from './frame-pool';
import type { FrameSink, Netif } from './frame-sink';
import { NULL_SINK } from './frame-sink';

export const ETH_HEADER_LEN = 14;
/** Preamble + SFD (8) + FCS (4) + inter-frame gap (12). */
export const ETH_WIRE_OVERHEAD = 24;
/** Minimum frame without FCS; shorter frames are padded on the medium. */
export const ETH_MIN_FRAME = 60;

/** Bytes the medium spends on a frame of `frameLen` bytes (header included, FCS excluded). */
export function wireBytes(frameLen: number): number {
  return Math.max(frameLen, ETH_MIN_FRAME) + ETH_WIRE_OVERHEAD;
}

export interface WireOptions {
  rate: BitsPerSecond;
  /** One-way propagation delay. */
  delay: Nanos;
  /** IP MTU in bytes (default 1500): the largest frame is mtu + 14. */
  mtu?: number;
  /** Drop-tail limit in frames waiting behind the one on the medium (default 1000, Linux txqueuelen). */
  queueFrames?: number;
  /** Optional limit in bytes waiting (default: none). */
  queueBytes?: number;
}

export interface WireCounters {
  framesSent: number;
  bytesSent: number;
  framesDelivered: number;
  droppedQueueFull: number;
  droppedOversize: number;
  /** Largest number of frames seen waiting. */
  peakQueue: number;
}

/** Observes every frame accepted for transmission (before faults), e.g. a pcapng writer. */
export interface FrameTap {
  onFrame(time: Nanos, frame: Uint8Array): void;
}

const TX_DONE = 1;
const ARRIVE = 2;

export class Wire implements Netif, EventHandler {
  readonly rate: BitsPerSecond;
  /** One-way propagation delay; setDelay changes it for frames not yet on their way. */
  get delay(): Nanos {
    return this.propagation;
  }
  private propagation: Nanos;
  /** Arrival time of the last frame sent: a frame never arrives before one sent ahead of it. */
  private lastArrival = 0;
  readonly mtu: number;
  readonly queueFrames: number;
  readonly queueBytes: number;
  readonly counters: WireCounters = {
    framesSent: 0, bytesSent: 0, framesDelivered: 0, droppedQueueFull: 0, droppedOversize: 0, peakQueue: 0,
  };
  sink: FrameSink = NULL_SINK;
  tap: FrameTap | null = null;

  private readonly pool = new FramePool();
  // Ring buffer of waiting frames.
  private ring: (Uint8Array | null)[];
  private head = 0;
  private count = 0;
  private queuedBytes = 0;
  private busy = false;

  constructor(private readonly sim: Simulator, opts: WireOptions) {
    this.rate = opts.rate;
    this.propagation = opts.delay;
    this.mtu = opts.mtu ?? 1500;
    this.queueFrames = Math.max(0, opts.queueFrames ?? 1000);
    this.queueBytes = opts.queueBytes ?? Number.POSITIVE_INFINITY;
    this.ring = new Array<Uint8Array | null>(Math.max(1, Math.min(this.queueFrames, 64))).fill(null);
  }

  /**
   * Sets the propagation delay from now on: frames already propagating keep
   * their arrival time, frames that finish serialising later take the new one
   * (and never overtake an earlier frame).
   */
  setDelay(delay: Nanos): void {
    this.propagation = delay;
  }

  /** Frames waiting behind the one being serialised. */
  get queueLength(): number {
    return this.count;
  }

  /** Frame bytes allocated by this wire's pool (steady state: constant). */
  get poolAllocated(): number {
    return this.pool.allocated;
  }

  transmit(frame: Uint8Array): void {
    if (frame.length > this.mtu + ETH_HEADER_LEN) {
      this.counters.droppedOversize += 1;
      return;
    }
    if (this.busy && (this.count >= this.queueFrames || this.queuedBytes + frame.length > this.queueBytes)) {
      this.counters.droppedQueueFull += 1;
      return;
    }
    if (this.tap !== null) this.tap.onFrame(this.sim.now, frame);
    const buf = this.pool.copyOf(frame);
    if (!this.busy) {
      this.startSending(buf);
      return;
    }
    this.enqueue(buf);
  }

  onEvent(kind: number, _arg: number, obj: unknown): void {
    const buf = obj as Uint8Array;
    if (kind === TX_DONE) {
      // With a fixed delay arrivals are in order by construction; after a shorter
      // delay is set, a frame waits for the one ahead of it (a wire is FIFO).
      const at = Math.max(this.sim.now + this.propagation, this.lastArrival);
      this.lastArrival = at;
      this.sim.schedule(at as Nanos, this, ARRIVE, 0, buf);
      const next = this.dequeue();
      if (next === null) this.busy = false;
      else this.startSending(next);
      return;
    }
    this.counters.framesDelivered += 1;
    this.sink.receiveFrame(buf);
    this.pool.give(buf);
  }

  private startSending(buf: Uint8Array): void {
    this.busy = true;
    this.counters.framesSent += 1;
    this.counters.bytesSent += buf.length;
    this.sim.after(bytesToNanos(wireBytes(buf.length), this.rate), this, TX_DONE, 0, buf);
  }

  private enqueue(buf: Uint8Array): void {
    if (this.count === this.ring.length) this.grow();
    this.ring[(this.head + this.count) % this.ring.length] = buf;
    this.count += 1;
    this.queuedBytes += buf.length;
    if (this.count > this.counters.peakQueue) this.counters.peakQueue = this.count;
  }

  private dequeue(): Uint8Array | null {
    if (this.count === 0) return null;
    const buf = this.ring[this.head]!;
    this.ring[this.head] = null;
    this.head = (this.head + 1) % this.ring.length;
    this.count -= 1;
    this.queuedBytes -= buf.length;
    return buf;
  }

  private grow(): void {
    const bigger = new Array<Uint8Array | null>(this.ring.length * 2).fill(null);
    for (let i = 0; i < this.count; i++) bigger[i] = this.ring[(this.head + i) % this.ring.length]!;
    this.ring = bigger;
    this.head = 0;
  }
}
