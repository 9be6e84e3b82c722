import { describe, expect, it } from 'vitest';
import { WorkerClient, type ClientStatus, type SlicePacer, type WorkerLike } from './client';
import { InProcessWorker } from './in-process-worker';
import type { Failure, WorldFigures } from './protocol';

const fixedPacer = (maxEvents: number): SlicePacer & { slices: number[] } => {
  const slices: number[] = [];
  return { slices, next: () => ({ maxEvents }), done: (events) => { slices.push(events); } };
};

const tick = () => new Promise<void>((r) => setTimeout(r, 0));
async function until(cond: () => boolean, what: string, limit = 2000): Promise<void> {
  for (let i = 0; i < limit; i++) {
    if (cond()) return;
    await tick();
  }
  throw new Error(`timed out waiting for ${what}`);
}

function harness(opts: { factory?: () => WorkerLike; maxEvents?: number } = {}) {
  const workers: InProcessWorker[] = [];
  const statuses: ClientStatus[] = [];
  const failures: Failure[] = [];
  let figures: WorldFigures | null = null;
  const pacer = fixedPacer(opts.maxEvents ?? 500);
  const factory = opts.factory ?? (() => { const w = new InProcessWorker(); workers.push(w); return w; });
  const client = new WorkerClient(factory, pacer, {
    status: (s) => statuses.push(s),
    ready: (_i, _s, f) => { figures = f; },
    figures: (f) => { figures = f; },
    failure: (f) => failures.push(f),
  });
  return { client, workers, statuses, failures, pacer, figures: () => figures! };
}

describe('WorkerClient', () => {
  it('starts a world and waits paused at time zero', async () => {
    const h = harness();
    h.client.start({ kind: 'demo', seed: 1 });
    expect(h.client.status).toBe('starting');
    await until(() => h.client.status === 'paused', 'ready');
    expect(h.figures().nowNanos).toBe(0);
    expect(h.statuses).toEqual(['starting', 'paused']);
  });

  it('runs slice after slice with the pacer\'s budget until paused, then the figures stop', async () => {
    const h = harness({ maxEvents: 300 });
    h.client.start({ kind: 'demo', seed: 1 });
    h.client.run();
    await until(() => h.pacer.slices.length >= 3, 'three slices');
    expect(h.pacer.slices.slice(0, 3)).toEqual([300, 300, 300]);
    h.client.pause();
    await until(() => h.client.settled, 'settled');
    const frozen = h.figures().eventsProcessed;
    expect(frozen % 300).toBe(0);
    for (let i = 0; i < 20; i++) await tick();
    expect(h.figures().eventsProcessed).toBe(frozen);
    expect(h.client.status).toBe('paused');
  });

  it('steps exactly the number of events asked, even when asked twice before a reply', async () => {
    const h = harness();
    h.client.start({ kind: 'demo', seed: 1 });
    await until(() => h.client.status === 'paused', 'ready');
    h.client.step();
    h.client.step(2);
    await until(() => h.client.settled && h.figures().eventsProcessed > 0, 'steps');
    expect(h.figures().eventsProcessed).toBe(3);
  });

  it('resets to time zero and ignores the reply of a slice sent to the old world', async () => {
    const h = harness({ maxEvents: 400 });
    h.client.start({ kind: 'demo', seed: 1 });
    h.client.run();
    await until(() => h.pacer.slices.length >= 2, 'two slices');
    h.client.reset({ kind: 'demo', seed: 9 });
    await until(() => h.client.status === 'paused', 'ready after reset');
    expect(h.figures().eventsProcessed).toBe(0);
    for (let i = 0; i < 10; i++) await tick();
    expect(h.figures().eventsProcessed).toBe(0);
    expect(h.client.currentSpec).toEqual({ kind: 'demo', seed: 9 });
  });

  it('turns an exception escaping the worker into a failure and terminates that worker', async () => {
    const h = harness();
    h.client.start({ kind: 'demo', seed: 1 });
    await until(() => h.client.status === 'paused', 'ready');
    h.client.crash('uncaught');
    await until(() => h.client.status === 'failed', 'failure');
    expect(h.failures[0]).toMatchObject({ kind: 'worker', message: expect.stringMatching(/test hook/) });
    expect(h.workers[0]!.isTerminated).toBe(true);
  });

  it('turns an error reply into a failure of the kind the worker named', async () => {
    const h = harness();
    h.client.start({ kind: 'demo', seed: 1 });
    await until(() => h.client.status === 'paused', 'ready');
    h.client.crash('throw');
    await until(() => h.client.status === 'failed', 'failure');
    expect(h.failures[0]?.kind).toBe('crash');
  });

  it('restarts in a new worker after a failure and runs again from time zero', async () => {
    const h = harness();
    h.client.start({ kind: 'demo', seed: 5 });
    h.client.run();
    await until(() => h.pacer.slices.length >= 1, 'a slice');
    h.client.crash('uncaught');
    await until(() => h.client.status === 'failed', 'failure');
    h.client.restart();
    await until(() => h.client.status === 'paused', 'ready again');
    expect(h.workers).toHaveLength(2);
    expect(h.figures().eventsProcessed).toBe(0);
    expect(h.client.failure).toBeNull();
    h.client.step();
    await until(() => h.figures().eventsProcessed === 1, 'a step in the new worker');
  });

  it('reports a messageerror as a transport failure', async () => {
    const h = harness();
    h.client.start({ kind: 'demo', seed: 1 });
    await until(() => h.client.status === 'paused', 'ready');
    h.workers[0]!.deliver('messageerror', {});
    await until(() => h.client.status === 'failed', 'failure');
    expect(h.failures[0]?.kind).toBe('transport');
  });

  it('reports a reply it cannot validate as a protocol failure', async () => {
    const h = harness();
    h.client.start({ kind: 'demo', seed: 1 });
    await until(() => h.client.status === 'paused', 'ready');
    h.workers[0]!.deliver('message', { data: { v: 2, type: 'slice' } });
    await until(() => h.client.status === 'failed', 'failure');
    expect(h.failures[0]).toMatchObject({ kind: 'protocol', message: expect.stringMatching(/version 2/) });
  });

  it('reports a worker that cannot be constructed as a transport failure', () => {
    const h = harness({ factory: () => { throw new Error('blocked by policy'); } });
    h.client.start({ kind: 'demo', seed: 1 });
    expect(h.client.status).toBe('failed');
    expect(h.failures[0]).toMatchObject({ kind: 'transport', message: expect.stringMatching(/blocked by policy/) });
  });
});

