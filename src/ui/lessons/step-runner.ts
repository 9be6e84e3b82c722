// Runs lesson steps in a Web Worker, one at a time, caching results by the step's
// scenario (a run is a pure function of scenario and seed, so a cached figure is
// the same figure). A newer request makes older pending answers irrelevant.
import type { LessonScenario } from '../../scenario/lessons';

export type StepFigures = { ok: true; metrics: Record<string, number> } | { ok: false; error: string };

interface WorkerLike {
  postMessage(m: unknown): void;
  addEventListener(t: 'message', l: (e: { data: { id: number } & StepFigures }) => void): void;
  terminate(): void;
}

let worker: WorkerLike | null = null;
let nextId = 1;
const pending = new Map<number, (r: StepFigures) => void>();
const cache = new Map<string, StepFigures>();

function ensureWorker(): WorkerLike {
  if (worker) return worker;
  const w = new Worker(new URL('./lesson.worker.ts', import.meta.url), { type: 'module', name: 'offload-lab-lesson' }) as unknown as WorkerLike;
  w.addEventListener('message', (e) => {
    const { id, ...r } = e.data;
    pending.get(id)?.(r as StepFigures);
    pending.delete(id);
  });
  worker = w;
  return w;
}

export function runLessonStep(spec: LessonScenario): Promise<StepFigures> {
  const key = JSON.stringify(spec);
  const hit = cache.get(key);
  if (hit) return Promise.resolve(hit);
  return new Promise((resolve) => {
    const id = nextId++;
    pending.set(id, (r) => {
      if (r.ok) cache.set(key, r);
      resolve(r);
    });
    ensureWorker().postMessage({ id, spec });
  });
}
