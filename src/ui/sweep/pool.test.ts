import { describe, expect, it } from 'vitest';
import { poolSize, runPool, type PoolSlot } from './pool';

/** An in-process executor whose jobs finish when the test says so (tests only). */
class ManualSlots {
  created = 0;
  terminated = 0;
  running = 0;
  maxRunning = 0;
  readonly pending = new Map<number, { resolve: (v: number) => void; reject: (e: Error) => void }>();
  readonly started: number[] = [];

  factory = (): PoolSlot<number, number> => {
    this.created += 1;
    return {
      run: (job) => new Promise<number>((resolve, reject) => {
        this.running += 1;
        this.maxRunning = Math.max(this.maxRunning, this.running);
        this.started.push(job);
        this.pending.set(job, {
          resolve: (v) => { this.running -= 1; resolve(v); },
          reject: (e) => { this.running -= 1; reject(e); },
        });
      }),
      terminate: () => { this.terminated += 1; },
    };
  };

  finish(job: number, value = job * 10): void {
    this.pending.get(job)!.resolve(value);
    this.pending.delete(job);
  }
}

const tick = () => new Promise((r) => setTimeout(r, 0));

describe('sweep worker pool', () => {
  it('sizes itself to the machine, within 1..16', () => {
    expect(poolSize(2)).toBe(2);
    expect(poolSize(undefined)).toBe(1);
    expect(poolSize(0)).toBe(1);
    expect(poolSize(64)).toBe(16);
  });

  it('never runs more jobs at once than it has slots, and starts them in order', async () => {
    const m = new ManualSlots();
    const run = runPool([0, 1, 2, 3, 4], 2, m.factory);
    await tick();
    expect(m.started).toEqual([0, 1]);
    m.finish(1);
    await tick();
    expect(m.started).toEqual([0, 1, 2]);
    m.finish(0); m.finish(2);
    await tick();
    m.finish(3); await tick();
    m.finish(4);
    const out = await run.done;
    expect(m.maxRunning).toBe(2);
    expect(m.created).toBe(2);
    expect(out.cancelled).toBe(false);
    expect(out.results.map((r) => r?.ok && r.value)).toEqual([0, 10, 20, 30, 40]);
    expect(m.terminated).toBe(2);
  });

  it('hands results over in completion order but stores them by index, with progress', async () => {
    const m = new ManualSlots();
    const seen: number[] = [];
    const progress: string[] = [];
    const run = runPool([0, 1, 2], 3, m.factory, {
      onResult: (i) => seen.push(i),
      onProgress: (p) => progress.push(`${p.done}/${p.total}`),
    });
    await tick();
    m.finish(2); await tick();
    m.finish(0); await tick();
    m.finish(1);
    const out = await run.done;
    expect(seen).toEqual([2, 0, 1]);
    expect(progress).toEqual(['0/3', '1/3', '2/3', '3/3']);
    expect(out.results.map((r) => r?.ok && r.value)).toEqual([0, 10, 20]);
  });

  it('records a failed job and goes on with the others', async () => {
    const m = new ManualSlots();
    const run = runPool([0, 1], 1, m.factory);
    await tick();
    m.pending.get(0)!.reject(new Error('world failed'));
    await tick();
    m.finish(1);
    const out = await run.done;
    expect(out.results[0]).toEqual({ ok: false, error: 'world failed' });
    expect(out.results[1]).toEqual({ ok: true, value: 10 });
  });

  it('cancels: starts nothing new, terminates busy slots, ignores late answers', async () => {
    const m = new ManualSlots();
    const seen: number[] = [];
    const run = runPool([0, 1, 2, 3], 2, m.factory, { onResult: (i) => seen.push(i) });
    await tick();
    m.finish(0); await tick();
    run.cancel();
    const out = await run.done;
    expect(out.cancelled).toBe(true);
    expect(m.terminated).toBe(2);
    m.finish(1); m.finish(2); await tick();
    expect(seen).toEqual([0]);
    expect(m.started).toEqual([0, 1, 2]);
    expect(out.results.filter((r) => r !== undefined)).toHaveLength(1);
  });

  it('settles at once for an empty sweep', async () => {
    const m = new ManualSlots();
    const out = await runPool([], 4, m.factory).done;
    expect(out).toEqual({ cancelled: false, results: [] });
    expect(m.created).toBe(0);
  });
});
