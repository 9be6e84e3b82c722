// A bounded FIFO of 32-bit message frame addresses, as the messaging unit's
// free and post lists hold them: a circular buffer of fixed capacity over a
// Uint32Array, allocation-free after construction. Reading an empty FIFO gives
// I2O_QUEUE_EMPTY (0xFFFFFFFF), which is what a hardware queue port reads.
import { I2O_QUEUE_EMPTY } from './constants';

export class MfaFifo {
  private readonly slots: Uint32Array;
  private head = 0;
  private count = 0;
  private highWater = 0;

  constructor(readonly capacity: number) {
    this.slots = new Uint32Array(Math.max(1, Math.floor(capacity)));
  }

  get length(): number {
    return this.count;
  }

  /** The most entries the FIFO has held at once. */
  get highWaterMark(): number {
    return this.highWater;
  }

  isFull(): boolean {
    return this.count >= this.capacity;
  }

  /** Appends `mfa`; false (and no change) when full. */
  push(mfa: number): boolean {
    if (this.count >= this.capacity) return false;
    this.slots[(this.head + this.count) % this.slots.length] = mfa;
    this.count += 1;
    if (this.count > this.highWater) this.highWater = this.count;
    return true;
  }

  /** Removes and returns the oldest MFA, or I2O_QUEUE_EMPTY. */
  shift(): number {
    if (this.count === 0) return I2O_QUEUE_EMPTY;
    const mfa = this.slots[this.head]!;
    this.head = (this.head + 1) % this.slots.length;
    this.count -= 1;
    return mfa;
  }

  /** The oldest MFA without removing it, or I2O_QUEUE_EMPTY. */
  peek(): number {
    return this.count === 0 ? I2O_QUEUE_EMPTY : this.slots[this.head]!;
  }
}
