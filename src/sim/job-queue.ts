// One FIFO of jobs waiting for a processor at one priority. Jobs and their
// per-category charges sit in two growable rings of typed arrays, so queueing a
// job allocates nothing once the rings have grown to the working size. Charges
// are copied in at push time: the caller may reuse its ChargeList at once.

import type { ChargeList } from './charge-list';
import type { EventHandler } from './event-handler';

export class JobQueue {
  // Job ring.
  private jCap = 16;
  private jHead = 0;
  private jLen = 0;
  private nCharges = new Uint8Array(this.jCap);
  private handler: (EventHandler | null)[] = new Array<EventHandler | null>(this.jCap).fill(null);
  private kind = new Int32Array(this.jCap);
  private arg = new Float64Array(this.jCap);
  private obj: unknown[] = new Array<unknown>(this.jCap).fill(undefined);
  // Charge ring: (category index, cycles) pairs, consumed in job order.
  private cCap = 64;
  private cHead = 0;
  private cLen = 0;
  private cCat = new Uint8Array(this.cCap);
  private cCyc = new Float64Array(this.cCap);

  get length(): number {
    return this.jLen;
  }

  /** Queue a job charging `charges` (or `cycles` of category index `single` when charges is null). */
  push(charges: ChargeList | null, single: number, cycles: number, done: EventHandler | null, kind: number, arg: number, obj: unknown): void {
    if (this.jLen === this.jCap) this.growJobs();
    const n = charges === null ? 1 : charges.length;
    while (this.cLen + n > this.cCap) this.growCharges();
    let ci = (this.cHead + this.cLen) % this.cCap;
    if (charges === null) {
      this.cCat[ci] = single;
      this.cCyc[ci] = cycles;
    } else {
      for (let k = 0; k < n; k++) {
        const idx = charges.used[k]!;
        this.cCat[ci] = idx;
        this.cCyc[ci] = charges.cycles[idx]!;
        ci = ci + 1 === this.cCap ? 0 : ci + 1;
      }
    }
    this.cLen += n;
    const j = (this.jHead + this.jLen) % this.jCap;
    this.nCharges[j] = n;
    this.handler[j] = done;
    this.kind[j] = kind;
    this.arg[j] = arg;
    this.obj[j] = obj;
    this.jLen++;
  }

  /**
   * Remove the oldest job: its charges are added into `byCategory` and their
   * total returned; its completion target is left in `out`.
   */
  shift(byCategory: Float64Array, out: JobTarget): number {
    const j = this.jHead;
    const n = this.nCharges[j]!;
    let total = 0;
    for (let k = 0; k < n; k++) {
      const ci = this.cHead;
      const idx = this.cCat[ci]!;
      const c = this.cCyc[ci]!;
      byCategory[idx] = byCategory[idx]! + c;
      total += c;
      this.cHead = ci + 1 === this.cCap ? 0 : ci + 1;
    }
    this.cLen -= n;
    out.handler = this.handler[j]!;
    out.kind = this.kind[j]!;
    out.arg = this.arg[j]!;
    out.obj = this.obj[j];
    this.handler[j] = null;
    this.obj[j] = undefined;
    this.jHead = j + 1 === this.jCap ? 0 : j + 1;
    this.jLen--;
    return total;
  }

  private growJobs(): void {
    const old = this.jCap;
    const cap = old * 2;
    const order = (i: number): number => (this.jHead + i) % old;
    const nC = new Uint8Array(cap);
    const h = new Array<EventHandler | null>(cap).fill(null);
    const k = new Int32Array(cap);
    const a = new Float64Array(cap);
    const o = new Array<unknown>(cap).fill(undefined);
    for (let i = 0; i < this.jLen; i++) {
      const j = order(i);
      nC[i] = this.nCharges[j]!;
      h[i] = this.handler[j]!;
      k[i] = this.kind[j]!;
      a[i] = this.arg[j]!;
      o[i] = this.obj[j];
    }
    this.nCharges = nC;
    this.handler = h;
    this.kind = k;
    this.arg = a;
    this.obj = o;
    this.jHead = 0;
    this.jCap = cap;
  }

  private growCharges(): void {
    const old = this.cCap;
    const cap = old * 2;
    const cat = new Uint8Array(cap);
    const cyc = new Float64Array(cap);
    for (let i = 0; i < this.cLen; i++) {
      const j = (this.cHead + i) % old;
      cat[i] = this.cCat[j]!;
      cyc[i] = this.cCyc[j]!;
    }
    this.cCat = cat;
    this.cCyc = cyc;
    this.cHead = 0;
    this.cCap = cap;
  }
}

/** Where a finished job reports: filled in by JobQueue.shift. */
export interface JobTarget {
  handler: EventHandler | null;
  kind: number;
  arg: number;
  obj: unknown;
}
