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

describe('LAWS along a sweep', () => {
  it('finds the IOP clock below which offload loses on a communication-bound 2002 host', async () => {
    const { lawsSweep } = await import('./laws-sweep');
    const r = lawsSweep(defaultScenario(), 'inic.iopClockMHz', [100, 200, 300, 400, 500, 600, 800]);
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    const c = r.sweep.crossovers;
    console.log(`LAWS sweep of inic.iopClockMHz: gains ${r.sweep.points.map((p) => p.gain.toFixed(2)).join(' ')}; crossover ${c.map((x) => `${x.x.toFixed(0)} MHz (${x.direction})`).join(', ')}`);
    expect(c).toHaveLength(1);
    expect(c[0]!.direction).toBe('gains');
    expect(c[0]!.x).toBeGreaterThan(300);
    expect(c[0]!.x).toBeLessThan(600);
    for (const p of r.sweep.points) expect(p.gain).toBeLessThanOrEqual(1 + 1e-12);
  });

  it('reports a bad sweep path as an error naming it', async () => {
    const { lawsSweep } = await import('./laws-sweep');
    const r = lawsSweep(defaultScenario(), 'inic.iopClock', [100]);
    expect(r.ok === false && r.errors[0]!.path).toBe('inic.iopClock');
  });
});
