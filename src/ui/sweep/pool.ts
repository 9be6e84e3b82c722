// A pool of workers for sweeps: runs independent jobs on at most `size` slots at once
// (one job per slot at a time), hands each result over as soon as it completes, keeps
// the results in job order for the charts, reports progress, and cancels.
//
// Contract:
// - Jobs start in index order; results arrive in completion order through `onResult`
//   and are also stored by index (`results[i]`), so a chart can draw points as they
//   come and a table stays in sweep order.
// - A job that fails (its promise rejects) yields an `{ ok: false }` result; the other
//   jobs go on.
// - `cancel()` starts no new job, terminates the slots still busy (a simulation cannot
//   be interrupted from outside but its worker can), ignores whatever they would have
//   answered, and settles `done` with `cancelled: true` and the results so far.
// - A slot is created lazily and reused for the next job; all are terminated at the end.

export interface PoolSlot<J, R> {
  run(job: J): Promise<R>;
  terminate(): void;
}
export type SlotFactory<J, R> = () => PoolSlot<J, R>;

export type JobResult<R> = { ok: true; value: R } | { ok: false; error: string };

export interface PoolProgress {
  readonly done: number;
  readonly total: number;
  readonly running: number;
}

export interface PoolCallbacks<R> {
  onResult?(index: number, result: JobResult<R>): void;
  onProgress?(p: PoolProgress): void;
}

export interface PoolOutcome<R> {
  readonly cancelled: boolean;
  readonly results: readonly (JobResult<R> | undefined)[];
}

export interface PoolRun<R> {
  cancel(): void;
  readonly done: Promise<PoolOutcome<R>>;
}

/** Workers for a machine with `hardwareConcurrency` logical cores: all of them, at least 1, at most 16. */
export function poolSize(hardwareConcurrency: number | undefined): number {
  const n = Math.floor(hardwareConcurrency ?? 1);
  return Math.max(1, Math.min(16, Number.isFinite(n) ? n : 1));
}

export function runPool<J, R>(jobs: readonly J[], size: number, factory: SlotFactory<J, R>, cb: PoolCallbacks<R> = {}): PoolRun<R> {
  const results: (JobResult<R> | undefined)[] = new Array(jobs.length).fill(undefined);
  const idle: PoolSlot<J, R>[] = [];
  const busy = new Set<PoolSlot<J, R>>();
  let next = 0;
  let finished = 0;
  let cancelled = false;
  let settle!: (o: PoolOutcome<R>) => void;
  const done = new Promise<PoolOutcome<R>>((resolve) => { settle = resolve; });
  const slots = Math.max(1, Math.min(size, jobs.length));

  const progress = () => cb.onProgress?.({ done: finished, total: jobs.length, running: busy.size });
  const end = () => {
    for (const s of [...idle, ...busy]) s.terminate();
    idle.length = 0;
    busy.clear();
    settle({ cancelled, results });
  };

  const dispatch = (): void => {
    while (!cancelled && next < jobs.length && busy.size < slots) {
      const index = next++;
      const slot = idle.pop() ?? factory();
      busy.add(slot);
      slot.run(jobs[index]!).then(
        (value) => complete(slot, index, { ok: true, value }),
        (e: unknown) => complete(slot, index, { ok: false, error: e instanceof Error ? e.message : String(e) }),
      );
    }
    if (!cancelled && finished === jobs.length) end();
  };

  const complete = (slot: PoolSlot<J, R>, index: number, r: JobResult<R>) => {
    if (cancelled || !busy.has(slot)) return;
    busy.delete(slot);
    idle.push(slot);
    results[index] = r;
    finished += 1;
    cb.onResult?.(index, r);
    progress();
    dispatch();
  };

  progress();
  if (jobs.length === 0) end();
  else dispatch();
  return {
    cancel() {
      if (cancelled || finished === jobs.length) return;
      cancelled = true;
      progress();
      end();
    },
    done,
  };
}
