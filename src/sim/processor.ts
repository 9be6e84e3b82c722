// A processor (a host core, the IOP): a clock rate, a run queue with four
// priorities, work in cycles charged by category (DESIGN.md 1.4).
//
// Scheduling: one job at a time, highest priority first, FIFO within a
// priority, and NON-PREEMPTIVE. This is a modelling choice: the kernel paths
// modelled (an IRQ handler, a NET_RX softirq pass, a syscall's protocol work)
// are short and run to completion, so a hard IRQ that arrives while a job runs
// waits for that job to finish and then goes before everything queued. The
// error this introduces is bounded by one job's service time.
//
// Accounting: a job's cycles are credited to their categories when it starts
// (it runs to completion, so they are then certain); its service time is
// cyclesToNanos(total, clock). Busy intervals feed a BusyHistory, so
// utilization(from, to) is exact for any window inside the retained history and
// ending at or before now. totalCycles is the sum of the per-category counters,
// so the breakdown always adds up exactly.

import { BusyHistory } from './busy-history';
import { CATEGORY_COUNT, categoryIndex, type Category } from './category';
import type { ChargeList } from './charge-list';
import type { EventHandler } from './event-handler';
import { JobQueue, type JobTarget } from './job-queue';
import { PRIORITY_LEVELS, type Priority } from './priority';
import type { Simulator } from './simulator';
import type { Hz, Nanos } from './units';

export interface ProcessorOptions {
  name: string;
  clock: Hz;
  /** Number used in trace records; by default 0, 1, 2... in creation order per simulator. */
  id?: number;
  /** Busy intervals retained for utilization() (default 16384, after merging). */
  historyCapacity?: number;
}

const nextId = new WeakMap<Simulator, number>();

const KIND_DONE = 1;

export class Processor implements EventHandler {
  readonly name: string;
  readonly clock: Hz;
  readonly id: number;
  private readonly sim: Simulator;
  private readonly queues: JobQueue[] = [];
  private readonly byCategory = new Float64Array(CATEGORY_COUNT);
  private readonly history: BusyHistory;
  private readonly current: JobTarget = { handler: null, kind: 0, arg: 0, obj: undefined };
  private running = false;
  private completing = false;
  private endAt = 0;
  private doneEvent = -1;
  private queued = 0;
  private completed = 0;

  /** The simulator this processor runs in (for its clock and trace). */
  get simulator(): Simulator {
    return this.sim;
  }

  constructor(sim: Simulator, opts: ProcessorOptions) {
    if (!(opts.clock > 0) || !Number.isFinite(opts.clock)) {
      throw new RangeError(`Processor ${opts.name}: clock must be a positive rate, got ${opts.clock}`);
    }
    this.sim = sim;
    this.name = opts.name;
    this.clock = opts.clock;
    const auto = nextId.get(sim) ?? 0;
    this.id = opts.id ?? auto;
    nextId.set(sim, Math.max(auto, this.id + 1));
    this.history = new BusyHistory(opts.historyCapacity);
    for (let p = 0; p < PRIORITY_LEVELS; p++) this.queues.push(new JobQueue());
  }

  /**
   * Queue a job of sum(charges) cycles (or `cyclesIfCategory` cycles of one
   * category). The charges are copied now. When the job completes,
   * done.onEvent(kind, arg, obj, sim) runs.
   */
  submit(
    priority: Priority,
    charges: ChargeList | Category,
    cyclesIfCategory: number,
    done?: EventHandler,
    kind = 0,
    arg = 0,
    obj?: unknown,
  ): void {
    const q = this.queues[priority];
    if (q === undefined) throw new RangeError(`Processor ${this.name}: unknown priority ${priority}`);
    if (typeof charges === 'string') {
      if (!(cyclesIfCategory >= 0) || cyclesIfCategory === Infinity) {
        throw new RangeError(`Processor ${this.name}: cycles must be finite and >= 0, got ${cyclesIfCategory}`);
      }
      q.push(null, categoryIndex(charges), cyclesIfCategory, done ?? null, kind, arg, obj);
    } else {
      q.push(charges, 0, 0, done ?? null, kind, arg, obj);
    }
    this.queued++;
    if (!this.running && !this.completing) this.startNext();
  }

