import { describe, expect, it } from 'vitest';
import { seq } from '../wire/seq';
import { SackScoreboard } from './sack-scoreboard';

const MSS = 100;
const una = seq(0);
const high = seq(1000);
const b = (l: number, r: number) => ({ left: seq(l), right: seq(r) });

describe('SackScoreboard (RFC 6675)', () => {
  it('counts newly SACKed bytes and ignores blocks below SND.UNA or beyond HighData', () => {
    const sb = new SackScoreboard();
    expect(sb.update([b(100, 200)], una, high)).toBe(100);
    expect(sb.update([b(100, 200)], una, high)).toBe(0);
    expect(sb.update([b(150, 300)], una, high)).toBe(100);
    expect(sb.update([b(900, 1100)], una, high)).toBe(0);
    expect(sb.update([b(0xffff_ff00, 50)], una, high)).toBe(0);
  });

  it('IsLost: DupThresh ranges above, or more than 2 SMSS SACKed above', () => {
    const sb = new SackScoreboard();
    sb.update([b(100, 200), b(300, 400)], una, high);
    expect(sb.isLost(seq(0), una, MSS)).toBe(false);
    sb.update([b(500, 600)], una, high);
    // Three discontiguous ranges above 0 now.
    expect(sb.isLost(seq(0), una, MSS)).toBe(true);
    expect(sb.isLost(seq(200), una, MSS)).toBe(false);
    const big = new SackScoreboard();
    big.update([b(100, 401)], una, high);
    expect(big.isLost(seq(0), una, MSS)).toBe(true);
  });

  it('pipe counts unSACKed bytes not lost plus bytes retransmitted', () => {
    const sb = new SackScoreboard();
    sb.update([b(100, 200), b(300, 400), b(500, 600)], una, high);
    // Lost: [0,100), with three SACKed ranges above it. Not lost: [200,300)
    // (two ranges, 200 bytes above), [400,500) and [600,1000).
    expect(sb.pipe(una, high, MSS)).toBe(100 + 100 + 400);
    sb.highRxt = seq(100);
    expect(sb.pipe(una, high, MSS)).toBe(700);
  });

  it('finds holes in order and forgets ranges below a new SND.UNA', () => {
    const sb = new SackScoreboard();
    sb.update([b(100, 200), b(300, 400)], una, high);
    const h = { start: seq(0), end: seq(0) };
    expect(sb.nextHole(seq(0), high, h)).toBe(true);
    expect(h).toEqual({ start: 0, end: 100 });
    expect(sb.nextHole(seq(100), high, h)).toBe(true);
    expect(h).toEqual({ start: 200, end: 300 });
    sb.advance(seq(250));
    expect(sb.rangeCount).toBe(1);
    expect(sb.isSacked(seq(150))).toBe(false);
  });
});