describe('WorkerClient seek, step units and slow motion', () => {
  it('steps by packet, seeks back to the position, and streams to added listeners', async () => {
    const streams: boolean[] = [];
    const figs: number[] = [];
    const c = new WorkerClient(() => new InProcessWorker(), { next: () => ({ maxEvents: 500 }), done: () => {} });
    c.addListener({ stream: (s) => streams.push(s.reset), figures: (f) => figs.push(f.eventsProcessed) });
    const settled = () => new Promise<void>((res) => { const t = setInterval(() => { if (c.settled && c.status !== 'starting') { clearInterval(t); res(); } }, 5); });
    c.start({ kind: 'scenario', seed: 3, preset: '2002-gigabit', configurations: ['offload'] });
    await settled();
    c.step(3, 'packet');
    await settled();
    expect(figs.at(-1)!).toBeGreaterThan(0);
    c.seek({ kind: 'time', nanos: 0 });
    await settled();
    expect(figs.at(-1)).toBe(0);
    expect(streams[0]).toBe(true);
    expect(streams.at(-1)).toBe(true);
    c.dispose();
  });

  it('with a run limiter, sends a run slice only when the gate opens, bounded in simulated time', async () => {
    const w = new InProcessWorker();
    let open: (() => void) | null = null;
    const c = new WorkerClient(() => w, { next: () => ({ maxEvents: 100_000 }), done: () => {} });
    c.setRunLimiter({ gate: (go) => { open = go; }, untilNanos: (now) => now + 1000 });
    c.start({ kind: 'demo', seed: 1 });
    await new Promise((r) => setTimeout(r, 20));
    c.run();
    await new Promise((r) => setTimeout(r, 20));
    expect(w.received.filter((m) => m.type === 'run')).toHaveLength(0);
    (open as unknown as () => void)();
    await new Promise((r) => setTimeout(r, 20));
    const runs = w.received.filter((m) => m.type === 'run');
    expect(runs).toHaveLength(1);
    expect(runs[0]).toMatchObject({ budget: { untilNanos: 1000 } });
    c.dispose();
  });
});
