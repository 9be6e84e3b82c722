// The live panel re-renders when a selector's result changes under zustand's shallow
// equality (useShallow): these tests apply that same comparison to states before and
// after a publish, which is the decision React's store binding makes. The project has no
// DOM in unit tests, so the render itself is not counted here.
import { describe, expect, it } from 'vitest';
import { shallow } from 'zustand/shallow';
import type { WorldFigures } from '../../worker';
import type { LiveSummary } from '../runtime/live-figures';
import { shareEqual } from '../runtime/structural-share';
import { initialLabState, type LabState } from '../state/store';
import { selectLiveStats, selectProcessorFigures, selectProcessorNames } from './live-selectors';

const processor = (name: string, busyNanos: number) =>
  ({ name, clockHz: 1e9, busyNanos, totalCycles: busyNanos, queueDepth: 0, cyclesByCategory: [busyNanos] });

function summary(o: { events?: number; hostBusy?: number; framesCaptured?: number; traceHash?: string } = {}): LiveSummary {
  const figures: WorldFigures = {
    nowNanos: 1000, eventsProcessed: o.events ?? 50, pending: 3, nextEventNanos: 1200,
    processors: [processor('native:cpu0', o.hostBusy ?? 400), processor('offload:iop', 100)],
    worlds: [{
      configuration: 'native', position: { events: o.events ?? 50, nowNanos: 1000 }, traceHash: o.traceHash ?? 'a1',
      traceWritten: 10, framesCaptured: o.framesCaptured ?? 7, counters: { segments: 4 },
    }],
    endNanos: 5000,
  };
  return { figures, eventsPerSecond: 1e6, simNanosPerSecond: 2e5, utilizationSinceStart: [0.4, 0.1], utilizationRecent: [0.5, 0.1] };
}

/** The store's state after the frame clock publishes `next` over `prev` (with its structural sharing). */
function publish(prev: LabState, next: LiveSummary): LabState {
  return { ...prev, live: shareEqual(prev.live, next) };
}

/** Whether a component on `select` (compared shallowly) re-renders going from `a` to `b`. */
const rerenders = <T>(select: (s: LabState) => T, a: LabState, b: LabState) => !shallow(select(a), select(b));

describe('the live panel\'s selectors', () => {
  const before = publish(initialLabState(), summary());

  it('do not change when a publish moves only figures the panel does not show (a world\'s counters, hash, captures)', () => {
    const after = publish(before, summary({ framesCaptured: 9, traceHash: 'b2' }));
    expect(after.live).not.toBe(before.live);
    expect(rerenders(selectLiveStats, before, after)).toBe(false);
    expect(rerenders(selectProcessorNames, before, after)).toBe(false);
    expect(rerenders(selectProcessorFigures(0), before, after)).toBe(false);
    expect(rerenders(selectProcessorFigures(1), before, after)).toBe(false);
  });

  it('do not change for a store change outside the live figures (the selection, the view tab)', () => {
    const after: LabState = { ...before, selection: { kind: 'frame', configuration: 'native', no: 3 }, viewTab: 'inspector' };
    expect(rerenders(selectLiveStats, before, after)).toBe(false);
    expect(rerenders(selectProcessorFigures(0), before, after)).toBe(false);
  });

  it('change for the panel when a figure it shows moves, and only for the processor whose figures moved', () => {
    const after = publish(before, summary({ events: 51, hostBusy: 450 }));
    expect(rerenders(selectLiveStats, before, after)).toBe(true);
    expect(selectLiveStats(after).eventsProcessed).toBe(51);
    expect(rerenders(selectProcessorFigures(0), before, after)).toBe(true);
    expect(rerenders(selectProcessorFigures(1), before, after)).toBe(false);
    expect(rerenders(selectProcessorNames, before, after)).toBe(false);
  });

  it('read an empty store as no figures, the way the panel shows dashes', () => {
    const empty = initialLabState();
    expect(selectLiveStats(empty)).toEqual({
      hasFigures: false, eventsProcessed: 0, nowNanos: 0, pending: 0, nextEventNanos: null, eventsPerSecond: null, simNanosPerSecond: null,
    });
    expect(selectProcessorNames(empty)).toEqual([]);
    expect(selectProcessorFigures(0)(empty).figures).toBeUndefined();
  });
});
