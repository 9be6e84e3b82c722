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
// "model profile" rows say what dominates, and the "model top" rows name the
// MODEL_BENCH_TOP (default 15) functions with the most self time. Last, one run of
// MODEL_BENCH_EVENTS_MS (default 100; 0 skips) counts the events scheduled by
// handler class and kind, per frame put on the wire (both directions): the
// "model events" rows say which components the ~12 events per frame come from.
// (They are counted by wrapping EventQueue.push for that run only, after the
// timed runs, since patching the prototype can deoptimise the kernel.)
//
// MODEL_BENCH_COMPARE names another checkout of the project (say, the commit
// before an optimisation, from `git archive`): its model runs the same
// scenario in this process, its runs interleaved with this tree's so load
// from other jobs hits both alike, and the "model (comparison tree)" row
// gives its CPU time and this tree's time as a ratio of it. Both trees must
// produce the same goodput and event count (a speed change must not change a
// result); the bench fails if they do not.

import { EventQueue, Simulator, type EventHandler, type Nanos } from '../src/sim/index';
import * as scenarioApi from '../src/scenario/index';
import type { Scenario } from '../src/scenario/index';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { median, percentile, type BenchRow } from './lib';
import { profileWork, shareByArea, shareByFunction } from './profile';

const SIM_MS = Number(process.env.MODEL_BENCH_MS ?? 1000);
const RUNS = Number(process.env.MODEL_BENCH_RUNS ?? 3);
const PROFILE_MS = Number(process.env.MODEL_BENCH_PROFILE_MS ?? 200);
const EVENTS_MS = Number(process.env.MODEL_BENCH_EVENTS_MS ?? 100);
const TOP = Number(process.env.MODEL_BENCH_TOP ?? 15);

const COMPARE = process.env.MODEL_BENCH_COMPARE;

/** The scenario API the bench drives: this tree's, or a comparison checkout's. */
type ScenarioApi = Pick<typeof scenarioApi, 'applyOverrides' | 'createRun' | 'presetScenario' | 'runResults'>;

export function benchScenario(ms = SIM_MS, api: ScenarioApi = scenarioApi): Scenario {
  const { presetScenario, applyOverrides } = api;
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
export function runOnce(s: Scenario, api: ScenarioApi = scenarioApi): [number, number, number, number] {
  const { createRun, runResults } = api;
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

/**
 * Runs the bench scenario on this tree and on the checkout at `dir`, RUNS
 * times each, interleaved; a row for the other tree, with this tree's CPU time
 * as a ratio of it (below 1: this tree is faster).
 */
async function compareTrees(dir: string, model: BenchRow): Promise<BenchRow[]> {
  const other = (await import(pathToFileURL(resolve(dir, 'src/scenario/index.ts')).href)) as ScenarioApi;
  const mine = benchScenario();
  const theirs = benchScenario(SIM_MS, other);
  runOnce(benchScenario(50, other), other); // JIT warmup
  const a: number[] = [];
  const b: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const [, ca, ga, ea] = runOnce(mine);
    const [, cb, gb, eb] = runOnce(theirs, other);
    if (ga !== gb || ea !== eb) throw new Error(`model bench: results differ from ${dir}: goodput ${ga} vs ${gb}, events ${ea} vs ${eb}`);
    a.push(ca / (SIM_MS / 1000));
    b.push(cb / (SIM_MS / 1000));
  }
  const row = rateRow(`model (comparison tree): same scenario on ${dir}`, b, 's/sim-s',
    `CPU time; ${RUNS} runs interleaved with this tree's (${median(a).toFixed(2)} s/sim-s in those); same goodput and event count`, b);
  const paired: BenchRow = rateRow('model vs comparison tree: CPU time, interleaved runs', a, 's/sim-s',
    `ratio below 1: this tree is faster (the model row above was measured apart: ${model.cpuMedian?.toFixed(2)} s/sim-s)`, a);
  paired.baseline = row.name;
  paired.ratio = median(a) / median(b);
  return [row, paired];
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
  if (COMPARE !== undefined) rows.push(...(await compareTrees(COMPARE, model)));
  if (PROFILE_MS > 0) {
    const p = benchScenario(PROFILE_MS);
    const profile = await profileWork(() => runOnce(p));
    for (const a of shareByArea(profile).filter((x) => x.share >= 0.01)) {
      rows.push(rateRow(`model profile: ${a.area}`, [100 * a.share], '% of CPU', `self time in one ${PROFILE_MS} ms run (sampled)`));
    }
    for (const f of shareByFunction(profile).slice(0, TOP)) {
      rows.push(rateRow(`model top: ${f.fn}`, [100 * f.share], '% of CPU', `self time in one ${PROFILE_MS} ms run (sampled)`));
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
