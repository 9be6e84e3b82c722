// Slow motion (DESIGN.md 2.3): a RunLimiter that lets one slice go per animation frame
// and bounds it to the simulated time the chosen speed allows for the wall time that
// passed since the previous slice (at most 100 ms of it, so a stall does not cause a jump).
import type { RunLimiter } from '../../worker';

export class SpeedLimiter implements RunLimiter {
  private lastWall: number | null = null;

  constructor(
    readonly nsPerSecond: number,
    private readonly now: () => number,
    private readonly scheduleFrame: (cb: () => void) => void,
  ) {}

  gate(go: () => void): void {
    this.scheduleFrame(go);
  }

  untilNanos(simNow: number): number {
    const w = this.now();
    const dtMs = this.lastWall === null ? 16 : Math.min(100, Math.max(0, w - this.lastWall));
    this.lastWall = w;
    return simNow + (this.nsPerSecond * dtMs) / 1000;
  }
}

/** The speeds offered, slowest first: simulated ns per wall second (null: engine speed). */
export const SPEEDS: readonly { label: string; nsPerSecond: number | null }[] = [
  { label: '1 µs in 2 s', nsPerSecond: 500 },
  { label: '1 µs/s', nsPerSecond: 1_000 },
  { label: '10 µs/s', nsPerSecond: 10_000 },
  { label: '100 µs/s', nsPerSecond: 100_000 },
  { label: '1 ms/s', nsPerSecond: 1_000_000 },
  { label: '10 ms/s', nsPerSecond: 10_000_000 },
  { label: 'full speed', nsPerSecond: null },
];
