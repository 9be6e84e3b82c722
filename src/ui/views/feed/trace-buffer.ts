// The page's copy of one configuration's trace (DESIGN.md 2.2): a bounded ring of
// typed-array columns filled from the worker's streams, outside React state.
//
// Contract: `append(cols)` adds records oldest first; when full the oldest are
// overwritten. `clear()` empties it. Per layer it keeps running sums of the records
// that crossed *into* the layer (count, bytes) and that left it (count), over every record
// appended since the last clear: these are the "tokens passed" figures. Each record's
// cycles are kept for the sequence view and the journey detail; the boxes' cycles come
// from the processors' accounting instead (arch/box-cycles.ts), because the model's
// producers do not put every charge on a crossing. With the same capacity as the
// worker's ring, a buffer refilled from a reset stream holds exactly what it held when
// it had been filled record by record up to the same point.
import { LAYERS } from '../../../sim';
import type { TraceColumns } from '../../../worker';

export const LAYER_COUNT = LAYERS.length;

export class TraceBuffer {
  readonly time: Float64Array;
  readonly span: Uint32Array;
  readonly from: Uint8Array;
  readonly to: Uint8Array;
  readonly kind: Uint8Array;
  readonly bytes: Uint32Array;
  readonly cycles: Float64Array;
  readonly processor: Uint8Array;
  readonly intoCount = new Float64Array(LAYER_COUNT);
  readonly intoBytes = new Float64Array(LAYER_COUNT);
  /** Records that left each layer (its `from`). */
  readonly outCount = new Float64Array(LAYER_COUNT);
  private head = 0;
  private len = 0;
  /** Records appended since the last clear (a version counter). */
  written = 0;

  constructor(readonly capacity = 65_536) {
    this.time = new Float64Array(capacity);
    this.span = new Uint32Array(capacity);
    this.from = new Uint8Array(capacity);
    this.to = new Uint8Array(capacity);
    this.kind = new Uint8Array(capacity);
    this.bytes = new Uint32Array(capacity);
    this.cycles = new Float64Array(capacity);
    this.processor = new Uint8Array(capacity);
  }

  get size(): number {
    return this.len;
  }

  /** Column index of the k-th oldest retained record. */
  indexOf(k: number): number {
    const i = this.head + k;
    return i >= this.capacity ? i - this.capacity : i;
  }

  clear(): void {
    this.head = 0;
    this.len = 0;
    this.written = 0;
    this.intoCount.fill(0);
    this.intoBytes.fill(0);
    this.outCount.fill(0);
  }

  append(c: TraceColumns): void {
    const n = c.time.length;
    for (let k = 0; k < n; k++) {
      let i: number;
      if (this.len < this.capacity) {
        i = this.indexOf(this.len);
        this.len++;
      } else {
        i = this.head;
        this.head = i + 1 === this.capacity ? 0 : i + 1;
      }
      const to = c.to[k]!;
      this.time[i] = c.time[k]!;
      this.span[i] = c.span[k]!;
      this.from[i] = c.from[k]!;
      this.to[i] = to;
      this.kind[i] = c.kind[k]!;
      this.bytes[i] = c.bytes[k]!;
      this.cycles[i] = c.cycles[k]!;
      this.processor[i] = c.processor[k]!;
      const from = c.from[k]!;
      if (from < LAYER_COUNT) this.outCount[from] = this.outCount[from]! + 1;
      if (to < LAYER_COUNT) {
        this.intoCount[to] = this.intoCount[to]! + 1;
        this.intoBytes[to] = this.intoBytes[to]! + c.bytes[k]!;
      }
    }
    this.written += n;
  }
}
