// Parsing and printing scenarios. parseScenario never throws: bad input comes back as
// a list of { path: 'workload.messageBytes', message: 'must be ≤ 16777216 B' }, one
// per broken rule, in document order as zod reports them.

import type { z } from 'zod';
import { scenarioSchema, type Scenario } from './scenario-schema';

export interface ScenarioError {
  /** Dotted path of the offending field ('' for the whole document). */
  readonly path: string;
  /** The rule broken, phrased to follow the path: 'must be ≤ 65536 B'. */
  readonly message: string;
}

export type ParseResult = { ok: true; scenario: Scenario } | { ok: false; errors: ScenarioError[] };

export function joinPath(path: readonly PropertyKey[]): string {
  return path.map((p) => String(p)).join('.');
}

function describeType(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  return typeof v === 'object' ? 'an object' : typeof v;
}

function toErrors(issues: readonly z.core.$ZodIssue[], input: unknown): ScenarioError[] {
  const out: ScenarioError[] = [];
  for (const i of issues) {
    if (i.code === 'unrecognized_keys') {
      for (const k of i.keys) out.push({ path: joinPath([...i.path, k]), message: 'is not a known parameter' });
    } else if (i.code === 'invalid_type' && i.message.startsWith('Invalid input')) {
      out.push({ path: joinPath(i.path), message: `must be ${i.expected === 'object' ? 'an object' : `a ${i.expected}`} (got ${describeType(valueAt(input, i.path))})` });
    } else if (i.code === 'invalid_union' && i.message.startsWith('Invalid input')) {
      out.push({ path: joinPath(i.path), message: 'matches none of the allowed shapes' });
    } else {
      out.push({ path: joinPath(i.path), message: i.message });
    }
  }
  return out;
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let v: unknown = root;
  for (const k of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PropertyKey, unknown>)[k];
  }
  return v;
}

/** Validate a scenario (an object, or JSON text) and fill every default. */
export function parseScenario(json: unknown): ParseResult {
  let input = json;
  if (typeof json === 'string') {
    try {
      input = JSON.parse(json) as unknown;
    } catch (e) {
      return { ok: false, errors: [{ path: '', message: `is not valid JSON (${e instanceof Error ? e.message : String(e)})` }] };
    }
  }
  if (input === undefined || input === null) input = {};
  const r = scenarioSchema.safeParse(input);
  return r.success ? { ok: true, scenario: r.data } : { ok: false, errors: toErrors(r.error.issues, input) };
}

/** The scenario as JSON text; parseScenario of it gives the same scenario back. */
export function scenarioToJson(s: Scenario): string {
  return `${JSON.stringify(s, null, 2)}\n`;
}

/** A scenario with every default: the 2002-gigabit machine on a bulk send. */
export function defaultScenario(): Scenario {
  const r = scenarioSchema.safeParse({});
  if (!r.success) throw new Error('the scenario defaults must validate');
  return r.data;
}
