import { describe, expect, it } from 'vitest';
import { EarlyHeap } from './early-heap';

function drain(h: EarlyHeap): number[] {
  const out: number[] = [];
  while (h.n > 0) {
    out.push(h.topSlot());
    h.removeTop();
  }
  return out;
}

describe('EarlyHeap', () => {
  it('pops by time, then by sequence among equal times, through growth', () => {
    const h = new EarlyHeap();
    // slot = index; times repeat so that the sequence decides ties.
    const times = Array.from({ length: 100 }, (_, i) => (i * 37) % 10);
    times.forEach((t, i) => h.push(t, i, i));
    const expected = times.map((t, i) => [t, i] as const).sort((a, b) => a[0] - b[0] || a[1] - b[1]).map(([, i]) => i);
    expect(drain(h)).toEqual(expected);
  });

  it('filter keeps the chosen entries in order and hands over the rest', () => {
    const h = new EarlyHeap();
    for (let i = 0; i < 20; i++) h.push(100 - i, i, i);
    const dropped: number[] = [];
    h.filter((s) => s % 3 === 0, (s) => dropped.push(s));
    expect(dropped.sort((a, b) => a - b)).toEqual([1, 2, 4, 5, 7, 8, 10, 11, 13, 14, 16, 17, 19]);
    expect(drain(h)).toEqual([18, 15, 12, 9, 6, 3, 0]);
  });
});
