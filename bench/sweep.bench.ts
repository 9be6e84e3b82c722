// The sweep pool's scaling (issue 6, Performance): a 20-point sweep of IOP clock on the
// `2002-gigabit` preset, native and offload per point, on a pool of worker threads sized
// like the browser's (one per core), against the time of one point run alone. The ratio
// sweep wall / (single × 20 / workers) is 1 for perfect scaling; above 1 is overhead
// (worker start, uneven points, a shared machine). Points are shortened to
// SWEEP_BENCH_MS of simulated time (default 100 ms) to keep the bench short; set it to
// 1000 for the preset's own duration.
//
// Measured here (Node 20, 2 cores shared with other jobs, 2 worker threads):
//   100 ms points:  one point 0.55 s, 20 points 5.3 s, ratio 0.98
//   1000 ms points: one point 2.67 s, 20 points 37.5 s, ratio 1.41 (the single point is
//   the middle IOP clock's; the other jobs on the machine took the cores part of the time)
import { mkdirSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { applyOverrides, presetScenario, sweepPoints } from '../src/scenario/index';
import { poolSize, runPool, type PoolSlot } from '../src/ui/sweep/pool';
import { runSweepJob, type SweepJob, type SweepJobResult } from '../src/ui/sweep/sweep-job';
import type { SweepPointSummary } from '../src/ui/sweep/sweep-types';
import type { BenchRow } from './lib';

const SIM_MS = Number(process.env.SWEEP_BENCH_MS ?? 100);
const POINTS = 20;

function threadSlot(): PoolSlot<SweepJob, SweepPointSummary> {
  const w = new Worker(new URL('./sweep-pool-worker.mjs', import.meta.url));
  let id = 0;
  let pending: { id: number; resolve: (s: SweepPointSummary) => void; reject: (e: Error) => void } | null = null;
  w.on('message', (m: { id: number; result: SweepJobResult }) => {
    if (!pending || m.id !== pending.id) return;
    const p = pending;
    pending = null;
    if (m.result.ok) p.resolve(m.result.summary);
    else p.reject(new Error(m.result.error));
  });
  w.on('error', (e) => { pending?.reject(e); pending = null; });
  w.on('exit', (code) => { pending?.reject(new Error(`sweep worker exited (${code})`)); pending = null; });
  return {
    run(job) { return new Promise((resolve, reject) => { id += 1; pending = { id, resolve, reject }; w.postMessage({ id, job }); }); },
    terminate() { void w.terminate(); },
  };
}

export default async function sweepBench(): Promise<BenchRow[]> {
  const p = presetScenario('2002-gigabit');
  if (!p.ok) throw new Error('sweep bench: preset');
  const s = applyOverrides(p.scenario, [`warmupMs=${Math.min(100, SIM_MS / 5)}`, `durationMs=${SIM_MS}`]);
  if (!s.ok) throw new Error(`sweep bench: ${JSON.stringify(s.errors)}`);
  const points = sweepPoints(s.scenario, [{ path: 'inic.iopClockMHz', from: 100, to: 1200, steps: POINTS }]);
  const jobs: SweepJob[] = points.map((point) => ({ base: s.scenario, point, configurations: ['native', 'offload'] }));

  // One point alone, in this thread (median of the middle point twice, after one warm-up).
  runSweepJob(jobs[POINTS / 2]!);
  const singles: number[] = [];
  for (let i = 0; i < 2; i++) {
    const t0 = process.hrtime.bigint();
    runSweepJob(jobs[POINTS / 2]!);
    singles.push(Number(process.hrtime.bigint() - t0) / 1e9);
  }
  const single = singles.sort((a, b) => a - b)[0]!;

  const workers = poolSize(availableParallelism());
  const t0 = process.hrtime.bigint();
  const out = await runPool(jobs, workers, threadSlot).done;
  const wall = Number(process.hrtime.bigint() - t0) / 1e9;
  const failed = out.results.filter((r) => !r?.ok).length;
  if (failed > 0) throw new Error(`sweep bench: ${failed} points failed`);
  const ideal = (single * POINTS) / workers;
  return [
    { name: `sweep: one 2002-gigabit point (native+offload, ${SIM_MS} ms simulated)`, median: single, unit: 's', p10: singles[0]!, p90: singles[1]!, runs: singles.length },
    {
      name: `sweep: ${POINTS} points of inic.iopClockMHz on ${workers} worker threads`, median: wall, unit: 's', p10: wall, p90: wall, runs: 1,
      ratio: wall / ideal,
      notes: `ratio = sweep wall / (single x ${POINTS} / ${workers} workers) = ${(wall / ideal).toFixed(2)}; ideal ${ideal.toFixed(1)} s`,
    },
  ];
}

// Runnable alone: `npx tsx bench/sweep.bench.ts` prints the rows and writes bench/results/sweep-pool.json.
if (process.argv[1]?.endsWith('sweep.bench.ts') === true) {
  void sweepBench().then((rows) => {
    for (const r of rows) console.log(`${r.name}: ${r.median.toFixed(2)} ${r.unit}${r.notes ? ` (${r.notes})` : ''}`);
    const out = new URL('./results/sweep-pool.json', import.meta.url);
    mkdirSync(new URL('./results/', import.meta.url), { recursive: true });
    writeFileSync(out, `${JSON.stringify({ meta: { node: process.version, cores: availableParallelism(), simMs: SIM_MS }, rows }, null, 2)}\n`);
  });
}
