// A pool slot backed by a Web Worker running sweep.worker.ts: one job at a time, its
// answer matched by id; a worker error rejects the job in flight.
import type { PoolSlot } from './pool';
import type { SweepJob, SweepJobResult } from './sweep-job';
import type { SweepPointSummary } from './sweep-types';

export interface SweepWorkerLike {
  postMessage(m: { id: number; job: SweepJob }): void;
  terminate(): void;
  addEventListener(type: 'message', l: (e: { data: { id: number; result: SweepJobResult } }) => void): void;
  addEventListener(type: 'error', l: (e: { message?: string; preventDefault?: () => void }) => void): void;
}

export function sweepSlot(makeWorker: () => SweepWorkerLike): PoolSlot<SweepJob, SweepPointSummary> {
  const w = makeWorker();
  let nextId = 0;
  let pending: { id: number; resolve: (s: SweepPointSummary) => void; reject: (e: Error) => void } | null = null;
  w.addEventListener('message', (e) => {
    if (!pending || e.data.id !== pending.id) return;
    const p = pending;
    pending = null;
    if (e.data.result.ok) p.resolve(e.data.result.summary);
    else p.reject(new Error(e.data.result.error));
  });
  w.addEventListener('error', (e) => {
    e.preventDefault?.();
    const p = pending;
    pending = null;
    p?.reject(new Error(`the sweep worker failed: ${e.message ?? 'unknown error'}`));
  });
  return {
    run(job) {
      return new Promise((resolve, reject) => {
        nextId += 1;
        pending = { id: nextId, resolve, reject };
        w.postMessage({ id: nextId, job });
      });
    },
    terminate() {
      pending = null;
      w.terminate();
    },
  };
}

export function browserSweepWorker(): SweepWorkerLike {
  return new Worker(new URL('./sweep.worker.ts', import.meta.url), { type: 'module', name: 'offload-lab-sweep' }) as unknown as SweepWorkerLike;
}
