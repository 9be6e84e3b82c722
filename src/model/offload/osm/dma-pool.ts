// One of the socket OSM's two DMA pools (the article's memory management): a
// fixed number of fixed-size, DMA-capable buffers carved out of ONE block
// allocated when the pool is built. The four goals of the article's memory
// management hold by construction:
//   1. one copy between user memory and a pool buffer, and one DMA per buffer;
//   2. few interrupts: buffers go back in batches behind coalesced replies;
//   3. no virtual-to-physical mapping per transfer: a buffer's bus address is
//      fixed (base + index x size), so an SGL element is computed, not mapped;
//   4. no dynamic allocation at run time: take() and give() move indices on a
//      free stack; `runtimeAllocations` is 0 because no code path allocates.
//
// Backpressure: take() returns -1 when the pool is dry (or withheld by a
// fault window); the caller waits and is told by `onRefill` when buffers come
// back. Nothing is ever dropped for want of a buffer.
import type { EventHandler, Nanos, Simulator } from '../../../sim';
import { inWindow, type FaultWindow } from '../config';

const KIND_WINDOW_END = 1;

export class DmaPool implements EventHandler {
  /** The pool's memory: buffer i is bytes [i * bufferBytes, (i + 1) * bufferBytes). */
  readonly memory: Uint8Array;
  private readonly free: Int32Array;
  private nFree: number;
  /** Allocations made after construction: always 0 (the article's goal 4). */
  readonly runtimeAllocations = 0;
  /** take() calls that found no buffer. */
  dryTakes = 0;
  lowWater: number;
  /** Called when a fault window that withheld the buffers ends (the owner re-services its waiters). */
  onRefill: (() => void) | null = null;

  constructor(
    private readonly sim: Simulator,
    readonly name: 'tx' | 'rx',
    readonly base: number,
    readonly bufferBytes: number,
    readonly count: number,
    private readonly withheld: readonly FaultWindow[] = [],
  ) {
    if (!(bufferBytes >= 1 && count >= 1)) throw new RangeError(`DmaPool ${name}: needs at least one buffer of at least 1 byte`);
    this.memory = new Uint8Array(bufferBytes * count);
    this.free = new Int32Array(count);
    for (let i = 0; i < count; i++) this.free[i] = count - 1 - i;
    this.nFree = count;
    this.lowWater = count;
    for (const w of withheld) sim.schedule((w.atNs + w.forNs) as Nanos, this, KIND_WINDOW_END);
  }

  /** Buffers on the free list now (0 while a fault window withholds them). */
  get available(): number {
    return inWindow(this.sim.now, this.withheld) ? 0 : this.nFree;
  }

  get inUse(): number {
    return this.count - this.nFree;
  }

  /** A free buffer's index, or -1 when the pool is dry. */
  take(): number {
    if (this.nFree === 0 || inWindow(this.sim.now, this.withheld)) {
      this.dryTakes += 1;
      return -1;
    }
    const i = this.free[--this.nFree]!;
    if (this.nFree < this.lowWater) this.lowWater = this.nFree;
    return i;
  }

  give(index: number): void {
    this.free[this.nFree++] = index;
  }

  /** Bus address of buffer `index`. */
  address(index: number): number {
    return this.base + index * this.bufferBytes;
  }

  /** Buffer index of a bus address inside the pool, or -1. */
  indexOf(address: number): number {
    const off = address - this.base;
    if (off < 0 || off % this.bufferBytes !== 0) return -1;
    const i = off / this.bufferBytes;
    return i < this.count ? i : -1;
  }

  /** The bytes of buffer `index` (a view). */
  view(index: number, length = this.bufferBytes): Uint8Array {
    const at = index * this.bufferBytes;
    return this.memory.subarray(at, at + length);
  }

  onEvent(): void {
    if (this.nFree > 0 && this.onRefill !== null && !inWindow(this.sim.now, this.withheld)) this.onRefill();
  }
}
