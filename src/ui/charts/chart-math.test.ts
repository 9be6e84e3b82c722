import { describe, expect, it } from 'vitest';
import {
  clampZoom, linePath, linearScale, maxInWindow, nearestIndex, stackColumns, stackTotals, timeExtent,
  visibleRange, zoomedDomain, formatAxisValue, NO_ZOOM,
} from './chart-math';

describe('chart math', () => {
  it('stacks columns cumulatively, counting NaN and negatives as zero', () => {
    const layers = stackColumns([[1, 2, Number.NaN], [3, -1, 4]], 3);
    expect(layers[0]).toEqual([[0, 1], [0, 2], [0, 0]]);
    expect(layers[1]).toEqual([[1, 4], [2, 2], [0, 4]]);
    expect(Array.from(stackTotals([[1, 2, Number.NaN], [3, -1, 4]], 3))).toEqual([4, 2, 4]);
  });

  it('draws a line with a gap where a value is NaN', () => {
    const x = linearScale([0, 3], [0, 30]);
    const y = linearScale([0, 10], [100, 0]);
    const d = linePath([0, 1, 2, 3], [0, 10, Number.NaN, 5], x, y);
    // d3 draws a lone point after a gap as a closed zero-length subpath.
    expect(d).toBe('M0,100L10,0M30,50Z');
  });

  it('finds the sample nearest a time, clamped to the ends', () => {
    const t = [0, 10, 20, 30];
    expect(nearestIndex(t, 14)).toBe(1);
    expect(nearestIndex(t, 16)).toBe(2);
    expect(nearestIndex(t, -5)).toBe(0);
    expect(nearestIndex(t, 99)).toBe(3);
    expect(nearestIndex([], 3)).toBe(-1);
  });

  it('shows the whole time extent without zoom and a quarter of it at 4x centred', () => {
    expect(zoomedDomain([0, 100], NO_ZOOM, 400)).toEqual([0, 100]);
    // Zoom 4x about the middle pixel (200): translate = 200 - 4*200 = -600.
    const [a, b] = zoomedDomain([0, 100], { k: 4, x: -600 }, 400);
    expect(a).toBeCloseTo(37.5);
    expect(b).toBeCloseTo(62.5);
  });

  it('keeps a zoom inside the data: no zooming out past 1x, no panning past the ends', () => {
    expect(clampZoom({ k: 0.5, x: 30 }, 400)).toEqual({ k: 1, x: 0 });
    expect(clampZoom({ k: 2, x: 50 }, 400)).toEqual({ k: 2, x: 0 });
    expect(clampZoom({ k: 2, x: -900 }, 400)).toEqual({ k: 2, x: -400 });
  });

  it('takes the largest finite value within a time window only', () => {
    const t = [0, 1, 2, 3];
    expect(maxInWindow(t, [[1, 9, Number.NaN, 4]], 2, 3)).toBe(4);
    expect(maxInWindow(t, [[1, 9, 2, 4], [0, 0, 7, 0]], 0, 3)).toBe(9);
    expect(maxInWindow([], [], 0, 1)).toBe(0);
  });

  it('gives the index range of samples inside a window', () => {
    expect(visibleRange([0, 1, 2, 3, 4], 1, 3)).toEqual([1, 4]);
    expect(visibleRange([0, 1, 2], 5, 6)).toEqual([3, 3]);
    expect(timeExtent([])).toEqual([0, 1]);
  });

  it('formats axis values with SI suffixes and 3 significant digits', () => {
    expect(formatAxisValue(12_345)).toBe('12.3k');
    expect(formatAxisValue(2_500_000)).toBe('2.5M');
    expect(formatAxisValue(0.123456)).toBe('0.123');
    expect(formatAxisValue(950)).toBe('950');
  });
});
