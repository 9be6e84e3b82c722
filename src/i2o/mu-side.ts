// One direction of the messaging unit: a pool of equal frames in one memory
// (IOP memory for inbound, host memory for outbound), its free list and its
// post list, and where each frame is. A frame moves
//   free -> producer (allocate) -> posted (post) -> consumer (take) -> free (release)
// and any other move is refused. Both lists have the pool's capacity, so a
// legal move never finds a list full.
import { I2O_QUEUE_EMPTY } from './constants';
import { i2oError, type I2oError } from './errors';
import { MfaFifo } from './mfa-fifo';

const FREE = 0;
const PRODUCER = 1;
const POSTED = 2;
const CONSUMER = 3;
const STATE_NAMES = ['free', 'held by the producer', 'posted', 'held by the consumer'];

export interface FrameSideCounters {
  readonly frames: number;
  /** Frames not on the free list (held or posted). */
  readonly inUse: number;
  readonly inUseHighWater: number;
  readonly posted: number;
  readonly postedHighWater: number;
  /** Messages posted since construction. */
  readonly messages: number;
  /** Allocation attempts (port reads) that found the free list empty. */
  readonly emptyAllocations: number;
  /** Take attempts (port reads) that found the post list empty. */
  readonly emptyTakes: number;
}

export class FrameSide {
  readonly memory: Uint8Array;
  private readonly free: MfaFifo;
  private readonly posted: MfaFifo;
  private readonly state: Uint8Array;
  private inUse = 0;
  private inUseHighWater = 0;
  private messages = 0;
  private emptyAllocations = 0;
  private emptyTakes = 0;

  constructor(
    readonly name: 'inbound' | 'outbound',
    readonly base: number,
    readonly frames: number,
    readonly frameBytes: number,
  ) {
    this.memory = new Uint8Array(frames * frameBytes);
    this.free = new MfaFifo(frames);
    this.posted = new MfaFifo(frames);
    this.state = new Uint8Array(frames);
    for (let i = 0; i < frames; i++) this.free.push(base + i * frameBytes);
  }

  /** The frame index of `mfa`, or -1 when this side never issued it. */
  indexOf(mfa: number): number {
    const off = mfa - this.base;
    if (!Number.isInteger(off) || off < 0 || off % this.frameBytes !== 0) return -1;
    const i = off / this.frameBytes;
    return i < this.frames ? i : -1;
  }

  allocate(): number {
    const mfa = this.free.shift();
    if (mfa === I2O_QUEUE_EMPTY) {
      this.emptyAllocations += 1;
      return mfa;
    }
    this.state[this.indexOf(mfa)] = PRODUCER;
    this.inUse += 1;
    if (this.inUse > this.inUseHighWater) this.inUseHighWater = this.inUse;
    return mfa;
  }

  write(mfa: number, bytes: Uint8Array): I2oError | null {
    const i = this.check(mfa, PRODUCER, 'write');
    if (typeof i !== 'number') return i;
    if (bytes.length > this.frameBytes) {
      return i2oError('too-large', `${this.name}.frame`, `${bytes.length} bytes do not fit a ${this.frameBytes}-byte frame`);
    }
    this.memory.set(bytes, i * this.frameBytes);
    return null;
  }

  post(mfa: number): I2oError | null {
    const i = this.check(mfa, PRODUCER, 'post');
    if (typeof i !== 'number') return i;
    if (!this.posted.push(mfa)) return i2oError('queue-full', `${this.name}.post`, 'post list full');
    this.state[i] = POSTED;
    this.messages += 1;
    return null;
  }

  take(): number {
    const mfa = this.posted.shift();
    if (mfa === I2O_QUEUE_EMPTY) {
      this.emptyTakes += 1;
      return mfa;
    }
    this.state[this.indexOf(mfa)] = CONSUMER;
    return mfa;
  }

  /** The frame's bytes, for the consumer to read (a view, not a copy). */
  view(mfa: number): Uint8Array | I2oError {
    const i = this.check(mfa, CONSUMER, 'read');
    if (typeof i !== 'number') return i;
    return this.memory.subarray(i * this.frameBytes, (i + 1) * this.frameBytes);
  }

  release(mfa: number): I2oError | null {
    const i = this.check(mfa, CONSUMER, 'release');
    if (typeof i !== 'number') return i;
    if (!this.free.push(mfa)) return i2oError('queue-full', `${this.name}.free`, 'free list full');
    this.state[i] = FREE;
    this.inUse -= 1;
    return null;
  }

  freeCount(): number {
    return this.free.length;
  }

  postedCount(): number {
    return this.posted.length;
  }

  counters(): FrameSideCounters {
    return {
      frames: this.frames,
      inUse: this.inUse,
      inUseHighWater: this.inUseHighWater,
      posted: this.posted.length,
      postedHighWater: this.posted.highWaterMark,
      messages: this.messages,
      emptyAllocations: this.emptyAllocations,
      emptyTakes: this.emptyTakes,
    };
  }

  private check(mfa: number, want: number, what: string): number | I2oError {
    const i = this.indexOf(mfa);
    if (i < 0) return i2oError('bad-mfa', `${this.name}.mfa`, `0x${(mfa >>> 0).toString(16)} is not a ${this.name} frame`);
    const s = this.state[i]!;
    if (s !== want) {
      return i2oError('bad-mfa', `${this.name}.mfa`, `cannot ${what} 0x${mfa.toString(16)}: it is ${STATE_NAMES[s]}, not ${STATE_NAMES[want]}`);
    }
    return i;
  }
}
