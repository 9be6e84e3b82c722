import { describe, expect, it } from 'vitest';
import { applyOverride, applyOverrides } from './override';
import { defaultScenario, parseScenario, scenarioToJson } from './parse';
import type { Scenario } from './scenario-schema';

function ok(r: ReturnType<typeof applyOverride>): Scenario {
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.scenario;
}

describe('applyOverride (--set path=value)', () => {
  const base = defaultScenario();

  it('coerces booleans, numbers and choices from text', () => {
    expect(ok(applyOverride(base, 'nic.tso', 'true')).nic.tso).toBe(true);
    expect(ok(applyOverride(base, 'nic.tso', 'off')).nic.tso).toBe(false);
    expect(ok(applyOverride(base, 'inic.iopClockMHz', '200')).inic.iopClockMHz).toBe(200);
    expect(ok(applyOverride(base, 'wire.bandwidthMbps', '1e4')).wire.bandwidthMbps).toBe(10_000);
    expect(ok(applyOverride(base, 'tcp.congestionControl', 'reno')).tcp.congestionControl).toBe('reno');
    expect(ok(applyOverride(base, 'configurations', 'native,offload')).configurations).toEqual(['native', 'offload']);
  });

  it('leaves the input scenario untouched', () => {
    applyOverride(base, 'nic.tso', 'true');
    expect(base.nic.tso).toBe(false);
  });

  it('switches a variant and fills the new variant\'s defaults', () => {
    const s = ok(applyOverride(base, 'bus.kind', 'pcie'));
    expect(s.bus).toEqual({ kind: 'pcie', gen: 3, lanes: 8 });
    const w = ok(applyOverride(ok(applyOverride(base, 'workload.kind', 'request-response')), 'workload.fileSize.meanBytes', '4096'));
    expect(w.workload.kind === 'request-response' && w.workload.fileSize.meanBytes).toBe(4096);
    const c = ok(applyOverride(base, 'nic.coalescing.mode', 'adaptive'));
    expect(c.nic.coalescing).toEqual({ mode: 'adaptive', lowestLatencyIntsPerSec: 100_000, lowLatencyIntsPerSec: 20_000, bulkIntsPerSec: 8_000 });
  });

  it('sets a field of the chosen variant that shares its name with other variants', () => {
    const s = ok(applyOverride(base, 'workload.messageBytes', '1024'));
    expect(s.workload.messageBytes).toBe(1024);
  });

  it('refuses a field of a variant that is not chosen, naming the variant it needs', () => {
    expect(applyOverride(base, 'bus.lanes', '4')).toEqual({ ok: false, errors: [{ path: 'bus.lanes', message: "applies only when bus.kind is 'pcie' (it is 'pci-x')" }] });
  });

  it('refuses unknown paths and suggests the nearest', () => {
    expect(applyOverride(base, 'nic.tsoo', 'true')).toEqual({ ok: false, errors: [{ path: 'nic.tsoo', message: "is not a known parameter (did you mean 'nic.tso'?)" }] });
    const r = applyOverride(base, 'frobnicate', '1');
    expect(r.ok === false && r.errors[0]!.message).toBe('is not a known parameter');
  });

  it('gives clear errors for values of the wrong type and out of range', () => {
    expect(applyOverride(base, 'nic.tso', 'maybe')).toEqual({ ok: false, errors: [{ path: 'nic.tso', message: "must be true or false, got 'maybe'" }] });
    expect(applyOverride(base, 'wire.mtuBytes', 'big')).toEqual({ ok: false, errors: [{ path: 'wire.mtuBytes', message: "must be a number (B), got 'big'" }] });
    expect(applyOverride(base, 'wire.mtuBytes', '20000')).toEqual({ ok: false, errors: [{ path: 'wire.mtuBytes', message: 'must be ≤ 9216 B' }] });
    expect(applyOverride(base, 'bus.widthBits', '48')).toEqual({ ok: false, errors: [{ path: 'bus.widthBits', message: 'must be one of 32 | 64 bit' }] });
  });

  it('puts cost parameters into costs.overrides and checks them against the tables', () => {
    const s = ok(applyOverride(base, 'costs.host.copy.cyclesPerByte', '2'));
    expect(s.costs.overrides).toEqual({ 'host.copy.cyclesPerByte': 2 });
    expect(ok(applyOverride(base, 'costs.overrides.iop.ipcFactor', '2')).costs.overrides).toEqual({ 'iop.ipcFactor': 2 });
    const bad = applyOverride(base, 'costs.host.copy.cyclesPerBite', '2');
    expect(bad.ok === false && bad.errors[0]).toEqual({ path: 'costs.host.copy.cyclesPerBite', message: "is not a known cost parameter (did you mean 'costs.host.copy.cyclesPerByte'?)" });
    expect(ok(applyOverride(base, 'costs.hostProfile', 'x86-2020')).costs.hostProfile).toBe('x86-2020');
  });

  it('sets fault windows as JSON lists', () => {
    const s = ok(applyOverride(base, 'faults.wire.linkDown', '[{"atMs":100,"forMs":5}]'));
    expect(s.faults.wire.linkDown).toEqual([{ atMs: 100, forMs: 5 }]);
    const bad = applyOverride(base, 'faults.card.poolExhaustion', '[{"pool":"both","atMs":1,"forMs":1}]');
    expect(bad.ok === false && bad.errors[0]!.path).toBe('faults.card.poolExhaustion.0.pool');
  });

  it('applies a list of path=value strings in order and rejects one without "="', () => {
    const s = applyOverrides(base, ['workload.kind=storage', 'workload.op=write', 'seed=7']);
    expect(s.ok && [s.scenario.workload.kind, s.scenario.seed]).toEqual(['storage', 7]);
    expect(applyOverrides(base, ['nic.tso'])).toEqual({ ok: false, errors: [{ path: 'nic.tso', message: 'must be written path=value (e.g. nic.tso=true)' }] });
  });

  it('produces scenarios that survive a JSON round trip', () => {
    const s = ok(applyOverride(ok(applyOverride(base, 'faults.wire.loss.model', 'gilbert-elliott')), 'faults.wire.loss.lossInBad', '0.25'));
    const again = parseScenario(JSON.parse(scenarioToJson(s)));
    expect(again.ok && again.scenario).toEqual(s);
  });
});
