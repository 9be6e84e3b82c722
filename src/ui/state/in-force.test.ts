import { describe, expect, it } from 'vitest';
import { applyOverrides, defaultScenario, type Scenario } from '../../scenario/schema';
import type { LiveChange } from '../../scenario/run';
import { changesInForce, dropsText, laterChanges, scenarioInForce, scenarioShownHere } from './in-force';

function base(): Scenario {
  const r = applyOverrides(defaultScenario(), ['configurations=native,offload', 'faults.wire.loss.model=independent', 'faults.wire.loss.rate=0']);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.scenario;
}

const at = (events: number, ms: number, events2 = events + 7) => [{ events, nowNanos: ms * 1e6 }, { events: events2, nowNanos: ms * 1e6 }];
const log: LiveChange[] = [
  { path: 'faults.wire.loss.rate', value: 0.01, at: at(100, 5) },
  { path: 'wire.delayUs', value: 40, at: at(300, 9) },
  { path: 'faults.wire.loss.rate', value: 0.02, at: at(500, 12.3) },
];
const pos = (events: number, ms: number, events2 = events + 7) => [{ events, nowNanos: ms * 1e6 }, { events: events2, nowNanos: ms * 1e6 }];

describe('the value in force at a position', () => {
  it('counts the changes some world has reached, up to the position and not past it', () => {
    expect(changesInForce(log, pos(0, 0))).toBe(0);
    expect(changesInForce(log, pos(99, 4.9))).toBe(0);
    // Standing exactly where a change took effect: it is in force.
    expect(changesInForce(log, pos(100, 5))).toBe(1);
    expect(changesInForce(log, pos(400, 10))).toBe(2);
    expect(changesInForce(log, pos(900, 20))).toBe(3);
    // One world past it is enough (the run's LiveLog keeps what any world applied).
    expect(changesInForce(log, [{ events: 10, nowNanos: 1e6 }, { events: 310, nowNanos: 9e6 }])).toBe(2);
  });

  it('treats unknown positions as the end of the log', () => {
    expect(changesInForce(log, null)).toBe(3);
    expect(changesInForce(log, [])).toBe(3);
  });

  it('gives the scenario with only the changes at or before the position applied', () => {
    const b = base();
    expect(scenarioInForce(b, log, pos(50, 1))).toEqual(b);
    const mid = scenarioInForce(b, log, pos(400, 10));
    expect(mid.faults.wire.loss).toMatchObject({ model: 'independent', rate: 0.01 });
    expect(mid.wire.delayUs).toBe(40);
    expect(scenarioInForce(b, log, pos(900, 20)).faults.wire.loss).toMatchObject({ rate: 0.02 });
  });

  it('marks each field by its next change ahead, with its value and instant', () => {
    const ahead = laterChanges(log, 1);
    expect([...ahead.keys()]).toEqual(['wire.delayUs', 'faults.wire.loss.rate']);
    expect(ahead.get('faults.wire.loss.rate')!.text).toBe('changes to 2 % at 12.300 ms');
    expect(ahead.get('wire.delayUs')!.text).toBe('changes to 40 µs at 9.000 ms');
    expect(laterChanges(log, 0).get('faults.wire.loss.rate')!.text).toBe('changes to 1 % at 5.000 ms');
    expect(laterChanges(log, 3).size).toBe(0);
  });

  it('says how many later changes a live edit here drops', () => {
    expect(dropsText(0)).toBe('');
    expect(dropsText(1)).toBe('applying here drops 1 later change');
    expect(dropsText(2)).toBe('applying here drops 2 later changes');
  });

  it('shows the latest scenario at the end of the log and the one in force after a rewind, the same object while nothing changes', () => {
    const b = base();
    const latest = scenarioInForce(b, log, null);
    const state = (positions: ReturnType<typeof pos> | null) => ({
      scenario: b, liveChanges: log, liveScenario: latest,
      live: positions === null ? null : { figures: { worlds: positions.map((position) => ({ position })) } },
    });
    expect(scenarioShownHere(state(null))).toBe(latest);
    const rewound = state(pos(200, 7));
    const shown = scenarioShownHere(rewound);
    expect(shown.faults.wire.loss).toMatchObject({ rate: 0.01 });
    expect(shown.wire.delayUs).toBe(b.wire.delayUs);
    expect(scenarioShownHere(rewound)).toBe(shown);
  });
});
