import { afterEach, describe, expect, it } from 'vitest';
import { InProcessWorker } from '../../worker';
import { bindRuntime, startLab } from '../state/commands';
import { initialLabState, labStore } from '../state/store';
import { createLabRuntime } from './lab-runtime';
import { createTestApi } from './test-api';

const tick = () => new Promise<void>((r) => setTimeout(r, 0));
async function until(cond: () => boolean): Promise<void> {
  for (let i = 0; i < 3000 && !cond(); i++) await tick();
  if (!cond()) throw new Error('timed out');
}

const rt = createLabRuntime({ workerFactory: () => new InProcessWorker(), now: () => 0, scheduleFrame: (cb) => setTimeout(() => cb(0), 0) });
afterEach(() => { rt.dispose(); bindRuntime(null); });

describe('window test API', () => {
  it('snapshots the latest worker figures and drives the same commands as the buttons', async () => {
    labStore.setState(initialLabState(), true);
    bindRuntime(rt);
    const api = createTestApi(rt);
    startLab(11);
    await until(() => api.snapshot().status === 'paused');
    const s0 = api.snapshot();
    expect(s0).toMatchObject({ seed: 11, settled: true, eventsProcessed: 0, nowNanos: 0, failure: null });
    expect(s0.processors.map((p) => p.name)).toEqual(['cpu0', 'cpu1']);
    api.step(2);
    expect(api.snapshot().settled).toBe(false);
    await until(() => api.snapshot().settled);
    expect(api.snapshot().eventsProcessed).toBe(2);
    api.crashWorker('throw');
    await until(() => api.snapshot().status === 'failed');
    expect(api.snapshot().failure?.kind).toBe('crash');
  });
});
