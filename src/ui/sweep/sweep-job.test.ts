import { describe, expect, it } from 'vitest';
import { applyOverrides, presetScenario, sweepPoints } from '../../scenario';
import { runPool } from './pool';
import { runSweepJob, type SweepJob } from './sweep-job';
import { sweepSlot, type SweepWorkerLike } from './worker-slot';
import { sweepLinePlot } from './sweep-plot';
import { pointGain, type SweepPointSummary } from './sweep-types';

function base() {
  const p = presetScenario('2002-gigabit');
  if (!p.ok) throw new Error('preset');
  const s = applyOverrides(p.scenario, ['warmupMs=2', 'durationMs=6', 'sampleIntervalMs=1']);
  if (!s.ok) throw new Error(JSON.stringify(s.errors));
  return s.scenario;
}

/** A worker stand-in that runs the job in process, asynchronously, like sweep.worker.ts. */
function inProcessWorker(): SweepWorkerLike {
  let onMessage: ((e: { data: { id: number; result: ReturnType<typeof runSweepJob> } }) => void) | null = null;
  return {
    postMessage(m) { setTimeout(() => onMessage?.({ data: { id: m.id, result: runSweepJob(structuredClone(m.job)) } }), 0); },
    terminate() { onMessage = null; },
    addEventListener(type: string, l: unknown) { if (type === 'message') onMessage = l as typeof onMessage; },
  } as SweepWorkerLike;
}

describe('sweep job', () => {
  it('runs one point of the model and reports its figures per configuration', () => {
    const s = base();
    const [p] = sweepPoints(s, [{ path: 'inic.iopClockMHz', from: 300, to: 300, steps: 1 }]);
    const r = runSweepJob({ base: s, point: p!, configurations: ['native', 'offload'] });
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.summary.configs.map((c) => c.configuration)).toEqual(['native', 'offload']);
      expect(r.summary.configs[0]!.goodputMbps).toBeGreaterThan(0);
      expect(r.summary.configs[1]!.iopPercent).toBeGreaterThan(0);
      expect(r.summary.values).toEqual({ 'inic.iopClockMHz': 300 });
      // Two 1448-byte segments over the measured window, far below the goodput itself.
      const n = r.summary.configs[0]!;
      expect(n.goodputResolutionMbps).toBeGreaterThan(0);
      expect(n.goodputResolutionMbps).toBeLessThan(n.goodputMbps / 100);
    }
  });

  it('finds one crossover of the IOP-clock sweep: a wire-limited offload at another phase is a tie, not a loss', () => {
    // The e2e sweep's scenario: 10 ms warm-up, 30 ms measured. From 500 MHz on, offload is
    // wire-limited like native but its flow starts later (bind and listen wait for the
    // card), so the window catches it at another phase: a few segments fewer, a tie.
    const p = presetScenario('2002-gigabit');
    if (!p.ok) throw new Error('preset');
    const s = applyOverrides(p.scenario, ['warmupMs=10', 'durationMs=30', 'sampleIntervalMs=2']);
    if (!s.ok) throw new Error(JSON.stringify(s.errors));
    const points = sweepPoints(s.scenario, [{ path: 'inic.iopClockMHz', from: 400, to: 600, steps: 3 }]);
    const done: SweepPointSummary[] = points.map((pt) => {
      const r = runSweepJob({ base: s.scenario, point: pt, configurations: ['native', 'offload'] });
      if (!r.ok) throw new Error(r.error);
      return r.summary;
    });
    // At 400 MHz offload clearly loses: 906 Mb/s against 941 (gain 0.96, some 40 times the
    // goodput resolution of 0.8 Mb/s below 1). It was under 0.95 before the model's later
    // transmit-path changes (ordered transmit queue, HDM ring); the bound asks for a clear loss.
    expect(pointGain(done[0]!)).toBeLessThan(0.98);
    const plot = sweepLinePlot([400, 500, 600], done, 'gain', null, 400, 200);
    expect(plot.crossovers.filter((c) => c.source === 'simulated').map((c) => [c.x, c.direction])).toEqual([[500, 'gains']]);
  });

  it('refuses a bad job with a readable error instead of throwing', () => {
    const r = runSweepJob({ base: { wire: { bandwidthMbps: -1 } }, point: { index: 0, coords: [0], values: {} }, configurations: ['native'] });
    expect(r).toEqual({ ok: false, error: 'wire.bandwidthMbps must be ≥ 1 Mb/s' });
  });

  it('runs a 1-D sweep of IOP clock through the pool; a faster IOP never lowers the offload gain here', async () => {
    const s = base();
    const points = sweepPoints(s, [{ path: 'inic.iopClockMHz', from: 100, to: 600, steps: 3 }]);
    const jobs: SweepJob[] = points.map((point) => ({ base: s, point, configurations: ['native', 'offload'] }));
    const out = await runPool(jobs, 2, () => sweepSlot(inProcessWorker)).done;
    const summaries = out.results.map((r) => (r?.ok ? r.value : undefined)) as SweepPointSummary[];
    expect(summaries.every((x) => x !== undefined)).toBe(true);
    const gains = summaries.map(pointGain);
    expect(gains[0]!).toBeLessThan(gains[2]! + 1e-9);
  });
});
