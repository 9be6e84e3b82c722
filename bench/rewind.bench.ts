// Rewinding (issue 5 item 3): the wall time of one step back in the lab's worker
// world (src/worker ScenarioLabWorld.seek), with checkpoints against a full replay
// from time zero, at several positions of the 2002-gigabit preset (native and
// offload on one clock, trace and capture on, as the page runs it).
//
// Method, per position: the world is brought there once; then, REWIND_BENCH_RUNS
// times, (a) checkpoints: idle regeneration runs to completion (untimed, as it does
// while the page is quiet), one step by packet forward, and the step back is timed;
// (b) full replay: one step by packet forward, the checkpoints are dropped, and the
// step back (rebuild, replay from zero) is timed. The two alternate so that drift in
// the machine's speed hits both alike. Rows: median wall ms of the step back; the
// checkpoint row's ratio is its median over the full replay's (below 1: faster); its
// notes give the events each replayed and the idle work that made the checkpoints.
import { ScenarioLabWorld } from '../src/worker/scenario-world';
import type { WorldPosition } from '../src/worker/protocol';
import { median, row, type BenchRow } from './lib';

const RUNS = Number(process.env.REWIND_BENCH_RUNS ?? 5);
const POSITIONS_MS = (process.env.REWIND_BENCH_MS ?? '1,10,50').split(',').map(Number);

function ms(f: () => void): number {
  const t0 = process.hrtime.bigint();
  f();
  return Number(process.hrtime.bigint() - t0) / 1e6;
}

const position = (w: ScenarioLabWorld): WorldPosition[] => w.figures().worlds!.map((x) => x.position);

function stepBack(w: ScenarioLabWorld, dropCheckpoints: boolean): { ms: number; events: number } {
  const before = position(w);
  if (!w.stepBy('packet')) throw new Error('rewind bench: no packet to step to');
  if (dropCheckpoints) w.checkpoints.clear();
  const t = ms(() => {
    const err = w.seek({ kind: 'position', worlds: before });
    if (err) throw new Error(`rewind bench: ${err.message}`);
  });
  return { ms: t, events: w.seekEvents };
}

export default async function rewindBench(): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  for (const at of POSITIONS_MS) {
    const w = ScenarioLabWorld.fromSpec({ kind: 'scenario', seed: 1, preset: '2002-gigabit', configurations: ['native', 'offload'] });
    if (!(w instanceof ScenarioLabWorld)) throw new Error(`rewind bench: ${w.message}`);
    if (w.seek({ kind: 'time', nanos: at * 1e6 })) throw new Error('rewind bench: cannot reach the position');
    const events = w.figures().eventsProcessed;
    const full: number[] = [];
    const fullEvents: number[] = [];
    const cp: number[] = [];
    const cpEvents: number[] = [];
    const idleMs: number[] = [];
    // Two untimed rounds of each first (JIT).
    for (let k = -2; k < RUNS; k++) {
      const order = Math.abs(k % 2) === 0 ? [true, false] : [false, true];
      for (const withCheckpoints of order) {
        if (withCheckpoints) {
          const idle = ms(() => { while (w.idle(1000)); });
          const r = stepBack(w, false);
          if (k >= 0) {
            cp.push(r.ms);
            cpEvents.push(r.events);
            idleMs.push(idle);
          }
        } else {
          const r = stepBack(w, true);
          if (k >= 0) {
            full.push(r.ms);
            fullEvents.push(r.events);
          }
        }
      }
    }
    const base = row(`rewind: step back at ${at} ms, full replay from zero`, full, 'ms', undefined,
      `${events} events into the run; replayed ${median(fullEvents)} events (median)`);
    const withCp = row(`rewind: step back at ${at} ms, with checkpoints`, cp, 'ms', base,
      `replayed ${median(cpEvents)} events (median); ${(median(full) / median(cp)).toFixed(1)}x faster; `
      + `idle regeneration before each step back ${median(idleMs).toFixed(0)} ms (median)`);
    rows.push(base, withCp);
  }
  return rows;
}
