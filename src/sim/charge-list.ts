// A reusable list of (category, cycles) charges for one job. A model fills it,
// hands it to Processor.submit (which copies it at once), and clears it for the
// next job: no allocation per job. Charges to the same category are summed.

import { CATEGORY_COUNT, categoryIndex, type Category } from './category';

export class ChargeList {
  /** Cycles per category index; zero where nothing was charged. */
  readonly cycles = new Float64Array(CATEGORY_COUNT);
  /** Category indices with a charge, in first-charged order. */
  readonly used = new Uint8Array(CATEGORY_COUNT);
  private nUsed = 0;
  private sum = 0;

  clear(): this {
    for (let i = 0; i < this.nUsed; i++) this.cycles[this.used[i]!] = 0;
    this.nUsed = 0;
    this.sum = 0;
    return this;
  }

  /** Add cycles (>= 0, finite) to a category. */
  add(category: Category, cycles: number): this {
    return this.addIndex(categoryIndex(category), cycles);
  }

  addIndex(index: number, cycles: number): this {
    if (!(cycles >= 0) || cycles === Infinity) {
      throw new RangeError(`ChargeList.add: cycles must be finite and >= 0, got ${cycles}`);
    }
    if (this.cycles[index] === 0 && !this.has(index)) this.used[this.nUsed++] = index;
    this.cycles[index] = this.cycles[index]! + cycles;
    this.sum += cycles;
    return this;
  }

  /** Number of categories charged. */
  get length(): number {
    return this.nUsed;
  }

  /** Total cycles over all categories. */
  get total(): number {
    return this.sum;
  }

  private has(index: number): boolean {
    for (let i = 0; i < this.nUsed; i++) if (this.used[i] === index) return true;
    return false;
  }
}
