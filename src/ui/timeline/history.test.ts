import { describe, expect, it } from 'vitest';
import type { WorldFigures } from '../../worker';
import { PositionHistory, trackHistory } from './history';
import { SpeedLimiter } from './speed-limiter';

const figs = (events: number): WorldFigures => ({
  nowNanos: events * 10, eventsProcessed: events, pending: 1, nextEventNanos: null, processors: [],
  worlds: [{ configuration: 'offload', position: { events, nowNanos: events * 10 }, traceHash: '0', traceWritten: 0, framesCaptured: 0, counters: {} }],
});

describe('position history', () => {
  it('remembers where each step started, so Back walks the steps in reverse', () => {
    const h = new PositionHistory();
    const l = trackHistory(h);
    l.ready!({ title: '', summary: '', categories: [] }, { kind: 'demo', seed: 1 }, figs(0));
    for (const e of [1, 2, 3]) l.figures!(figs(e), { request: 'step', events: 1, reason: 'budget' });
    expect(h.pop()![0]!.events).toBe(2);
    expect(h.pop()![0]!.events).toBe(1);
    expect(h.pop()![0]!.events).toBe(0);
    expect(h.pop()).toBeNull();
  });

  it('pushes nothing for a seek, and once for a whole run', () => {
    const h = new PositionHistory();
    const l = trackHistory(h);
    l.ready!({ title: '', summary: '', categories: [] }, { kind: 'demo', seed: 1 }, figs(0));
    l.status!('running');
    l.figures!(figs(50), { request: 'run', events: 50, reason: 'budget' });
    l.figures!(figs(90), { request: 'run', events: 40, reason: 'budget' });
    l.figures!(figs(10), { request: 'seek', events: 0, reason: 'seek' });
    expect(h.depth).toBe(1);
  });
});

describe('SpeedLimiter', () => {
  it('lets simulated time advance by the speed times the wall time since the last slice', () => {
    let wall = 1000;
    const lim = new SpeedLimiter(1000, () => wall, (cb) => cb());
    lim.untilNanos(0);
    wall += 500;
    expect(lim.untilNanos(0)).toBe(100); // capped at 100 ms of wall time: 100 ns at 1 µs/s
    wall += 50;
    expect(lim.untilNanos(200)).toBe(250);
  });
});
