// The machine model's speed (issue 4, Performance): wall time to simulate one
// second of a saturated 10 GbE single-flow bulk transfer on the `native`
// configuration (modern-25g preset with the wire at 10 Gb/s), with full cycle
// accounting and metrics sampling and no per-event trace. Median of a few runs;
// the figure is seconds of wall (and of CPU) per simulated second, so at most
// 1 means real time or better. The CPU-time figure is the one to compare on a
// shared machine (the wall clock also counts waiting for a core).
//
// Baseline, measured in the same process: the kernel's bare event loop (one
// handler rescheduling itself) dispatching as many events as one model run;
// the model row's ratio says how many times that bare cost the model spends,
// i.e. how much of a simulated event is the model's work rather than the
// kernel's. Then one run of MODEL_BENCH_PROFILE_MS (default 200; 0 skips) is
// profiled in process and its CPU samples summed by source area: the
// "model profile" rows say what dominates. Last, one run of
// MODEL_BENCH_EVENTS_MS (default 100; 0 skips) counts the events scheduled by
// handler class and kind, per frame put on the wire (both directions): the
// "model events" rows say which components the ~12 events per frame come from.
// (They are counted by wrapping EventQueue.push for that run only, after the
// timed runs, since patching the prototype can deoptimise the kernel.)

import { EventQueue, Simulator, type EventHandler, type Nanos } from '../src/sim/index';
import { applyOverrides, createRun, presetScenario, runResults, type Scenario } from '../src/scenario/index';
import { median, percentile, type BenchRow } from './lib';
import { profileAreas } from './profile';

const SIM_MS = Number(process.env.MODEL_BENCH_MS ?? 1000);
const RUNS = Number(process.env.MODEL_BENCH_RUNS ?? 3);
const PROFILE_MS = Number(process.env.MODEL_BENCH_PROFILE_MS ?? 200);
const EVENTS_MS = Number(process.env.MODEL_BENCH_EVENTS_MS ?? 100);

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

/** The bare kernel: one handler rescheduling itself 1 ns later, `events` times; CPU seconds. */
export function bareLoopCpu(events: number): number {
  const sim = new Simulator({ seed: 1 });
  const tick: EventHandler = { onEvent: (_k, _a, _o, sm) => void sm.after(1 as Nanos, tick) };
  sim.after(1 as Nanos, tick);
  const c0 = process.cpuUsage();
  sim.runFor({ maxEvents: events });
  const c = process.cpuUsage(c0);
  return (c.user + c.system) / 1e6;
}

export interface EventTally {
  /** Handler class and event kind, e.g. "Processor:1". */
  name: string;
  count: number;
}

/**
 * Runs `s` once and counts the events it schedules (cancelled ones included)
 * by handler class and kind, largest first; `frames` is the number of frames
 * the wires put on the medium (their end-of-serialisation events).
 */
export function eventsByHandler(s: Scenario): { tallies: EventTally[]; frames: number; total: number } {
  const proto = EventQueue.prototype;
  const push = proto.push;
  const counts = new Map<string, number>();
  proto.push = function (this: EventQueue, time: number, handler: EventHandler, kind: number, arg: number, obj: unknown) {
    const key = `${(handler as object).constructor.name}:${kind}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
    return push.call(this, time, handler, kind, arg, obj);
  };
  try {
    runOnce(s);
  } finally {
    proto.push = push;
  }
  const tallies = [...counts].map(([name, count]) => ({ name, count })).sort((a, b) => b.count - a.count);
  const total = tallies.reduce((n, t) => n + t.count, 0);
  return { tallies, frames: counts.get('Wire:1') ?? 0, total };
}

function rateRow(name: string, xs: number[], unit: string, notes: string, cpu?: number[]): BenchRow {
  const r: BenchRow = { name, median: median(xs), unit, p10: percentile(xs, 0.1), p90: percentile(xs, 0.9), runs: xs.length, notes };
  if (cpu !== undefined) r.cpuMedian = median(cpu);
  return r;
}

export default async function modelBench(): Promise<BenchRow[]> {
  const s = benchScenario();
  runOnce(benchScenario(50)); // JIT warmup
  const wall: number[] = [];
  const cpu: number[] = [];
  const bare: number[] = [];
  let goodput = 0;
  let events = 0;
  for (let i = 0; i < RUNS; i++) {
    const [w, c, g, e] = runOnce(s);
    wall.push(w / (SIM_MS / 1000));
    cpu.push(c / (SIM_MS / 1000));
    goodput = g;
    events = e;
    bare.push(bareLoopCpu(e) / (SIM_MS / 1000));
  }
  const baseline = rateRow('model baseline: bare event loop, same event count', bare, 's/sim-s',
    `${events} events of one handler rescheduling itself; ${((median(bare) * (SIM_MS / 1000) * 1e9) / Math.max(1, events)).toFixed(0)} ns per event (CPU time; no wall figure)`, bare);
  const model = rateRow('model: native 10 GbE bulk, 1 flow, full accounting (wall s per simulated s)', wall, 's/sim-s',
    `${SIM_MS} ms simulated per run; goodput ${(goodput / 1e9).toFixed(2)} Gb/s; ${events} events per run, ` +
    `${((median(cpu) * (SIM_MS / 1000) * 1e9) / Math.max(1, events)).toFixed(0)} ns CPU per event; ratio: CPU time / the bare loop's`, cpu);
  model.baseline = baseline.name;
  model.ratio = median(cpu) / median(bare);
  const rows = [baseline, model];
  if (PROFILE_MS > 0) {
    const p = benchScenario(PROFILE_MS);
    const shares = await profileAreas(() => runOnce(p));
    for (const a of shares.filter((x) => x.share >= 0.01)) {
      rows.push(rateRow(`model profile: ${a.area}`, [100 * a.share], '% of CPU', `self time in one ${PROFILE_MS} ms run (sampled)`));
    }
  }
  if (EVENTS_MS > 0) {
    const { tallies, frames, total } = eventsByHandler(benchScenario(EVENTS_MS));
    const per = (n: number): number => n / Math.max(1, frames);
    rows.push(rateRow('model events: all, per wire frame', [per(total)], 'events/frame',
      `${total} events scheduled in one ${EVENTS_MS} ms run, ${frames} frames on the wire (both directions)`));
    for (const t of tallies.filter((x) => x.count / total >= 0.01)) {
      rows.push(rateRow(`model events: ${t.name}`, [per(t.count)], 'events/frame', `${t.count} scheduled (${((100 * t.count) / total).toFixed(1)}%)`));
    }
  }
  return rows;
}
