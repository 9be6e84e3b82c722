// The sweep form's logic: which parameters can be swept (every numeric one of the
// current scenario, a cost included), the axes read from the form's text with errors
// by field, the grid of points, and the configurations each point needs.
import { listParameters, validateAxes, sweepPoints, type Configuration, type Scenario, type SweepAxis, type SweepPoint } from '../../scenario';
import type { SweepMetric } from './sweep-types';

export interface AxisDraft {
  readonly path: string;
  readonly from: string;
  readonly to: string;
  readonly steps: string;
}

export interface SweepablePath {
  readonly path: string;
  readonly label: string;
  readonly unit: string;
  readonly min: number;
  readonly max: number;
}

export function sweepablePaths(s: Scenario): SweepablePath[] {
  const getAt = (path: string) => path.split('.').reduce<unknown>((v, k) => (v !== null && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined), s);
  return listParameters(s)
    .filter((p) => (p.kind === 'number' || p.kind === 'integer') && p.choices === undefined && p.inList !== true && p.path !== 'seed')
    .filter((p) => p.min !== undefined && p.max !== undefined)
    .filter((p) => p.when === undefined || getAt(p.when.path) === p.when.equals)
    .map((p) => ({ path: p.path, label: p.description || p.path, unit: p.unit, min: p.min!, max: p.max! }));
}

export type AxesRead = { ok: true; axes: SweepAxis[]; points: SweepPoint[] } | { ok: false; errors: Record<string, string> };

/** Reads the axes (field keys 'a.from', 'b.steps', ...) and checks them against the scenario. */
export function readAxes(s: Scenario, drafts: readonly AxisDraft[]): AxesRead {
  const errors: Record<string, string> = {};
  const axes: SweepAxis[] = [];
  drafts.forEach((d, i) => {
    const k = i === 0 ? 'a' : 'b';
    const from = Number(d.from);
    const to = Number(d.to);
    const steps = Number(d.steps);
    if (d.from.trim() === '' || !Number.isFinite(from)) errors[`${k}.from`] = 'must be a number';
    if (d.to.trim() === '' || !Number.isFinite(to)) errors[`${k}.to`] = 'must be a number';
    if (!Number.isInteger(steps) || steps < 2 || steps > 200) errors[`${k}.steps`] = 'must be a whole number from 2 to 200';
    axes.push({ path: d.path, from, to, steps });
  });
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  const v = validateAxes(s, axes);
  if (v.length > 0) {
    for (const e of v) {
      const i = axes.findIndex((a) => a.path === e.path);
      errors[i < 0 ? 'sweep' : `${i === 0 ? 'a' : 'b'}.path`] = `${e.path} ${e.message}`;
    }
    return { ok: false, errors };
  }
  return { ok: true, axes, points: sweepPoints(s, axes) };
}

/** The gain needs native and offload; other metrics run the scenario's own configurations. */
export function sweepConfigurations(s: Scenario, metric: SweepMetric): Configuration[] {
  if (metric === 'gain') return ['native', 'offload'];
  return [...s.configurations];
}
