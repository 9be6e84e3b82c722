// The configuration behind the numbers, as lines a person can read: every
// parameter that differs from the lab's defaults, flattened to `path = value`.
import { scenarioDiff, type Scenario } from '../../scenario/schema';

const SKIP = new Set(['name', 'description', 'seed', 'configurations', 'durationMs', 'warmupMs']);

export function changedParameters(s: Scenario): { path: string; value: string }[] {
  const out: { path: string; value: string }[] = [];
  const walk = (v: unknown, path: string): void => {
    if (v !== null && typeof v === 'object' && !Array.isArray(v)) {
      for (const [k, x] of Object.entries(v)) walk(x, path ? `${path}.${k}` : k);
      return;
    }
    if (!SKIP.has(path)) out.push({ path, value: Array.isArray(v) ? JSON.stringify(v) : String(v) });
  };
  walk(scenarioDiff(s), '');
  return out;
}
