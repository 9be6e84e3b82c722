// After a rewind the controls show the scenario in force there, and a live edit drops the
// later changes exactly as the running model does (the history rule): the store's log
// after the worker's answer is the kept prefix plus the edit. Runs the real worker
// session in process; the frame clock is not running here, so the test publishes the
// worker's latest figures to the store as the frame clock would.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { LabRuntime } from '../runtime/lab-runtime';
import type { LabState } from './store';
import { dropsText, inForceCount, laterChanges, scenarioShownHere } from './in-force';
import { setParameter } from './scenario-actions';
import { labStore } from './store';
import { startLiveRuntime, stopLiveRuntime, until } from './testing/live-runtime';

let rt: LabRuntime;

const publish = () => labStore.setState({ live: { figures: rt.live.latest! } as LabState['live'] });
const positions = () => rt.live.latest!.worlds!.map((w) => ({ ...w.position }));

beforeEach(async () => {
  rt = await startLiveRuntime(2000);
});

afterEach(() => stopLiveRuntime(rt));

describe('live changes after a rewind', () => {
  it('shows the value in force at the shown position, and a live edit there drops the later change as the model does', async () => {
    const base = labStore.getState().scenario.wire.delayUs;
    expect(setParameter('wire.delayUs', '40')).toBe(true);
    await until(() => labStore.getState().liveChanges.length === 1, 'the first answer');
    const first = positions();
    rt.client.step(2000);
    await until(() => rt.client.settled, 'more steps');
    expect(setParameter('wire.delayUs', '80')).toBe(true);
    await until(() => labStore.getState().liveChanges.length === 2, 'the second answer');
    publish();
    expect(scenarioShownHere(labStore.getState()).wire.delayUs).toBe(80);

    // Back to where the first change took effect: it is in force, the second lies ahead.
    rt.client.seek({ kind: 'position', worlds: first });
    await until(() => rt.client.settled, 'the seek');
    publish();
    let s = labStore.getState();
    expect(inForceCount(s)).toBe(1);
    expect(scenarioShownHere(s).wire.delayUs).toBe(40);
    expect(laterChanges(s.liveChanges, inForceCount(s)).get('wire.delayUs')?.text).toMatch(/^changes to 80 µs at \d+\.\d{3} ms$/);
    expect(dropsText(s.liveChanges.length - inForceCount(s))).toBe('applying here drops 1 later change');

    // A live edit here: the log drops the later change at once, and the worker's answer agrees.
    expect(setParameter('wire.delayUs', '60')).toBe(true);
    expect(labStore.getState().liveChanges).toHaveLength(1);
    expect(scenarioShownHere(labStore.getState()).wire.delayUs).toBe(60);
    await until(() => labStore.getState().liveChanges.length === 2 && labStore.getState().liveChanges[1]!.value === 60, 'the answer');
    publish();
    s = labStore.getState();
    expect(s.liveChanges.map((c) => c.value)).toEqual([40, 60]);
    expect(inForceCount(s)).toBe(2);
    expect(scenarioShownHere(s).wire.delayUs).toBe(60);
    expect(s.scenario.wire.delayUs).toBe(base);
  });
});
