import { describe, expect, it } from 'vitest';
import { FrameSlot, RedrawPacer } from './redraw-pacer';

describe('redraw pacer', () => {
  it('lets a paused view redraw on every frame, so a step is seen at once', () => {
    const p = new RedrawPacer();
    p.drawing(0);
    p.measured(40);
    expect(p.due(16, false)).toBe(true);
  });

  it('keeps the smallest spacing it was given, running or not', () => {
    const p = new RedrawPacer({ minIntervalMs: 50 });
    p.drawing(100);
    p.measured(0.5);
    expect(p.due(140, false)).toBe(false);
    expect(p.due(150, false)).toBe(true);
    expect(p.due(150, true)).toBe(true);
  });

  it('spaces a running view\'s redraws by their cost over its share of the main thread', () => {
    const p = new RedrawPacer({ share: 0.1 });
    p.drawing(0);
    p.measured(3);
    expect(p.interval(true)).toBeCloseTo(30);
    expect(p.due(20, true)).toBe(false);
    expect(p.due(30, true)).toBe(true);
  });

  it('never spaces redraws further apart than the largest interval while something changes', () => {
    const p = new RedrawPacer({ share: 0.1, maxIntervalMs: 1000 });
    p.drawing(0);
    p.measured(400);
    expect(p.interval(true)).toBe(1000);
    expect(p.due(999, true)).toBe(false);
    expect(p.due(1000, true)).toBe(true);
  });

  it('follows a changing cost through an average, so one slow redraw does not stall the view', () => {
    const p = new RedrawPacer({ share: 0.1 });
    p.measured(2);
    p.measured(52);
    expect(p.averageCost).toBeGreaterThan(2);
    expect(p.averageCost).toBeLessThan(52);
    for (let i = 0; i < 30; i++) p.measured(2);
    expect(p.averageCost).toBeCloseTo(2, 1);
  });

  it('ignores a cost it cannot use (negative or not a number)', () => {
    const p = new RedrawPacer();
    p.measured(4);
    p.measured(Number.NaN);
    p.measured(-3);
    expect(p.averageCost).toBe(4);
  });
});

describe('frame slot', () => {
  it('gives a frame to its first claimant only, so paced views take turns', () => {
    const s = new FrameSlot();
    expect(s.claim(16.7)).toBe(true);
    expect(s.claim(16.7)).toBe(false);
    expect(s.claim(33.4)).toBe(true);
  });
});
