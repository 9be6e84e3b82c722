// Kernel event throughput (issue 2, item 6): schedule and dispatch of a
// realistic mix, for the kernel's queue and for a textbook binary heap of event
// objects measured in the same run as the baseline.
//
// The mix: PENDING chains of events, each event scheduling its successor, so
// a few thousand events are always pending. Delays are log-uniform over six
// orders of magnitude (10 ns .. 10 ms), as a network model mixes per-byte
// serialisation, bus transactions, interrupt coalescing and TCP timers. Every
// tenth event re-arms another chain: it cancels that chain's pending event and
// schedules a replacement (the way an ACK re-arms a retransmission timer), so
// about 10% of dispatched events come with a cancellation. Random numbers are
// drawn up front so that the generator is not what is measured. The figure is
// events dispatched per second (each with its schedule, plus the cancels).

import { createDemoWorld, Simulator, Xoshiro128ss, millis, type EventHandler, type Nanos } from '../src/sim/index';
import { measureInterleaved, measureRate, row, type BenchRow } from './lib';

const PENDING = 4096;
const EVENTS = 1_000_000;
const TABLE = 1 << 16;

const rng = Xoshiro128ss.fromSeed(2026);
const delays = new Float64Array(TABLE);
const victims = new Int32Array(TABLE);
for (let i = 0; i < TABLE; i++) {
  delays[i] = Math.round(10 * Math.pow(10, 6 * rng.next()));
  victims[i] = rng.int(0, PENDING);
}

/** The mix on the kernel's Simulator. */
class KernelMix implements EventHandler {
  private k = 0;
  private readonly ids = new Float64Array(PENDING);
  constructor(private readonly sim: Simulator) {
    for (let c = 0; c < PENDING; c++) this.ids[c] = sim.after(delays[c]! as Nanos, this, 0, c);
  }
  onEvent(_kind: number, chain: number, _obj: unknown, sim: Simulator): void {
    const k = this.k++;
    const m = k & (TABLE - 1);
    this.ids[chain] = sim.after(delays[m]! as Nanos, this, 0, chain);
    if (k % 10 === 0) {
      const v = victims[m]!;
      if (v !== chain) {
        sim.cancel(this.ids[v]!);
        this.ids[v] = sim.after(delays[(m + 7) & (TABLE - 1)]! as Nanos, this, 0, v);
      }
    }
  }
}

function runKernel(): number {
  const sim = new Simulator({ seed: 1 });
  new KernelMix(sim);
  return sim.runFor({ maxEvents: EVENTS }).events;
}

// ---- Baseline: a textbook binary heap of event objects -------------------

interface Ev {
  time: number;
  seq: number;
  chain: number;
  cancelled: boolean;
}

class ObjectHeapSim {
  now = 0;
  private seq = 0;
  private readonly heap: Ev[] = [];

  after(delay: number, chain: number): Ev {
    const e: Ev = { time: this.now + delay, seq: this.seq++, chain, cancelled: false };
    const h = this.heap;
    h.push(e);
    let i = h.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!less(h[i]!, h[p]!)) break;
      const tmp = h[i]!;
      h[i] = h[p]!;
      h[p] = tmp;
      i = p;
    }
    return e;
  }

  pop(): Ev | undefined {
    const h = this.heap;
    const top = h[0];
    const last = h.pop();
    if (h.length > 0 && last !== undefined) {
      h[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < h.length && less(h[l]!, h[m]!)) m = l;
        if (r < h.length && less(h[r]!, h[m]!)) m = r;
        if (m === i) break;
        const tmp = h[i]!;
        h[i] = h[m]!;
        h[m] = tmp;
        i = m;
      }
    }
    return top;
  }
}

function less(a: Ev, b: Ev): boolean {
  return a.time < b.time || (a.time === b.time && a.seq < b.seq);
}

function runBaseline(): number {
  const sim = new ObjectHeapSim();
  const ids: Ev[] = [];
  for (let c = 0; c < PENDING; c++) ids.push(sim.after(delays[c]!, c));
  let k = 0;
  let fired = 0;
  while (fired < EVENTS) {
    const e = sim.pop();
    if (e === undefined) break;
    if (e.cancelled) continue;
    sim.now = e.time;
    fired++;
    const chain = e.chain;
    const m = k & (TABLE - 1);
    ids[chain] = sim.after(delays[m]!, chain);
    if (k++ % 10 === 0) {
      const v = victims[m]!;
      if (v !== chain) {
        ids[v]!.cancelled = true;
        ids[v] = sim.after(delays[(m + 7) & (TABLE - 1)]!, v);
      }
    }
  }
  return fired;
}

// ---- The whole kernel: processors, trace, rng (the demo workload) ---------

function runDemo(): number {
  const w = createDemoWorld(1);
  w.sim.runUntil(millis(200));
  return w.sim.eventsProcessed;
}

export default async function kernelBench(): Promise<BenchRow[]> {
  const [ours, base] = measureInterleaved([runKernel, runBaseline], { runs: 7, warmup: 2 });
  const baseline = row('kernel: textbook binary heap of event objects', base!, 'events/s', undefined, `${PENDING} pending, ${EVENTS} events per run`);
  const kernel = row('kernel: Simulator (timing-wheel radix queue)', ours!, 'events/s', baseline, `${PENDING} pending, ~10% cancelled, delays 10 ns..10 ms`);
  const demo = row('kernel: demo workload (rng + 2 processors + trace)', measureRate(runDemo, { runs: 5, warmup: 1 }), 'events/s');
  return [baseline, kernel, demo];
}