  /**
   * An uncached access (an MMIO read) that holds the CPU for `nanos`: busy time
   * and cycles of `category`. If a job is running the stall lengthens it (the
   * read is issued by the running code path); otherwise the CPU is busy from
   * now, ahead of anything queued. `done`, if given, runs when the stall ends.
   */
  stall(category: Category, duration: Nanos, done?: EventHandler, kind = 0, arg = 0, obj?: unknown): void {
    if (!(duration >= 0) || duration === Infinity) throw new RangeError(`Processor ${this.name}: stall of ${duration} ns`);
    const nanos = Math.ceil(duration); // whole ns, like every service time
    const idx = categoryIndex(category);
    this.byCategory[idx] = this.byCategory[idx]! + (nanos * this.clock) / 1e9;
    const now = this.sim.now;
    if (this.running) {
      this.history.add(this.endAt, this.endAt + nanos);
      this.endAt += nanos;
      this.sim.cancel(this.doneEvent);
      this.doneEvent = this.sim.schedule(this.endAt as Nanos, this, KIND_DONE);
    } else {
      this.running = true;
      this.current.handler = null;
      this.current.obj = undefined;
      this.endAt = now + nanos;
      this.history.add(now, this.endAt);
      this.doneEvent = this.sim.schedule(this.endAt as Nanos, this, KIND_DONE);
    }
    if (done !== undefined) this.sim.schedule(this.endAt as Nanos, done, kind, arg, obj);
  }

  onEvent(_kind: number, _arg: number, _obj: unknown, sim: Simulator): void {
    const c = this.current;
    const h = c.handler;
    const kind = c.kind;
    const arg = c.arg;
    const obj = c.obj;
    c.handler = null;
    c.obj = undefined;
    this.running = false;
    this.doneEvent = -1;
    this.completed++;
    if (h !== null) {
      // Work submitted (or stalls issued) by the callback are seen before the
      // next job is picked, so a hard IRQ raised now still goes first.
      this.completing = true;
      try {
        h.onEvent(kind, arg, obj, sim);
      } finally {
        this.completing = false;
      }
    }
    if (!this.running) this.startNext();
  }

  private startNext(): void {
    if (this.queued === 0) return;
    for (let p = 0; p < PRIORITY_LEVELS; p++) {
      const q = this.queues[p]!;
      if (q.length === 0) continue;
      const total = q.shift(this.byCategory, this.current);
      this.queued--;
      const now = this.sim.now;
      this.running = true;
      // cyclesToNanos, inlined: ceil(cycles * 1e9 / clock).
      this.endAt = now + Math.ceil((total * 1e9) / this.clock);
      this.history.add(now, this.endAt);
      this.doneEvent = this.sim.schedule(this.endAt as Nanos, this, KIND_DONE);
      return;
    }
  }

  /** Cycles charged so far, indexed by categoryIndex (a live view: do not write). */
  cyclesByCategory(): Float64Array {
    return this.byCategory;
  }

  /** Sum of the per-category counters. */
  get totalCycles(): number {
    let s = 0;
    for (let i = 0; i < CATEGORY_COUNT; i++) s += this.byCategory[i]!;
    return s;
  }

  /** Busy time from 0 through now. */
  get busyNanos(): Nanos {
    return this.history.busyUntil(this.sim.now) as Nanos;
  }

  /**
   * Fraction of [from, to] spent busy. Any part of the window after now has
   * not happened yet and counts as idle. NaN if the window is empty or starts
   * before historyStart.
   */
  utilization(from: Nanos, to: Nanos): number {
    const now = this.sim.now;
    if (!(to > from)) return NaN;
    const a = from < now ? from : now;
    const b = to < now ? to : now;
    return (this.history.busyUntil(b) - this.history.busyUntil(a)) / (to - from);
  }

  /** Earliest time from which utilization() is exact. */
  get historyStart(): Nanos {
    return this.history.historyStart as Nanos;
  }

  /** Jobs waiting (not counting the one running). */
  get queueDepth(): number {
    return this.queued;
  }

  get busy(): boolean {
    return this.running;
  }

  /** Jobs (and stalls begun while idle) completed. */
  get jobsCompleted(): number {
    return this.completed;
  }
}
