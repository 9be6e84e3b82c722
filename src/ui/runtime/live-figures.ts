// High-rate figures from the worker, kept outside React state.
//
// Contract: `push(figures, wallMs)` records one reply (cheap: numbers copied into a
// typed-array ring, no allocation once the ring exists). `summarize(wallMs, running)`
// derives what the live panel shows: the latest figures, the engine's events per
// wall-clock second and simulated time per wall second over the last `windowMs` (null
// when not running: a rate of a paused engine means nothing), and per-processor
// utilization, both since time zero and over the recent samples. `version` counts pushes
// so that the frame clock republishes only when something changed.
import type { WorldFigures } from '../../worker';

export interface LiveSummary {
  readonly figures: WorldFigures;
  readonly eventsPerSecond: number | null;
  readonly simNanosPerSecond: number | null;
  /** Busy share since simulated time zero, per processor, in [0, 1]. */
  readonly utilizationSinceStart: readonly number[];
  /** Busy share over the simulated span of the recent samples, per processor, in [0, 1]. */
  readonly utilizationRecent: readonly number[];
}

const BASE = 3; // wallMs, events, simNanos; then busyNanos per processor

export class LiveFigures {
  private ring = new Float64Array(0);
  private stride = BASE;
  private head = 0; // next write slot
  private size = 0;
  private latestFigures: WorldFigures | null = null;
  private pushes = 0;

  constructor(readonly capacity = 256, readonly windowMs = 1000) {}

  get version(): number {
    return this.pushes;
  }

  get latest(): WorldFigures | null {
    return this.latestFigures;
  }

  clear(): void {
    this.size = 0;
    this.head = 0;
    this.latestFigures = null;
    this.pushes += 1;
  }

  /** Forgets the rate window but keeps the latest figures (a run resumes after a pause:
   *  the pause must not count as slow engine time). */
  restartWindow(): void {
    this.size = 0;
    this.head = 0;
  }

  push(figures: WorldFigures, wallMs: number): void {
    const stride = BASE + figures.processors.length;
    if (stride !== this.stride || this.ring.length === 0) {
      this.stride = stride;
      this.ring = new Float64Array(stride * this.capacity);
      this.size = 0;
      this.head = 0;
    }
    const o = this.head * stride;
    this.ring[o] = wallMs;
    this.ring[o + 1] = figures.eventsProcessed;
    this.ring[o + 2] = figures.nowNanos;
    figures.processors.forEach((p, i) => { this.ring[o + BASE + i] = p.busyNanos; });
    this.head = (this.head + 1) % this.capacity;
    this.size = Math.min(this.size + 1, this.capacity);
    this.latestFigures = figures;
    this.pushes += 1;
  }

  /** Offset of the k-th most recent sample (k = 0 is the newest). */
  private at(k: number): number {
    return ((this.head - 1 - k + this.capacity * 2) % this.capacity) * this.stride;
  }

  summarize(wallMs: number, running: boolean): LiveSummary | null {
    const figures = this.latestFigures;
    if (!figures) return null;
    const sinceStart = figures.processors.map((p) =>
      figures.nowNanos > 0 ? Math.min(1, p.busyNanos / figures.nowNanos) : 0);
    if (this.size === 0) {
      return { figures, eventsPerSecond: null, simNanosPerSecond: null, utilizationSinceStart: sinceStart, utilizationRecent: sinceStart };
    }
    // The oldest sample still within the window (at least the one before the newest).
    const r = this.ring;
    const newest = this.at(0);
    let oldest = newest;
    for (let k = 1; k < this.size; k++) {
      const o = this.at(k);
      if (k > 1 && wallMs - (r[o] ?? 0) > this.windowMs) break;
      oldest = o;
    }
    const dWall = (r[newest] ?? 0) - (r[oldest] ?? 0);
    const dSim = (r[newest + 2] ?? 0) - (r[oldest + 2] ?? 0);
    const recent = figures.processors.map((_, i) => {
      if (dSim <= 0) return sinceStart[i] ?? 0;
      const dBusy = (r[newest + BASE + i] ?? 0) - (r[oldest + BASE + i] ?? 0);
      return Math.min(1, Math.max(0, dBusy / dSim));
    });
    const rates = running && dWall > 0;
    return {
      figures,
      eventsPerSecond: rates ? (((r[newest + 1] ?? 0) - (r[oldest + 1] ?? 0)) * 1000) / dWall : null,
      simNanosPerSecond: rates ? (dSim * 1000) / dWall : null,
      utilizationSinceStart: sinceStart,
      utilizationRecent: recent,
    };
  }
}
