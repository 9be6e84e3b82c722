// The configuration behind the numbers, as lines a person can read: every
// parameter that differs from the lab's defaults, flattened to `path = value`, and,
// for a scenario that is no preset, the preset it was edited from.
import { defaultScenario, scenarioDiff, type Scenario } from '../../scenario/schema';
import { PRESET_NAMES, presetScenario } from '../../scenario/presets';

const SKIP = new Set(['name', 'description', 'seed', 'configurations', 'durationMs', 'warmupMs']);
/** The keys that pick a union's variant (scenarioDiff's DISCRIMINATORS). */
const DISCRIMINATORS = new Set(['kind', 'mode', 'model']);

function valueAt(o: unknown, path: string): unknown {
  let v = o;
  for (const k of path.split('.')) v = v !== null && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined;
  return v;
}

/** Every leaf of a scenario (or of its diff) as path → printed value. */
function leaves(v: unknown, path = '', out = new Map<string, string>()): Map<string, string> {
  if (v !== null && typeof v === 'object' && !Array.isArray(v)) {
    for (const [k, x] of Object.entries(v)) leaves(x, path ? `${path}.${k}` : k, out);
  } else {
    out.set(path, Array.isArray(v) ? JSON.stringify(v) : String(v));
  }
  return out;
}

export function changedParameters(s: Scenario): { path: string; value: string }[] {
  const defaults = defaultScenario();
  const out: { path: string; value: string }[] = [];
  for (const [path, value] of leaves(scenarioDiff(s))) {
    if (SKIP.has(path)) continue;
    // scenarioDiff keeps a union's discriminator beside a changed field of the same
    // variant (`workload: { kind: 'bulk', messageBytes: 1024 }`) so that the diff parses
    // back; the kind itself did not change, and is no changed parameter.
    const key = path.slice(path.lastIndexOf('.') + 1);
    if (DISCRIMINATORS.has(key) && valueAt(defaults, path) === valueAt(s, path)) continue;
    out.push({ path, value });
  }
  return out;
}

let presetLeaves: { name: string; leaves: Map<string, string> }[] | null = null;

function countDifferences(a: Map<string, string>, b: Map<string, string>): number {
  let n = 0;
  for (const [path, v] of a) if (!SKIP.has(path) && b.get(path) !== v) n++;
  for (const path of b.keys()) if (!SKIP.has(path) && !a.has(path)) n++;
  return n;
}

/**
 * The preset a scenario that is no longer one was edited from: the preset it differs
 * from in the fewest parameters (the first listed on a tie), with that count.
 */
export function editedFrom(s: Scenario): { preset: string; changes: number } | null {
  presetLeaves ??= PRESET_NAMES.flatMap((name) => {
    const p = presetScenario(name);
    return p.ok ? [{ name, leaves: leaves(p.scenario) }] : [];
  });
  const mine = leaves(s);
  let best: { preset: string; changes: number } | null = null;
  for (const p of presetLeaves) {
    const changes = countDifferences(mine, p.leaves);
    if (best === null || changes < best.changes) best = { preset: p.name, changes };
  }
  return best;
}
