import { describe, expect, it } from 'vitest';
import { AdaptiveBudget } from './adaptive-budget';

function clocked(opts: Partial<ConstructorParameters<typeof AdaptiveBudget>[0]> = {}) {
  let t = 0;
  const b = new AdaptiveBudget({ now: () => t, targetMs: 20, initialEvents: 1000, ...opts });
  /** One slice that takes `ms` of wall time and runs its whole budget (or `events`). */
  const slice = (ms: number, events?: number) => {
    const { maxEvents } = b.next();
    t += ms;
    b.done(events ?? maxEvents);
    return maxEvents;
  };
  return { b, slice };
}

describe('AdaptiveBudget', () => {
  it('grows the budget, at most doubling per slice, while slices finish faster than the target', () => {
    const { b, slice } = clocked();
    slice(1);
    expect(b.current).toBe(2000);
    slice(1);
    expect(b.current).toBe(4000);
  });

  it('shrinks the budget, at most halving per slice, when slices take longer than the target', () => {
    const { b, slice } = clocked();
    slice(200);
    expect(b.current).toBe(500);
    slice(30);
    expect(b.current).toBe(333);
  });

  it('settles where a slice takes the target time for a steady engine speed', () => {
    const { b } = clocked();
    let t = 0;
    const engine = new AdaptiveBudget({ now: () => t, targetMs: 20, initialEvents: 100 });
    for (let i = 0; i < 30; i++) {
      const { maxEvents } = engine.next();
      t += maxEvents / 50_000; // 50k events per ms
      engine.done(maxEvents);
    }
    expect(engine.current).toBeGreaterThan(900_000);
    expect(engine.current).toBeLessThan(1_100_000);
    expect(b.current).toBe(1000);
  });

  it('keeps the budget within its bounds', () => {
    const { b, slice } = clocked({ minEvents: 100, maxEvents: 3000 });
    for (let i = 0; i < 10; i++) slice(0);
    expect(b.current).toBe(3000);
    for (let i = 0; i < 10; i++) slice(10_000);
    expect(b.current).toBe(100);
  });

  it('ignores the timing of a slice that ended early (queue empty or until reached)', () => {
    const { b, slice } = clocked();
    slice(1, 10);
    expect(b.current).toBe(1000);
  });
});
