// A fixed-capacity ring of samples for one run: a time and one value per channel,
// stored in one Float64Array so that high-rate data never touches React state.
//
// Contract: `push(t, values)` and `pushBatch(batch)` copy numbers in (no allocation
// once the ring exists); when full, the oldest sample is overwritten. `snapshot()`
// returns the samples in time order as fresh typed arrays (what a chart draws in one
// frame). `version` counts writes, so a reader redraws only when something changed.
import type { SampleBatch } from '../model-data';

export interface RingSnapshot {
  readonly t: Float64Array;
  /** cols[c][i]: channel c at sample i. */
  readonly cols: readonly Float64Array[];
}

export class SampleRing {
  private readonly data: Float64Array;
  private readonly stride: number;
  private head = 0;
  private count = 0;
  private writes = 0;

  constructor(readonly channels: number, readonly capacity = 4096) {
    this.stride = channels + 1;
    this.data = new Float64Array(this.stride * capacity);
  }

  get size(): number {
    return this.count;
  }

  get version(): number {
    return this.writes;
  }

  push(t: number, values: ArrayLike<number>): void {
    const o = this.head * this.stride;
    this.data[o] = t;
    for (let c = 0; c < this.channels; c++) this.data[o + 1 + c] = values[c] ?? Number.NaN;
    this.head = (this.head + 1) % this.capacity;
    this.count = Math.min(this.count + 1, this.capacity);
    this.writes += 1;
  }

  /** Appends a batch whose values are per channel (values[c][i]). */
  pushBatch(batch: SampleBatch): void {
    const n = batch.tNanos.length;
    for (let i = 0; i < n; i++) {
      const o = this.head * this.stride;
      this.data[o] = batch.tNanos[i] ?? Number.NaN;
      for (let c = 0; c < this.channels; c++) this.data[o + 1 + c] = batch.values[c]?.[i] ?? Number.NaN;
      this.head = (this.head + 1) % this.capacity;
      this.count = Math.min(this.count + 1, this.capacity);
    }
    if (n > 0) this.writes += 1;
  }

  clear(): void {
    this.head = 0;
    this.count = 0;
    this.writes += 1;
  }

  snapshot(): RingSnapshot {
    const n = this.count;
    const t = new Float64Array(n);
    const cols = Array.from({ length: this.channels }, () => new Float64Array(n));
    const start = (this.head - n + this.capacity) % this.capacity;
    for (let i = 0; i < n; i++) {
      const o = ((start + i) % this.capacity) * this.stride;
      t[i] = this.data[o]!;
      for (let c = 0; c < this.channels; c++) cols[c]![i] = this.data[o + 1 + c]!;
    }
    return { t, cols };
  }
}
