import { describe, expect, it } from 'vitest';
import type { FeedFrame } from '../views/feed/view-feed';
import { anchorAt, anchoredTop, atBottom } from './scroll-anchor';

const row = (configuration: string, no: number, t: number) =>
  ({ frame: { no, t, source: 'server->peer', bytes: new Uint8Array(0), configuration } as FeedFrame });

/** `n` frames of one configuration numbered from `first`, one per µs. */
const rows = (first: number, n: number, configuration = 'native') =>
  Array.from({ length: n }, (_, i) => row(configuration, first + i, (first + i) * 1000));

describe('scroll anchor', () => {
  it('keeps the frame at the top of the pane there when older frames are evicted above it', () => {
    const before = rows(0, 100);
    const a = anchorAt(before, 40 * 20 + 7, 20)!;
    expect(a.row.frame.no).toBe(40);
    expect(a.offset).toBe(7);
    // 25 older frames evicted, 25 newer appended: frame 40 is now row 15.
    expect(anchoredTop(rows(25, 100), a, 20)).toBe(15 * 20 + 7);
  });

  it('finds the same frame again after a seek, when the feed holds new objects for it', () => {
    const a = anchorAt(rows(0, 50), 10 * 20, 20)!;
    expect(anchoredTop(rows(0, 30), a, 20)).toBe(10 * 20);
  });

  it('tells configurations apart when two frames share a time and a number', () => {
    const list = [row('native', 5, 100), row('offload', 5, 100), row('native', 6, 200)];
    const a = anchorAt(list, 20, 20)!;
    expect(a.row.frame.configuration).toBe('offload');
    expect(anchoredTop([row('native', 5, 100), row('native', 6, 200), row('offload', 5, 100)].sort((x, y) => x.frame.t - y.frame.t), a, 20)).toBe(20);
  });

  it('goes to the oldest kept frame when the anchored one was evicted, and to the next newer when a filter hid it', () => {
    const a = anchorAt(rows(0, 100), 3 * 20, 20)!;
    expect(anchoredTop(rows(10, 100), a, 20)).toBe(0);
    const odd = rows(0, 100).filter((r) => r.frame.no % 2 === 1);
    const b = anchorAt(rows(0, 100), 40 * 20, 20)!;
    expect(odd[anchoredTop(odd, b, 20) / 20]!.frame.no).toBe(41);
  });

  it('stays inside the list: an anchor newer than every row gives the last row, an empty list 0', () => {
    const a = anchorAt(rows(500, 10), 0, 20)!;
    expect(anchoredTop(rows(0, 10), a, 20)).toBe(9 * 20);
    expect(anchoredTop([], a, 20)).toBe(0);
    expect(anchorAt([], 100, 20)).toBeNull();
  });

  it('reads the bottom of the pane within a slack, and clamps nonsense', () => {
    expect(atBottom(580, 400, 980)).toBe(true);
    expect(atBottom(577, 400, 980)).toBe(false);
    expect(atBottom(Number.NaN, 400, 300)).toBe(true);
  });
});
