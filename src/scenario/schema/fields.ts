// Builders for scenario fields. Every field carries, through zod's .meta(), what the
// UI needs to show it: unit, range, the source of its default, a one-line description
// and whether a change can apply while the model runs ('live') or needs a restart.
// Range errors name the rule: 'must be ≤ 65536 B'.

import { z } from 'zod';
import type { Param, Source } from '../../model/costs';

export type ApplyMode = 'live' | 'restart';

export interface FieldMeta {
  readonly unit: string;
  readonly source: Source;
  readonly description: string;
  readonly apply: ApplyMode;
  readonly [key: string]: unknown;
}

export interface NumOptions {
  readonly int?: boolean;
  readonly apply?: ApplyMode;
  /** Default different from the Param's (the Param still supplies unit, range, source). */
  readonly value?: number;
}

function fmt(n: number): string {
  return Number.isInteger(n) ? String(n) : String(Number(n.toPrecision(6)));
}

/** Units that read badly after a number in a message ('must be ≤ 1 probability'). */
const DIMENSIONLESS = new Set(['ratio', 'probability', 'x', 'seed']);

/** A number with range checks, a default and metadata, all from a Param. */
export function num(p: Param, o: NumOptions = {}) {
  const unit = p.unit;
  const u = DIMENSIONLESS.has(unit) ? '' : ` ${unit}`;
  let s = z.number({ error: u === '' ? 'must be a number' : `must be a number (${unit})` });
  if (o.int === true) s = s.int({ error: u === '' ? 'must be a whole number' : `must be a whole number of ${unit}` });
  s = s
    .min(p.range.min, { error: `must be ≥ ${fmt(p.range.min)}${u}` })
    .max(p.range.max, { error: `must be ≤ ${fmt(p.range.max)}${u}` });
  const meta: FieldMeta = { unit, source: p.source, description: p.description, apply: o.apply ?? 'restart' };
  return s.default(o.value ?? p.value).meta(meta);
}

/** A switch. */
export function bool(value: boolean, description: string, source: Source, apply: ApplyMode = 'restart') {
  const meta: FieldMeta = { unit: '', source, description, apply };
  return z.boolean({ error: 'must be true or false' }).default(value).meta(meta);
}

/** One of a few strings. */
export function choice<const T extends readonly [string, ...string[]]>(values: T, value: T[number], description: string, source: Source) {
  const meta: FieldMeta = { unit: '', source, description, apply: 'restart' };
  return z.enum(values, { error: `must be one of ${values.map((v) => `'${v}'`).join(' | ')}` }).default(value as never).meta(meta);
}

/** One of a few numbers (bus widths, PCIe lanes); its range is the smallest to the largest. */
export function numChoice<const T extends readonly [number, ...number[]]>(values: T, value: T[number], unit: string, description: string, source: Source) {
  const meta: FieldMeta = { unit, source, description, apply: 'restart' };
  return z.literal(values, { error: `must be one of ${values.join(' | ')} ${unit}` }).default(value as never).meta(meta);
}

/** A nested group whose fields all default. */
export function group<T extends z.core.$ZodLooseShape>(shape: T) {
  return z.strictObject(shape).prefault({} as never);
}
