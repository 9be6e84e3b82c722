// A default number with everything a reader needs to trust it: its unit, the range
// the model accepts, its source (or the reasoning behind an estimate) and one line
// saying what it is. Cost tables, presets and the scenario schema are built from
// these, so the UI can list every parameter with unit, range and source.

import type { Source } from './source';

export interface Range {
  readonly min: number;
  readonly max: number;
}

export interface Param<T = number> {
  readonly value: T;
  /** Unit as shown to people: 'cycles', 'cycles/B', 'ns', 'B', 'count', 'Hz', ... */
  readonly unit: string;
  readonly range: Range;
  readonly source: Source;
  readonly description: string;
}

export function param<T = number>(
  value: T,
  unit: string,
  range: Range,
  source: Source,
  description: string,
): Param<T> {
  return { value, unit, range, source, description };
}

/** The same parameter with a new value (range, unit and source kept). */
export function withValue<T>(p: Param<T>, value: T): Param<T> {
  return { ...p, value };
}

/** True when a numeric value lies inside the parameter's range. */
export function inRange(p: Param<number>, v: number): boolean {
  return Number.isFinite(v) && v >= p.range.min && v <= p.range.max;
}
