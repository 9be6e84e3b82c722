import { describe, expect, it } from 'vitest';
import { defaultScenario, parseScenario, scenarioToJson } from './parse';

function errorsOf(input: unknown) {
  const r = parseScenario(input);
  expect(r.ok).toBe(false);
  return r.ok ? [] : r.errors;
}

describe('parseScenario', () => {
  it('fills every default from an empty object, from undefined and from JSON text', () => {
    const a = parseScenario({});
    const b = parseScenario(undefined);
    const c = parseScenario('{}');
    expect(a.ok && b.ok && c.ok).toBe(true);
    if (!a.ok || !b.ok || !c.ok) return;
    expect(a.scenario).toEqual(b.scenario);
    expect(a.scenario).toEqual(c.scenario);
    expect(a.scenario.server.clockMHz).toBe(2400);
    expect(a.scenario.bus).toEqual({ kind: 'pci-x', widthBits: 64, clockMHz: 133 });
    expect(a.scenario.workload.kind).toBe('bulk');
    expect(a.scenario.configurations).toEqual(['native', 'stateless', 'offload']);
  });

  it('names the path and the rule of a value out of range', () => {
    expect(errorsOf({ workload: { kind: 'request-response', messageBytes: 70_000 } })).toEqual([
      { path: 'workload.messageBytes', message: 'must be ≤ 65536 B' },
    ]);
    expect(errorsOf({ wire: { mtuBytes: 100 } })).toEqual([{ path: 'wire.mtuBytes', message: 'must be ≥ 576 B' }]);
    expect(errorsOf({ seed: -1, faults: { wire: { corruptionRate: 2 } } })).toEqual([
      { path: 'seed', message: 'must be ≥ 0' },
      { path: 'faults.wire.corruptionRate', message: 'must be ≤ 1' },
    ]);
  });

  it('names unknown keys as unknown parameters at their full path', () => {
    expect(errorsOf({ nic: { tsoo: true } })).toEqual([{ path: 'nic.tsoo', message: 'is not a known parameter' }]);
  });

  it('names wrong types, fractional counts, bad choices and bad variants', () => {
    expect(errorsOf({ wire: { mtuBytes: '1500' } })).toEqual([{ path: 'wire.mtuBytes', message: 'must be a number (B)' }]);
    expect(errorsOf({ server: { cores: 1.5 } })).toEqual([{ path: 'server.cores', message: 'must be a whole number of cores' }]);
    expect(errorsOf({ tcp: { congestionControl: 'cubic' } })).toEqual([{ path: 'tcp.congestionControl', message: "must be one of 'newreno' | 'reno'" }]);
    expect(errorsOf({ bus: { kind: 'isa' } })).toEqual([{ path: 'bus.kind', message: "must be one of 'pci' | 'pci-x' | 'pcie'" }]);
    expect(errorsOf({ bus: { kind: 'pcie', lanes: 3 } })).toEqual([{ path: 'bus.lanes', message: 'must be one of 1 | 2 | 4 | 8 | 16 lanes' }]);
    expect(errorsOf({ nic: 5 })).toEqual([{ path: 'nic', message: 'must be an object (got number)' }]);
  });

  it('reports every broken rule at once, including cross-field rules', () => {
    const e = errorsOf({ durationMs: 50, warmupMs: 60, inic: { receiveBuckets: 10, repostThreshold: 20 }, configurations: ['native', 'native'] });
    expect(e).toContainEqual({ path: 'warmupMs', message: 'must be < durationMs (50 ms)' });
    expect(e).toContainEqual({ path: 'inic.repostThreshold', message: 'must be ≤ inic.receiveBuckets (10)' });
    expect(e).toContainEqual({ path: 'configurations', message: 'must not repeat a configuration' });
    expect(errorsOf({ configurations: [] })).toEqual([{ path: 'configurations', message: 'must name at least one configuration' }]);
  });

  it('checks cost overrides against the tables', () => {
    expect(errorsOf({ costs: { overrides: { 'host.tcpRx.fixedCycles': 5, 'host.copy.cyclesPerByte': 500 } } })).toEqual([
      { path: 'costs.overrides.host.tcpRx.fixedCycles', message: "unknown cost parameter 'host.tcpRx.fixedCycles'" },
      { path: 'costs.overrides.host.copy.cyclesPerByte', message: 'must be between 0 and 100 cycles/B' },
    ]);
  });

  it('rejects text that is not JSON with a message rather than an exception', () => {
    const e = errorsOf('{"seed": ');
    expect(e).toHaveLength(1);
    expect(e[0]!.path).toBe('');
    expect(e[0]!.message).toMatch(/^is not valid JSON/);
  });

  it('round-trips through JSON text unchanged', () => {
    const s = defaultScenario();
    const again = parseScenario(scenarioToJson(s));
    expect(again.ok && again.scenario).toEqual(s);
  });
});
