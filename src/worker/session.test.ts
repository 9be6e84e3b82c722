import { describe, expect, it } from 'vitest';
import { PROTOCOL_VERSION, type FromWorker, type WorldSpec } from './protocol';
import { CrashRequested, WorkerSession } from './session';
import type { LabWorld } from './world';

const v = PROTOCOL_VERSION;
const spec: WorldSpec = { kind: 'demo', seed: 42 };

function session(factory?: ConstructorParameters<typeof WorkerSession>[1]) {
  const out: FromWorker[] = [];
  const s = factory ? new WorkerSession((m) => out.push(m), factory) : new WorkerSession((m) => out.push(m));
  return { s, out, last: () => out[out.length - 1]! };
}

function sliceOf(m: FromWorker) {
  if (m.type !== 'slice') throw new Error(`expected a slice, got ${m.type}: ${JSON.stringify(m)}`);
  return m;
}

describe('WorkerSession', () => {
  it('creates the demo world at time zero and replies ready with its figures', () => {
    const { s, last } = session();
    s.receive({ v, type: 'create', epoch: 1, spec });
    const m = last();
    expect(m.type).toBe('ready');
    if (m.type !== 'ready') return;
    expect(m.epoch).toBe(1);
    expect(m.figures.nowNanos).toBe(0);
    expect(m.figures.eventsProcessed).toBe(0);
    expect(m.figures.processors.map((p) => p.name)).toEqual(['cpu0', 'cpu1']);
    expect(m.info.categories).toContain('tcp');
  });

  it('runs exactly the event budget of a run request and echoes its seq', () => {
    const { s, last } = session();
    s.receive({ v, type: 'create', epoch: 1, spec });
    s.receive({ v, type: 'run', epoch: 1, seq: 5, budget: { maxEvents: 1000 } });
    const m = sliceOf(last());
    expect(m.seq).toBe(5);
    expect(m.events).toBe(1000);
    expect(m.reason).toBe('budget');
    expect(m.figures.eventsProcessed).toBe(1000);
    expect(m.figures.nowNanos).toBeGreaterThan(0);
    expect(m.figures.processors.some((p) => p.totalCycles > 0)).toBe(true);
  });

  it('stops a run at untilNanos and reports the reason', () => {
    const { s, last } = session();
    s.receive({ v, type: 'create', epoch: 1, spec });
    s.receive({ v, type: 'run', epoch: 1, seq: 1, budget: { maxEvents: 1_000_000, untilNanos: 10_000 } });
    const m = sliceOf(last());
    expect(m.reason).toBe('until');
    expect(m.figures.nowNanos).toBe(10_000);
    expect(m.events).toBeLessThan(1_000_000);
  });

  it('steps exactly count events, landing on the time the next event was due', () => {
    const { s, last } = session();
    s.receive({ v, type: 'create', epoch: 1, spec });
    s.receive({ v, type: 'run', epoch: 1, seq: 1, budget: { maxEvents: 50 } });
    const before = sliceOf(last()).figures;
    s.receive({ v, type: 'step', epoch: 1, seq: 2, unit: 'event', count: 1 });
    const after = sliceOf(last());
    expect(after.events).toBe(1);
    expect(after.figures.eventsProcessed).toBe(before.eventsProcessed + 1);
    expect(after.figures.nowNanos).toBe(before.nextEventNanos);
    s.receive({ v, type: 'step', epoch: 1, seq: 3, unit: 'event', count: 3 });
    expect(sliceOf(last()).figures.eventsProcessed).toBe(before.eventsProcessed + 4);
  });

  it('gives the same figures for the same seed and requests, and others for another seed', () => {
    const runOnce = (seed: number) => {
      const { s, last } = session();
      s.receive({ v, type: 'create', epoch: 1, spec: { kind: 'demo', seed } });
      s.receive({ v, type: 'run', epoch: 1, seq: 1, budget: { maxEvents: 5000 } });
      return sliceOf(last()).figures;
    };
    expect(runOnce(42)).toEqual(runOnce(42));
    expect(runOnce(43).nowNanos).not.toBe(runOnce(42).nowNanos);
  });

  it('refuses a request for an epoch other than the current world', () => {
    const { s, last } = session();
    s.receive({ v, type: 'create', epoch: 2, spec });
    s.receive({ v, type: 'run', epoch: 1, seq: 1, budget: { maxEvents: 10 } });
    const m = last();
    expect(m.type).toBe('error');
    if (m.type === 'error') expect(m.failure).toMatchObject({ kind: 'protocol', message: expect.stringMatching(/world 1/) });
  });

  it('answers a malformed message with a protocol error instead of throwing', () => {
    const { s, last } = session();
    expect(() => s.receive({ hello: 'world' })).not.toThrow();
    const m = last();
    expect(m).toMatchObject({ type: 'error', epoch: null, failure: { kind: 'protocol' } });
  });

  it('reports a crash in mode throw as a typed error and drops the world', () => {
    const { s, last } = session();
    s.receive({ v, type: 'create', epoch: 1, spec });
    s.receive({ v, type: 'crash', epoch: 1, mode: 'throw' });
    expect(last()).toMatchObject({ type: 'error', epoch: 1, failure: { kind: 'crash' } });
    s.receive({ v, type: 'run', epoch: 1, seq: 1, budget: { maxEvents: 10 } });
    expect(last()).toMatchObject({ type: 'error', failure: { kind: 'protocol', message: expect.stringMatching(/no world/) } });
  });

  it('lets a crash in mode uncaught escape, as a real bug in the worker would', () => {
    const { s } = session();
    s.receive({ v, type: 'create', epoch: 1, spec });
    expect(() => s.receive({ v, type: 'crash', epoch: 1, mode: 'uncaught' })).toThrow(CrashRequested);
  });

  it('turns an exception inside the world into a runtime error with its message', () => {
    const broken: LabWorld = {
      info: { title: 'broken', summary: '', categories: [] },
      runFor: () => { throw new RangeError('queue corrupted'); },
      step: () => false,
      figures: () => ({ nowNanos: 0, eventsProcessed: 0, pending: 0, nextEventNanos: null, processors: [] }),
    };
    const { s, last } = session(() => broken);
    s.receive({ v, type: 'create', epoch: 1, spec });
    s.receive({ v, type: 'run', epoch: 1, seq: 1, budget: { maxEvents: 10 } });
    expect(last()).toMatchObject({ type: 'error', epoch: 1, failure: { kind: 'runtime', message: 'queue corrupted' } });
  });

  it('reports a world the factory cannot build as a world error', () => {
    const { s, last } = session(() => ({ kind: 'world-error', message: 'no such preset' }));
    s.receive({ v, type: 'create', epoch: 1, spec });
    expect(last()).toMatchObject({ type: 'error', epoch: 1, failure: { kind: 'world', message: 'no such preset' } });
  });
});
