// Drives a discrete-event simulation in step with the wall clock, so that a
// model can talk to real processes (the Linux kernel behind a TUN).
//
// The simulation's clock is mapped onto wall time from `start()`: simulated
// time t corresponds to wall instant start + (t - t0). Each tick runs every
// event due by the current wall time (in slices of `sliceEvents`, yielding to
// node's I/O in between so that packets keep flowing when the model lags), then
// sleeps until the next event is due: setImmediate when it is due within a
// millisecond, setTimeout (millisecond granularity) otherwise. Something arriving from
// outside (a packet) must call `catchUp()` before it is injected at `now`, so
// that it lands at the wall instant it arrived, then `kick()` to re-arm.
//
// The driver reads the wall clock (process.hrtime.bigint, never Date.now or
// performance.now): it sits outside the model, in the CLI layer, and the model
// still only ever sees simulated Nanos.
import type { Nanos } from '../../sim/units';

/** The part of the Simulator the driver needs. */
export interface SteppableClock {
  readonly now: Nanos;
  peekTime(): Nanos | undefined;
  runFor(budget: { maxEvents?: number; until?: Nanos }): { events: number; reason: 'budget' | 'until' | 'empty' };
}

const SPIN_NANOS = 1_000_000;

export interface RealtimeDriverOptions {
  /** Events per slice before yielding to I/O (default 20000). */
  readonly sliceEvents?: number;
  /** The wall clock in ns; process.hrtime.bigint unless a test supplies one. */
  readonly wallClock?: () => bigint;
  /** Arm timers to tick by itself (default true); false leaves ticking to catchUp() calls. */
  readonly autoTick?: boolean;
}

export class RealtimeDriver {
  /** How far (ns) the simulation has trailed the wall clock at worst, after a slice. */
  maxLagNanos = 0;
  private wall0 = 0n;
  private sim0 = 0;
  private running = false;
  private timer: NodeJS.Timeout | null = null;
  private immediate: NodeJS.Immediate | null = null;
  private readonly sliceEvents: number;
  private readonly wallClock: () => bigint;
  private readonly autoTick: boolean;

  constructor(
    private readonly sim: SteppableClock,
    opts: RealtimeDriverOptions = {},
  ) {
    this.sliceEvents = opts.sliceEvents ?? 20000;
    this.wallClock = opts.wallClock ?? (() => process.hrtime.bigint());
    this.autoTick = opts.autoTick ?? true;
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.wall0 = this.wallClock();
    this.sim0 = this.sim.now;
    this.kick();
  }

  stop(): void {
    this.running = false;
    this.disarm();
  }

  /** The simulated time that corresponds to the wall clock now. */
  wallNow(): Nanos {
    return (this.sim0 + Number(this.wallClock() - this.wall0)) as Nanos;
  }

  /**
   * Runs the model up to the current wall time (or a slice of it). Returns
   * true when it got there, false when events due by now remain.
   */
  catchUp(): boolean {
    if (!this.running) return true;
    const target = this.wallNow();
    if (target < this.sim.now) return true;
    const r = this.sim.runFor({ until: target, maxEvents: this.sliceEvents });
    const lag = this.wallNow() - this.sim.now;
    if (lag > this.maxLagNanos) this.maxLagNanos = lag;
    return r.reason !== 'budget';
  }

  /** Re-arms the wake-up after events were scheduled from outside the loop. */
  kick(): void {
    if (!this.running || !this.autoTick) return;
    this.disarm();
    this.immediate = setImmediate(() => this.tick());
  }

  private tick(): void {
    this.immediate = null;
    this.timer = null;
    if (!this.running) return;
    if (!this.catchUp()) {
      this.immediate = setImmediate(() => this.tick());
      return;
    }
    const next = this.sim.peekTime();
    if (next === undefined) return; // idle until kick()
    const wait = next - this.wallNow();
    // Timers have millisecond granularity: a wake-up due within the next
    // SPIN_NANOS polls through setImmediate instead, so that a reply the model
    // schedules a few simulated microseconds ahead is not held back a whole ms.
    if (wait <= SPIN_NANOS) this.immediate = setImmediate(() => this.tick());
    else this.timer = setTimeout(() => this.tick(), Math.floor(wait / 1e6));
  }

  private disarm(): void {
    if (this.timer) clearTimeout(this.timer);
    if (this.immediate) clearImmediate(this.immediate);
    this.timer = null;
    this.immediate = null;
  }
}
