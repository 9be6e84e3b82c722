import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { maxScrollTop, navigate, revealRow, rowWindow } from './row-window';

const q = (count: number, scrollTop: number, viewportHeight = 100, overscan = 0) =>
  rowWindow({ count, rowHeight: 20, viewportHeight, scrollTop, overscan });

describe('rowWindow', () => {
  it('renders only the rows that intersect the viewport at the top of a long list', () => {
    expect(q(400, 0)).toEqual({ start: 0, end: 5, totalHeight: 8000 });
  });

  it('counts a partly shown row at either edge', () => {
    expect(q(400, 30)).toMatchObject({ start: 1, end: 7 });
  });

  it('adds the overscan on both sides, clipped to the list', () => {
    expect(q(400, 200, 100, 3)).toMatchObject({ start: 7, end: 18 });
    expect(q(400, 0, 100, 3)).toMatchObject({ start: 0, end: 8 });
    expect(q(400, 1e9, 100, 3)).toMatchObject({ start: 392, end: 400 });
  });

  it('renders every row of a list shorter than the viewport', () => {
    expect(q(3, 0)).toEqual({ start: 0, end: 3, totalHeight: 60 });
  });

  it('renders nothing for an empty list and clamps nonsense input', () => {
    expect(q(0, 50)).toEqual({ start: 0, end: 0, totalHeight: 0 });
    expect(rowWindow({ count: Number.NaN, rowHeight: 0, viewportHeight: -1, scrollTop: -5, overscan: -2 })).toEqual({ start: 0, end: 0, totalHeight: 0 });
  });

  it('keeps the same window when rows are appended below it, so an update only adds rows out of view', () => {
    expect(q(500, 400)).toEqual({ ...q(400, 400), totalHeight: 10000 });
  });

  it('always returns a window inside the list that covers the visible rows', () => {
    fc.assert(fc.property(
      fc.integer({ min: 0, max: 5000 }), fc.integer({ min: 1, max: 40 }), fc.integer({ min: 1, max: 2000 }),
      fc.integer({ min: -100, max: 200_000 }), fc.integer({ min: 0, max: 10 }),
      (count, rowHeight, viewportHeight, scrollTop, overscan) => {
        const w = rowWindow({ count, rowHeight, viewportHeight, scrollTop, overscan });
        expect(w.start).toBeGreaterThanOrEqual(0);
        expect(w.end).toBeLessThanOrEqual(count);
        expect(w.start).toBeLessThanOrEqual(w.end);
        const top = Math.min(Math.max(0, scrollTop), maxScrollTop(count, rowHeight, viewportHeight));
        const firstVisible = Math.floor(top / rowHeight);
        const lastVisible = Math.min(count, Math.ceil((top + viewportHeight) / rowHeight));
        if (count > 0) {
          expect(w.start).toBeLessThanOrEqual(firstVisible);
          expect(w.end).toBeGreaterThanOrEqual(lastVisible);
        }
        expect(w.end - w.start).toBeLessThanOrEqual(Math.ceil(viewportHeight / rowHeight) + 1 + 2 * overscan);
      }));
  });
});

describe('revealRow', () => {
  it('leaves the scroll alone when the row is already in view', () => {
    expect(revealRow(3, 20, 100, 20)).toBe(20);
  });

  it('scrolls up to put a row above the viewport at its top', () => {
    expect(revealRow(2, 20, 100, 200)).toBe(40);
  });

  it('scrolls down just enough to put a row below the viewport at its bottom', () => {
    expect(revealRow(20, 20, 100, 0)).toBe(320);
  });
});

describe('navigate', () => {
  it('moves one row with the arrows and stops at the ends', () => {
    expect(navigate('ArrowDown', 4, 10, 5)).toBe(5);
    expect(navigate('ArrowUp', 4, 10, 5)).toBe(3);
    expect(navigate('ArrowUp', 0, 10, 5)).toBe(0);
    expect(navigate('ArrowDown', 9, 10, 5)).toBe(9);
  });

  it('moves a page with PageUp and PageDown and to the ends with Home and End', () => {
    expect(navigate('PageDown', 4, 100, 5)).toBe(9);
    expect(navigate('PageUp', 4, 100, 5)).toBe(0);
    expect(navigate('Home', 50, 100, 5)).toBe(0);
    expect(navigate('End', 50, 100, 5)).toBe(99);
  });

  it('has nowhere to go in an empty list', () => {
    expect(navigate('ArrowDown', 0, 0, 5)).toBeNull();
  });
});
