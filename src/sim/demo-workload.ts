// A small seeded workload that exercises the whole kernel: Poisson arrivals of
// jobs with random cycle counts and random priorities onto two processors,
// each arrival and completion written to the trace. The app shell runs it in a
// Web Worker to show events processed and simulated time advancing; the
// determinism tests hash its trace. It is a pure function of the seed.

import type { Category } from './category';
import { ChargeList } from './charge-list';
import type { EventHandler } from './event-handler';
import { Priority } from './priority';
import { Processor } from './processor';
import type { Rng } from './rng';
import { Simulator } from './simulator';
import { LAYER, TRACE_KIND } from './trace-vocab';
import { ghz, type Nanos } from './units';

export interface DemoStats {
  now: Nanos;
  eventsProcessed: number;
  pending: number;
  arrivals: number;
  completions: number;
  /** Per processor: utilization since time 0 and cycles charged. */
  processors: { name: string; utilization: number; totalCycles: number; queueDepth: number }[];
  traceSize: number;
  traceOverwritten: number;
}

export interface DemoWorld {
  sim: Simulator;
  processors: Processor[];
  stats(): DemoStats;
}

export interface DemoOptions {
  /** Mean gap between arrivals (default 2 µs). */
  meanGapNanos?: number;
  traceCapacity?: number;
}

// Ids copied into module constants: an imported binding can cost a getter
// call per use under some loaders (tsx's CommonJS interop).
const L_APP = LAYER.app;
const L_SYSCALL = LAYER.syscall;
const K_CALL = TRACE_KIND.call;
const K_RETURN = TRACE_KIND.return;

const ARRIVE = 1;
const DONE = 2;
const PRIORITIES = [Priority.HardIrq, Priority.SoftIrq, Priority.Kernel, Priority.User] as const;
// Jobs charge a protocol-ish mix of categories.
const MIX: readonly Category[] = ['syscall', 'socket', 'copy', 'checksum', 'tcp', 'ip', 'driver', 'irq'];

class DemoWorkload implements EventHandler {
  arrivals = 0;
  completions = 0;
  private readonly gaps: Rng;
  private readonly work: Rng;
  private readonly charges = new ChargeList();

  constructor(
    private readonly sim: Simulator,
    readonly processors: Processor[],
    private readonly meanGap: number,
  ) {
    this.gaps = sim.rng.stream('demo/arrivals');
    this.work = sim.rng.stream('demo/work');
    sim.after(this.nextGap(), this, ARRIVE);
  }

  private nextGap(): Nanos {
    return Math.max(1, Math.round(this.gaps.exponential(this.meanGap))) as Nanos;
  }

  onEvent(kind: number, arg: number, _obj: unknown, sim: Simulator): void {
    if (kind === ARRIVE) {
      const span = ++this.arrivals;
      const w = this.work;
      const cpu = w.int(0, this.processors.length);
      const prio = PRIORITIES[w.int(0, PRIORITIES.length)]!;
      this.charges.clear();
      const parts = w.int(1, 4);
      for (let k = 0; k < parts; k++) this.charges.add(MIX[w.int(0, MIX.length)]!, w.int(200, 4000));
      const p = this.processors[cpu]!;
      sim.trace.record(sim.now, span, L_APP, L_SYSCALL, K_CALL, 0, this.charges.total, p.id);
      p.submit(prio, this.charges, 0, this, DONE, span, p);
      sim.after(this.nextGap(), this, ARRIVE);
    } else {
      this.completions++;
      const p = _obj as Processor;
      sim.trace.record(sim.now, arg, L_SYSCALL, L_APP, K_RETURN, 0, 0, p.id);
    }
  }
}

/** Two 2 GHz processors fed by Poisson arrivals; run it with sim.runFor / runUntil. */
export function createDemoWorld(seed: number, opts: DemoOptions = {}): DemoWorld {
  const sim = new Simulator({ seed, traceCapacity: opts.traceCapacity ?? 4096 });
  const processors = [
    new Processor(sim, { name: 'cpu0', clock: ghz(2) }),
    new Processor(sim, { name: 'cpu1', clock: ghz(2) }),
  ];
  const w = new DemoWorkload(sim, processors, opts.meanGapNanos ?? 2000);
  return {
    sim,
    processors,
    stats: () => ({
      now: sim.now,
      eventsProcessed: sim.eventsProcessed,
      pending: sim.pending,
      arrivals: w.arrivals,
      completions: w.completions,
      processors: processors.map((p) => ({
        name: p.name,
        utilization: sim.now > 0 ? p.busyNanos / sim.now : 0,
        totalCycles: p.totalCycles,
        queueDepth: p.queueDepth,
      })),
      traceSize: sim.trace.size,
      traceOverwritten: sim.trace.overwritten,
    }),
  };
}

