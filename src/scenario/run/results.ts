// What a run reports per configuration: the metrics summary and the LAWS
// companion (DESIGN.md 1.8) with its ratios derived from the scenario
// (src/scenario/schema lawsForScenario). LAWS compares a baseline with
// offload: 'native' and 'offload' read it against the native baseline,
// 'stateless' against the stateless one; `predictedGoodputBps` is the rate
// LAWS gives that configuration (B_before for a baseline, B_after for
// offload), in bits per second like goodputBps.
import type { Summary } from '../../model/metrics';
import type { Configuration, Scenario } from '../schema';
import { lawsForScenario, type LawsBaseline } from '../schema';
import type { Run } from './run';

export interface LawsCompanion {
  readonly baseline: LawsBaseline;
  readonly predictedGoodputBps: number;
  readonly gain: number;
  readonly bBeforeBps: number;
  readonly bAfterBps: number;
  readonly alpha: number;
  readonly beta: number;
  readonly gamma: number;
  readonly sigma: number;
  readonly p: number;
  readonly gainBound: number;
  readonly tightGainBound: number;
  readonly offloadLoses: boolean;
  readonly hostFillsWire: boolean;
  readonly limitBefore: 'wire' | 'host';
  readonly limitAfter: 'wire' | 'host' | 'nic';
}

export type ConfigurationResult = Summary & {
  readonly configuration: Configuration;
  readonly simTimeNs: number;
  readonly laws: LawsCompanion | { readonly error: string };
};

export interface RunResults {
  readonly scenario: string;
  readonly seed: number;
  readonly durationMs: number;
  readonly configurations: ConfigurationResult[];
}

export function lawsCompanion(s: Scenario, c: Configuration): LawsCompanion | { error: string } {
  const baseline: LawsBaseline = c === 'stateless' ? 'stateless' : 'native';
  const l = lawsForScenario(s, baseline);
  if (!l.ok) return { error: l.errors.map((e) => `${e.path}: ${e.message}`).join('; ') };
  const r = l.laws.result;
  return {
    baseline,
    predictedGoodputBps: (c === 'offload' ? r.bAfter : r.bBefore) * 8,
    gain: r.gain,
    bBeforeBps: r.bBefore * 8,
    bAfterBps: r.bAfter * 8,
    alpha: r.alpha,
    beta: r.beta,
    gamma: r.gamma,
    sigma: r.sigma,
    p: r.inputs.p,
    gainBound: r.gainBound,
    tightGainBound: r.tightGainBound,
    offloadLoses: r.offloadLoses,
    hostFillsWire: r.hostFillsWire,
    limitBefore: r.limitBefore,
    limitAfter: r.limitAfter,
  };
}

/** Results of every configuration at the run's current time (final once the run is done). */
export function runResults(run: Run): RunResults {
  const s = run.scenario;
  return {
    scenario: s.name,
    seed: s.seed,
    durationMs: s.durationMs,
    configurations: run.worlds.map((w) => ({
      configuration: w.configuration,
      simTimeNs: w.sim.now,
      ...w.metrics.summary(),
      laws: lawsCompanion(s, w.configuration),
    })),
  };
}
