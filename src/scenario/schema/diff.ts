// The smallest scenario JSON that parses back to a given scenario: only what differs
// from the defaults. Shared links and exported files stay short and readable, and
// still reproduce the run exactly (parseScenario(scenarioDiff(s)) equals s).
// A union (bus, workload, coalescing, loss model) that differs in its variant is kept
// whole below the discriminator; lists that differ are kept whole.

import { defaultScenario } from './parse';
import type { Scenario } from './scenario-schema';

type Json = unknown;

const DISCRIMINATORS = ['kind', 'mode', 'model'];

function isObject(v: Json): v is Record<string, Json> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function diff(value: Json, base: Json): Json | undefined {
  if (isObject(value) && isObject(base)) {
    const d = DISCRIMINATORS.find((k) => k in value);
    if (d !== undefined && value[d] !== base[d]) {
      // Another variant than the default's: keep it whole (exact, and still small).
      return value;
    }
    const out: Record<string, Json> = {};
    for (const [k, v] of Object.entries(value)) {
      const sub = diff(v, base[k]);
      if (sub !== undefined) out[k] = sub;
    }
    if (Object.keys(out).length === 0) return undefined;
    if (d !== undefined) out[d] = value[d];
    return out;
  }
  return JSON.stringify(value) === JSON.stringify(base) ? undefined : value;
}

export function scenarioDiff(s: Scenario): Record<string, Json> {
  const d = diff(s, defaultScenario());
  return isObject(d) ? d : {};
}
