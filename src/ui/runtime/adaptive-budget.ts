// Sizes the worker's slices from wall time measured on the page.
//
// Contract: `next()` returns an event budget; `done(events)` reports how many events the
// slice ran. The budget moves toward the number of events that fit in `targetMs` of
// round trip (request sent to reply handled), by at most a factor of 2 per slice, within
// [minEvents, maxEvents]. Short slices keep Pause responsive and the figures fresh; long
// enough slices keep the per-message overhead small. The clock is injected (the page
// passes performance.now), so the logic is tested with a fake clock.
import type { SlicePacer } from '../../worker';

export interface AdaptiveBudgetOptions {
  now: () => number;
  targetMs?: number;
  initialEvents?: number;
  minEvents?: number;
  maxEvents?: number;
}

export class AdaptiveBudget implements SlicePacer {
  private budget: number;
  private sentAt: number | null = null;
  private readonly now: () => number;
  readonly targetMs: number;
  private readonly minEvents: number;
  private readonly maxEvents: number;

  constructor(opts: AdaptiveBudgetOptions) {
    this.now = opts.now;
    this.targetMs = opts.targetMs ?? 20;
    this.minEvents = opts.minEvents ?? 64;
    this.maxEvents = opts.maxEvents ?? 4_000_000;
    this.budget = this.clamp(opts.initialEvents ?? 2_000);
  }

  get current(): number {
    return this.budget;
  }

  next(): { maxEvents: number } {
    this.sentAt = this.now();
    return { maxEvents: this.budget };
  }

  done(events: number): void {
    if (this.sentAt === null) return;
    const elapsed = this.now() - this.sentAt;
    this.sentAt = null;
    // A slice that ended early (queue empty, `until` reached) says nothing about speed.
    if (events < this.budget) return;
    const factor = elapsed <= 0 ? 2 : Math.min(2, Math.max(0.5, this.targetMs / elapsed));
    this.budget = this.clamp(Math.round(this.budget * factor));
  }

  private clamp(n: number): number {
    return Math.min(this.maxEvents, Math.max(this.minEvents, n));
  }
}
