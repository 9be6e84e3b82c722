import { describe, expect, it } from 'vitest';
import { BusyHistory } from './busy-history';

describe('BusyHistory', () => {
  it('busyUntil(t) counts busy time in [0, t), including part of an interval in progress', () => {
    const h = new BusyHistory();
    h.add(10, 20);
    h.add(30, 50);
    expect([0, 10, 15, 20, 25, 30, 40, 50, 100].map((t) => h.busyUntil(t))).toEqual([0, 0, 5, 10, 10, 10, 20, 30, 30]);
  });

  it('merges touching and overlapping intervals and ignores empty ones', () => {
    const h = new BusyHistory();
    h.add(0, 10);
    h.add(10, 20);
    h.add(15, 18);
    h.add(18, 25);
    h.add(30, 30);
    expect(h.length).toBe(1);
    expect(h.busyUntil(100)).toBe(25);
  });

  it('keeps the last `capacity` intervals: exact after historyStart, NaN before', () => {
    const h = new BusyHistory(3);
    for (let i = 0; i < 6; i++) h.add(i * 10, i * 10 + 4);
    expect(h.length).toBe(3);
    expect(h.historyStart).toBe(24);
    expect(h.busyUntil(1000)).toBe(24);
    expect(h.busyUntil(32)).toBe(14);
    expect(h.busyUntil(24)).toBe(12);
    expect(h.busyUntil(23)).toBeNaN();
  });
});
