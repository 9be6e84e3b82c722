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

// A literal with a fixed shape (faster keyed loads than an object built at
// run time); charge-list.test.ts checks that it agrees with CATEGORIES.
const INDEX: Readonly<Record<Category, number>> = {
  syscall: 0,
  socket: 1,
  copy: 2,
  checksum: 3,
  tcp: 4,
  udp: 5,
  ip: 6,
  driver: 7,
  irq: 8,
  softirq: 9,
  osm: 10,
  i2o: 11,
  mmio: 12,
  'dma-setup': 13,
  rtos: 14,
  ism: 15,
  hdm: 16,
  app: 17,
};

/** Index of a category in CATEGORIES and in every per-category array. */
export function categoryIndex(c: Category): number {
  return INDEX[c];
}

/** Type guard for untrusted strings (scenario files, UI selections). */
export function isCategory(s: string): s is Category {
  return Object.prototype.hasOwnProperty.call(INDEX, s);
}
