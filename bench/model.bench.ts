// The machine model's speed (issue 4, Performance): wall time to simulate one
// second of a saturated 10 GbE single-flow bulk transfer on the `native`
// configuration (modern-25g preset with the wire at 10 Gb/s), with full cycle
// accounting and metrics sampling and no per-event trace. Median of a few runs;
// the figure is seconds of wall (and of CPU) per simulated second, so at most
// 1 means real time or better.

import { applyOverrides, createRun, presetScenario, runResults, type Scenario } from '../src/scenario/index';
import { median, percentile, type BenchRow } from './lib';

const SIM_MS = Number(process.env.MODEL_BENCH_MS ?? 1000);
const RUNS = Number(process.env.MODEL_BENCH_RUNS ?? 3);

export function benchScenario(ms = SIM_MS): Scenario {
  const p = presetScenario('modern-25g');
  if (!p.ok) throw new Error(`model bench: preset failed: ${JSON.stringify(p.errors)}`);
  const s = applyOverrides(p.scenario, [
    'wire.bandwidthMbps=10000', 'workload.kind=bulk', 'workload.connections=1', 'workload.messageBytes=65536',
    'warmupMs=0', `durationMs=${ms}`, 'configurations=["native"]',
  ]);
  if (!s.ok) throw new Error(`model bench: scenario failed: ${JSON.stringify(s.errors)}`);
  return s.scenario;
}

/** One run; returns [wall s, cpu s, goodput b/s, events]. */
export function runOnce(s: Scenario): [number, number, number, number] {
  const c0 = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  const r = createRun(s, { configurations: ['native'] });
  if (!r.ok) throw new Error(`model bench: ${JSON.stringify(r.errors)}`);
  r.run.runToEnd();
  const wall = Number(process.hrtime.bigint() - t0) / 1e9;
  const c = process.cpuUsage(c0);
  const res = runResults(r.run).configurations[0]!;
  if (!res.integrityOk) throw new Error('model bench: integrity failure');
  return [wall, (c.user + c.system) / 1e6, res.goodputBps, res.simEvents];
}

export default async function modelBench(): Promise<BenchRow[]> {
  const s = benchScenario();
  runOnce(benchScenario(50)); // JIT warmup
  const wall: number[] = [];
  const cpu: number[] = [];
  let goodput = 0;
  let events = 0;
  for (let i = 0; i < RUNS; i++) {
    const [w, c, g, e] = runOnce(s);
    wall.push(w / (SIM_MS / 1000));
    cpu.push(c / (SIM_MS / 1000));
    goodput = g;
    events = e;
  }
  return [{
    name: 'model: native 10 GbE bulk, 1 flow, full accounting (wall s per simulated s)',
    median: median(wall), unit: 's/sim-s', cpuMedian: median(cpu), p10: percentile(wall, 0.1), p90: percentile(wall, 0.9), runs: RUNS,
    notes: `${SIM_MS} ms simulated per run; goodput ${(goodput / 1e9).toFixed(2)} Gb/s; ${events} events per run`,
  }];
}
