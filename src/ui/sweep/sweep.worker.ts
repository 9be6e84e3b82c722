// The sweep worker's entry: runs one point per message with runSweepJob and answers
// with its id. All logic lives in sweep-job.ts (tested in node); this file only binds
// the worker's global scope.
import { runSweepJob, type SweepJob } from './sweep-job';

interface Request { readonly id: number; readonly job: SweepJob }

const scope = self as unknown as { postMessage(m: unknown): void; addEventListener(t: 'message', l: (e: { data: Request }) => void): void };
scope.addEventListener('message', (e) => {
  const { id, job } = e.data;
  scope.postMessage({ id, result: runSweepJob(job) });
});
