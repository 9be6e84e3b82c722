import { describe, expect, it } from 'vitest';
import { CATEGORIES, categoryIndex, isCategory } from './category';
import { ChargeList } from './charge-list';

describe('categories and charge lists', () => {
  it('lists the eighteen categories of DESIGN.md 1.4, each at its own index', () => {
    expect(CATEGORIES).toHaveLength(18);
    CATEGORIES.forEach((c, i) => expect(categoryIndex(c)).toBe(i));
    expect(isCategory('dma-setup')).toBe(true);
    expect(isCategory('toString')).toBe(false);
    expect(isCategory('nope')).toBe(false);
  });

  it('sums charges per category and in total, and clears for reuse', () => {
    const c = new ChargeList();
    c.add('copy', 100).add('tcp', 20).add('copy', 5).add('tcp', 0);
    expect(c.length).toBe(2);
    expect(c.total).toBe(125);
    expect(c.cycles[categoryIndex('copy')]).toBe(105);
    c.clear();
    expect([c.length, c.total, c.cycles[categoryIndex('copy')]]).toEqual([0, 0, 0]);
    c.add('ip', 0).add('ip', 3);
    expect(c.length).toBe(1);
    expect(c.total).toBe(3);
  });
});
