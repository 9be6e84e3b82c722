// Node worker_threads entry for the sweep bench: the same one-point job the browser's
// sweep.worker.ts runs (src/ui/sweep/sweep-job.ts), answered by id.
import { parentPort } from 'node:worker_threads';
import { runSweepJob, type SweepJob } from '../src/ui/sweep/sweep-job';

parentPort?.on('message', (m: { id: number; job: SweepJob }) => {
  parentPort?.postMessage({ id: m.id, result: runSweepJob(m.job) });
});
