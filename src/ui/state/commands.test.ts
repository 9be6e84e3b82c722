// The store's actions and the user's commands, end to end in node: a real runtime over
// an in-process worker (the real session and demo world), a fake wall clock and frames
// delivered by timers.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { InProcessWorker } from '../../worker';
import { createLabRuntime, type LabRuntime } from '../runtime/lab-runtime';
import { cycleTheme, setFailure, setStatus } from './actions';
import * as commands from './commands';
import { initialLabState, labStore } from './store';

let rt: LabRuntime;
let wall = 0;

const tick = () => new Promise<void>((r) => setTimeout(r, 0));
async function until(cond: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 3000; i++) {
    if (cond()) return;
    wall += 1;
    await tick();
  }
  throw new Error(`timed out waiting for ${what}`);
}
const state = () => labStore.getState();
const shownEvents = () => state().live?.figures.eventsProcessed ?? -1;

beforeEach(() => {
  labStore.setState(initialLabState(), true);
  wall = 0;
  rt = createLabRuntime({
    workerFactory: () => new InProcessWorker(),
    now: () => wall,
    scheduleFrame: (cb) => setTimeout(() => cb(wall), 0),
  });
  commands.bindRuntime(rt);
});

afterEach(() => {
  rt.dispose();
  commands.bindRuntime(null);
});

describe('lab commands and store actions', () => {
  it('startLab fills the seed field, the world\'s description and its figures at time zero', async () => {
    commands.startLab(7);
    expect(state().seedText).toBe('7');
    await until(() => state().status === 'paused' && state().live !== null, 'ready');
    expect(state().spec).toEqual({ kind: 'demo', seed: 7 });
    expect(state().info?.title).toBe('Kernel demo workload');
    expect(state().live?.figures.nowNanos).toBe(0);
  });

  it('run publishes growing figures and a rate; pause stops both', async () => {
    commands.startLab(1);
    await until(() => state().status === 'paused', 'ready');
    commands.toggleRun();
    expect(state().status).toBe('running');
    await until(() => shownEvents() > 5000, 'figures to grow');
    await until(() => state().live?.eventsPerSecond != null, 'a rate');
    commands.toggleRun();
    await until(() => rt.client.settled && state().live?.figures.eventsProcessed === rt.live.latest?.eventsProcessed, 'settled');
    await until(() => state().live?.eventsPerSecond === null, 'the rate to clear');
    const frozen = shownEvents();
    for (let i = 0; i < 20; i++) await tick();
    expect(shownEvents()).toBe(frozen);
    expect(state().status).toBe('paused');
  });

  it('step publishes exactly one more event', async () => {
    commands.startLab(1);
    await until(() => state().status === 'paused' && shownEvents() === 0, 'ready');
    commands.step();
    await until(() => shownEvents() === 1, 'one event');
    commands.step(4);
    await until(() => shownEvents() === 5, 'five events');
  });

  it('applySeed refuses bad text without touching the world, and restarts with a good seed', async () => {
    commands.startLab(1);
    await until(() => state().status === 'paused', 'ready');
    commands.step(10);
    await until(() => shownEvents() === 10, 'ten events');
    labStore.setState({ seedText: '12x' });
    expect(commands.applySeed()).toBe(false);
    expect(state().seedError).toMatch(/digits only/);
    expect(state().spec?.seed).toBe(1);
    labStore.setState({ seedText: '99' });
    expect(commands.applySeed()).toBe(true);
    expect(state().seedError).toBeNull();
    await until(() => state().spec?.seed === 99 && shownEvents() === 0, 'the new world');
  });

  it('a worker crash puts the failure in the store, and restart clears it and starts over', async () => {
    commands.startLab(3);
    await until(() => state().status === 'paused', 'ready');
    commands.step(3);
    await until(() => shownEvents() === 3, 'three events');
    commands.crashWorker('uncaught');
    await until(() => state().status === 'failed', 'failure');
    expect(state().failure?.kind).toBe('worker');
    expect(shownEvents()).toBe(3); // the last figures stay
    commands.restart();
    await until(() => state().status === 'paused' && shownEvents() === 0, 'restarted');
    expect(state().failure).toBeNull();
    expect(state().spec?.seed).toBe(3);
  });

  it('a status other than failed clears a stale failure', () => {
    setFailure({ kind: 'runtime', message: 'x' });
    expect(state().status).toBe('failed');
    setStatus('paused');
    expect(state().failure).toBeNull();
  });

  it('cycleTheme goes system, light, dark and back to system', () => {
    expect(state().theme).toBe('system');
    cycleTheme();
    expect(state().theme).toBe('light');
    cycleTheme();
    expect(state().theme).toBe('dark');
    cycleTheme();
    expect(state().theme).toBe('system');
  });
});
