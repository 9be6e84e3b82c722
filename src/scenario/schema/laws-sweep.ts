// The LAWS curve along a 1-D sweep of any numeric scenario parameter (a cost override
// included): the gain and its bounds at each value, and where the gain crosses 1. The
// UI draws this over the simulated gain of the same sweep.

import { findCrossovers, type Crossover } from '../../model/laws';
import { applyOverride } from './override';
import type { ScenarioError } from './parse';
import type { Scenario } from './scenario-schema';
import { lawsForScenario, type LawsBaseline } from './scenario-laws';

export interface LawsSweepPoint {
  readonly x: number;
  readonly gain: number;
  /** 1 + 1/γ. */
  readonly gainBound: number;
  /** max(σ,1+γ)/max(σ,γ). */
  readonly tightGainBound: number;
  readonly offloadLoses: boolean;
  readonly limitAfter: 'wire' | 'host' | 'nic';
}

export interface LawsSweep {
  readonly path: string;
  readonly baseline: LawsBaseline;
  readonly points: LawsSweepPoint[];
  readonly crossovers: Crossover[];
}

export function lawsSweep(
  scenario: Scenario,
  path: string,
  values: readonly number[],
  baseline: LawsBaseline = 'native',
): { ok: true; sweep: LawsSweep } | { ok: false; errors: ScenarioError[] } {
  const points: LawsSweepPoint[] = [];
  for (const x of values) {
    const s = applyOverride(scenario, path, String(x));
    if (!s.ok) return s;
    const l = lawsForScenario(s.scenario, baseline);
    if (!l.ok) return l;
    const r = l.laws.result;
    points.push({ x, gain: r.gain, gainBound: r.gainBound, tightGainBound: r.tightGainBound, offloadLoses: r.offloadLoses, limitAfter: r.limitAfter });
  }
  const c = findCrossovers(points.map((p) => p.x), points.map((p) => p.gain));
  if (!c.ok) return { ok: false, errors: [{ path, message: c.error }] };
  return { ok: true, sweep: { path, baseline, points, crossovers: c.crossovers } };
}
