// A change to a live parameter while the model runs goes to the worker and does not
// restart it; the log comes back into the store (and the next world's spec); a refused
// one is shown beside the field; a restart parameter folds the live changes in and
// restarts. Runs the real worker session in process.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { LabRuntime } from '../runtime/lab-runtime';
import { setParameter } from './scenario-actions';
import { labStore } from './store';
import { startLiveRuntime, stopLiveRuntime, until } from './testing/live-runtime';

let rt: LabRuntime;

beforeEach(async () => {
  rt = await startLiveRuntime(3000);
});

afterEach(() => stopLiveRuntime(rt));

describe('live changes from the controls', () => {
  it('a live parameter applies in the running model: no restart, the log kept, the instant shown', async () => {
    const version = labStore.getState().scenarioVersion;
    const statusBefore = rt.client.status;
    expect(setParameter('faults.wire.loss.model', 'independent')).toBe(true);
    await until(() => labStore.getState().liveChanges.length === 1, 'the answer');
    const s = labStore.getState();
    expect(s.scenarioVersion).toBe(version);
    expect(s.scenario.faults.wire.loss.model).toBe('none');
    expect(s.liveScenario?.faults.wire.loss.model).toBe('independent');
    expect(s.liveNotes['faults.wire.loss.model']).toMatch(/^live: took effect at \d+\.\d{3} ms$/);
    expect(s.liveChanges[0]!.at).toHaveLength(2);
    expect(statusBefore).toBe('paused');
    // A reset replays it: the client's spec carries the log.
    const spec = rt.client.currentSpec;
    expect(spec?.kind === 'scenario' && spec.liveChanges).toHaveLength(1);
  });

  it('a value the model refuses leaves it running unchanged, with the reason beside the field', async () => {
    expect(setParameter('faults.wire.jitterUs', '-3')).toBe(false);
    expect(labStore.getState().fieldErrors['faults.wire.jitterUs']).toMatch(/≥ 0/);
    expect(labStore.getState().liveChanges).toEqual([]);
  });

  it('a restart parameter folds the live changes in, clears the log and restarts', async () => {
    expect(setParameter('wire.delayUs', '40')).toBe(true);
    await until(() => labStore.getState().liveChanges.length === 1, 'the answer');
    const version = labStore.getState().scenarioVersion;
    expect(setParameter('inic.iopClockMHz', '1200')).toBe(true);
    const s = labStore.getState();
    expect(s.scenarioVersion).toBe(version + 1);
    expect(s.scenario.wire.delayUs).toBe(40);
    expect(s.scenario.inic.iopClockMHz).toBe(1200);
    expect(s.liveChanges).toEqual([]);
    expect(s.liveScenario).toBeNull();
  });
});
