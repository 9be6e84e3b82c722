import { describe, expect, it } from 'vitest';
import { applyOverrides } from './override';
import { defaultScenario } from './parse';
import { lawsForScenario } from './scenario-laws';
import type { Scenario } from './scenario-schema';

function withSets(sets: string[]): Scenario {
  const r = applyOverrides(defaultScenario(), sets);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.scenario;
}

function lawsOf(s: Scenario, baseline: 'native' | 'stateless' = 'native') {
  const r = lawsForScenario(s, baseline);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.laws;
}

describe('LAWS derived from a scenario', () => {
  it('says the 2002 host fills the gigabit wire on bulk send, so offload can at best tie', () => {
    const l = lawsOf(defaultScenario());
    const r = l.result;
    console.log(`2002 bulk send: a=${r.inputs.a.toFixed(2)} cycles/B, o=${r.inputs.o}, p=${r.inputs.p.toFixed(3)}, α=${r.alpha.toFixed(2)}, β=${r.beta.toFixed(3)}, γ=${r.gamma}, σ=${r.sigma.toFixed(2)}, gain=${r.gain.toFixed(3)}`);
    expect(r.hostFillsWire).toBe(true);
    expect(r.gain).toBeCloseTo(1, 9);
  });

  it('predicts a loss for a 200 MHz IOP on a communication-bound workload', () => {
    const r = lawsOf(withSets(['inic.iopClockMHz=200'])).result;
    expect(r.offloadLoses).toBe(true);
    expect(r.limitAfter).toBe('nic');
  });

  it('predicts a gain, within 1 + 1/γ, once the application keeps the host busy', () => {
    const r = lawsOf(withSets(['workload.appCyclesPerByte=20'])).result;
    console.log(`2002 bulk send with 20 app cycles/B: gain ${r.gain.toFixed(3)} (bound ${r.gainBound.toFixed(3)})`);
    expect(r.gain).toBeGreaterThan(1.1);
    expect(r.gain).toBeLessThanOrEqual(r.gainBound);
  });

  it('shrinks the share offload removes when the baseline already has stateless offloads', () => {
    const s = withSets(['nic.tso=true', 'nic.gro=true', 'workload.appCyclesPerByte=20']);
    const native = lawsOf(s, 'native').derivation;
    const stateless = lawsOf(s, 'stateless').derivation;
    expect(stateless.nativeHostCyclesPerByte).toBeLessThan(native.nativeHostCyclesPerByte);
    expect(stateless.inputs.p).toBeLessThan(native.inputs.p);
  });

  it('derives inputs for every workload kind', () => {
    for (const kind of ['bulk', 'request-response', 'storage', 'churn', 'udp-stream']) {
      const l = lawsOf(withSets([`workload.kind=${kind}`]));
      expect(Number.isFinite(l.result.gain), kind).toBe(true);
      expect(l.result.gain, kind).toBeGreaterThan(0);
    }
  });
});
