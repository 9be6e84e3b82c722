// Cycle categories (DESIGN.md 1.4): every charged cycle carries one, so that
// utilization, service demand, cycles per byte and the breakdowns are all sums
// of charges. The order of CATEGORIES fixes the index used by every
// per-category typed array.

export const CATEGORIES = [
  'syscall',
  'socket',
  'copy',
  'checksum',
  'tcp',
  'udp',
  'ip',
  'driver',
  'irq',
  'softirq',
  'osm',
  'i2o',
  'mmio',
  'dma-setup',
  'rtos',
  'ism',
  'hdm',
  'app',
] as const;

export type Category = (typeof CATEGORIES)[number];

export const CATEGORY_COUNT = CATEGORIES.length;

const INDEX: Readonly<Record<Category, number>> = Object.fromEntries(
  CATEGORIES.map((c, i) => [c, i]),
) as Record<Category, number>;

/** Index of a category in CATEGORIES and in every per-category array. */
export function categoryIndex(c: Category): number {
  return INDEX[c];
}

/** Type guard for untrusted strings (scenario files, UI selections). */
export function isCategory(s: string): s is Category {
  return Object.prototype.hasOwnProperty.call(INDEX, s);
}
