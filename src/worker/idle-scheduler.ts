// When the worker does background work (the session's `idle()`: regenerating
// checkpoints for rewinding), so that requests from the page come first.
//
// Contract:
// - `request()` is called after every message the session handled: it cancels the
//   pending idle tick and schedules the next one `quietMs` later, so while the page
//   sends requests back to back (playing) no idle work runs at all, and after the last
//   one the work starts once the page has been quiet for `quietMs`.
// - Each tick runs exactly one slice (`work()`, bounded by the session in events) and,
//   while it returns true, schedules the next tick with a zero delay: a task of its
//   own, so a message that arrived meanwhile is handled between two slices and waits
//   for at most one.
// - Timers come from the host (setTimeout/clearTimeout in the worker, a fake in tests).

export interface TimerHost {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/** How long the page must have sent nothing before idle work starts (ms of wall time). */
export const IDLE_QUIET_MS = 100;

export class IdleScheduler {
  private handle: unknown = null;

  constructor(
    private readonly work: () => boolean,
    private readonly timers: TimerHost,
    private readonly quietMs = IDLE_QUIET_MS,
  ) {}

  /** A request was just handled: idle work waits for the next quiet period. */
  request(): void {
    this.schedule(this.quietMs);
  }

  /** Whether a tick is scheduled. */
  get pending(): boolean {
    return this.handle !== null;
  }

  stop(): void {
    if (this.handle !== null) this.timers.clearTimeout(this.handle);
    this.handle = null;
  }

  private schedule(ms: number): void {
    this.stop();
    this.handle = this.timers.setTimeout(() => this.tick(), ms);
  }

  private tick(): void {
    this.handle = null;
    if (this.work()) this.schedule(0);
  }
}
