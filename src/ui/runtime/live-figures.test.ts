import { describe, expect, it } from 'vitest';
import type { WorldFigures } from '../../worker';
import { LiveFigures } from './live-figures';

function figures(eventsProcessed: number, nowNanos: number, busy: number[]): WorldFigures {
  return {
    nowNanos, eventsProcessed, pending: 1, nextEventNanos: nowNanos + 1,
    processors: busy.map((b, i) => ({
      name: `cpu${i}`, clockHz: 2e9, busyNanos: b, totalCycles: b * 2, queueDepth: 0, cyclesByCategory: [b * 2],
    })),
  };
}

describe('LiveFigures', () => {
  it('has nothing to summarize before the first reply', () => {
    expect(new LiveFigures().summarize(0, true)).toBeNull();
  });

  it('measures events and simulated time per real second over the recent window', () => {
    const live = new LiveFigures(64, 1000);
    live.push(figures(0, 0, [0]), 0);
    live.push(figures(1000, 2000, [1000]), 100);
    live.push(figures(3000, 6000, [2000]), 500);
    const s = live.summarize(500, true)!;
    expect(s.eventsPerSecond).toBeCloseTo(6000);
    expect(s.simNanosPerSecond).toBeCloseTo(12_000);
    expect(s.figures.eventsProcessed).toBe(3000);
  });

  it('forgets samples older than the window when measuring rates', () => {
    const live = new LiveFigures(64, 1000);
    live.push(figures(0, 0, [0]), 0);
    live.push(figures(100, 100, [0]), 5000);
    live.push(figures(1100, 1100, [0]), 5500);
    live.push(figures(2100, 2100, [0]), 6000);
    // The sample at 0 ms is 6 s old: the rate is over 5000..6000 ms.
    expect(live.summarize(6000, true)!.eventsPerSecond).toBeCloseTo(2000);
  });

  it('reports no rate when the engine is not running', () => {
    const live = new LiveFigures();
    live.push(figures(0, 0, [0]), 0);
    live.push(figures(10, 10, [5]), 10);
    const s = live.summarize(10, false)!;
    expect(s.eventsPerSecond).toBeNull();
    expect(s.simNanosPerSecond).toBeNull();
  });

  it('gives utilization since time zero and over the recent simulated span, per processor', () => {
    const live = new LiveFigures();
    live.push(figures(0, 1000, [500, 0]), 0);
    live.push(figures(10, 2000, [600, 1000]), 100);
    const s = live.summarize(100, true)!;
    expect(s.utilizationSinceStart).toEqual([0.3, 0.5]);
    expect(s.utilizationRecent).toEqual([0.1, 1]);
  });

  it('does not count a pause as slow engine time once the window restarts', () => {
    const live = new LiveFigures(64, 10_000);
    live.push(figures(0, 0, [0]), 0);
    live.push(figures(1000, 1000, [0]), 1000);
    live.restartWindow();
    live.push(figures(1000, 1000, [0]), 9000); // resumed after a long pause
    live.push(figures(2000, 2000, [0]), 9500);
    expect(live.summarize(9500, true)!.eventsPerSecond).toBeCloseTo(2000);
  });

  it('keeps working when the ring wraps around', () => {
    const live = new LiveFigures(4, 1_000_000);
    for (let i = 0; i <= 10; i++) live.push(figures(i * 100, i * 100, [0]), i * 10);
    // Oldest retained sample is i = 7 (capacity 4: 7, 8, 9, 10).
    expect(live.summarize(100, true)!.eventsPerSecond).toBeCloseTo((300 * 1000) / 30);
    expect(live.version).toBe(11);
  });
});
