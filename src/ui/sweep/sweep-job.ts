// One sweep point, run to completion where it is called (inside a sweep worker): the
// base scenario (as JSON, validated again here: a worker trusts nothing it is posted)
// with the point's values set, the chosen configurations, and the summary figures a
// sweep chart plots. Never throws: a bad job or a failed world is a typed error.
import { mssForScenario, parseScenario, runSweepPoint, scenarioForPoint, type Configuration, type SweepPoint } from '../../scenario';
import type { RunConfiguration } from '../model-data';
import type { SweepConfigFigures, SweepPointSummary } from './sweep-types';

export interface SweepJob {
  readonly base: unknown;
  readonly point: SweepPoint;
  readonly configurations: readonly Configuration[];
}

export type SweepJobResult = { ok: true; summary: SweepPointSummary } | { ok: false; error: string };

export function runSweepJob(job: SweepJob): SweepJobResult {
  try {
    const base = parseScenario(job.base);
    if (!base.ok) return { ok: false, error: base.errors.map((e) => `${e.path} ${e.message}`).join('; ') };
    const r = runSweepPoint(base.scenario, job.point, { configurations: job.configurations });
    if (!r.ok) return { ok: false, error: r.errors.map((e) => `${e.path} ${e.message}`).join('; ') };
    const pointScenario = scenarioForPoint(base.scenario, job.point);
    const segmentBytes = pointScenario.ok ? mssForScenario(pointScenario.scenario) : 0;
    const configs: SweepConfigFigures[] = r.results.configurations.map((c) => ({
      configuration: c.configuration as RunConfiguration,
      goodputMbps: c.goodputBps / 1e6,
      hostCpuPercent: c.hostCpuUtil * 100,
      iopPercent: c.iopUtil * 100,
      cyclesPerByte: c.cyclesPerByte,
      serviceDemandUsPerKB: c.serviceDemandUsPerKB,
      // goodput = 8·bytes/window, so one segment over the same window is goodput·mss/bytes.
      // Each edge of the window can cut a delivery in progress: the count is exact only to
      // one segment at either end, so two flows at the same rate but another phase (offload's
      // starts later: its bind and listen wait for the card) differ by up to two segments.
      goodputResolutionMbps: c.bytesDelivered > 0 ? (2 * c.goodputBps * segmentBytes) / c.bytesDelivered / 1e6 : 0,
    }));
    return { ok: true, summary: { index: job.point.index, coords: job.point.coords, values: job.point.values, configs } };
  } catch (e) {
    return { ok: false, error: `the model failed at this point: ${e instanceof Error ? e.message : String(e)}` };
  }
}
