import { describe, expect, it } from 'vitest';
import { formatNumber, formatTable, measureInterleaved, median, percentile, row } from './lib';

describe('bench lib', () => {
  it('percentile interpolates between order statistics; median is the 0.5 quantile', () => {
    expect(percentile([4, 1, 3, 2], 0.5)).toBe(2.5);
    expect(percentile([10, 20, 30, 40, 50], 0.1)).toBe(14);
    expect(percentile([10, 20, 30, 40, 50], 0.9)).toBe(46);
    expect(median([5, 1, 9])).toBe(5);
    expect(percentile([], 0.5)).toBeNaN();
  });

  it('row() compares with its baseline by CPU time when both have it', () => {
    const base = row('base', { wall: [1, 2, 3], cpu: [2, 4, 6] }, 'ops/s');
    const fast = row('fast', { wall: [9, 9, 9], cpu: [12, 12, 12] }, 'ops/s', base);
    expect(fast.ratio).toBe(3);
    expect(fast.baseline).toBe('base');
    const plain = row('plain', [6], 'ops/s', row('b', [2], 'ops/s'));
    expect(plain.ratio).toBe(3);
  });

  it('measureInterleaved runs each contender warmup + runs times and reports positive rates', () => {
    let a = 0;
    let b = 0;
    const [ra, rb] = measureInterleaved(
      [
        () => {
          a++;
          return 1000;
        },
        () => {
          b++;
          return 10;
        },
      ],
      { runs: 3, warmup: 1 },
    );
    expect([a, b]).toEqual([4, 4]);
    expect(ra!.wall).toHaveLength(3);
    expect(rb!.cpu).toHaveLength(3);
    expect(ra!.wall.every((x) => x > 0)).toBe(true);
  });

  it('formats numbers with SI prefixes and aligns the table columns', () => {
    expect(formatNumber(12_345_678)).toBe('12.35 M');
    expect(formatNumber(950)).toBe('950');
    expect(formatNumber(2.5e9)).toBe('2.50 G');
    const t = formatTable([row('a', [1e6], 'ev/s'), row('longer name', [2e6], 'ev/s', row('a', [1e6], 'ev/s'))]).split('\n');
    expect(t).toHaveLength(3);
    expect(t[0]).toMatch(/^name\s+median\s+unit/);
    expect(t[2]).toContain('2.00x vs a');
    // Columns line up: "median" values end at the same position.
    expect(t[1]!.indexOf('1.00 M') + 6).toBe(t[2]!.indexOf('2.00 M') + 6);
  });
});
