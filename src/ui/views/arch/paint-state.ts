// The marks the architecture view drew last, per configuration (for its text summary and
// the test API). Written by the canvas painter once per frame.
import type { TokenMark } from '../feed/tokens';

let marks: Record<string, TokenMark[]> = {};

export function setLastPaint(m: Record<string, TokenMark[]>): void {
  marks = m;
}

export function lastPaint(): Record<string, TokenMark[]> {
  return marks;
}
