import { describe, expect, it } from 'vitest';
import { scenarioDiff } from './diff';
import { applyOverrides } from './override';
import { defaultScenario, parseScenario } from './parse';

function withSets(sets: string[]) {
  const r = applyOverrides(defaultScenario(), sets);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.scenario;
}

describe('scenarioDiff', () => {
  it('is empty for the defaults', () => {
    expect(scenarioDiff(defaultScenario())).toEqual({});
  });

  it('keeps only what differs, and parses back to the same scenario', () => {
    const cases = [
      ['nic.tso=true', 'seed=9'],
      ['bus.kind=pcie', 'bus.lanes=16'],
      ['workload.kind=request-response', 'workload.fileSize.meanBytes=4096'],
      ['workload.messageBytes=1024'],
      ['faults.wire.loss.model=independent', 'faults.wire.linkDown=[{"atMs":5,"forMs":1}]'],
      ['costs.host.copy.cyclesPerByte=1.5', 'configurations=native,offload'],
    ];
    for (const sets of cases) {
      const s = withSets(sets);
      const d = scenarioDiff(s);
      const again = parseScenario(d);
      expect(again.ok && again.scenario, sets.join(' ')).toEqual(s);
    }
    expect(scenarioDiff(withSets(['nic.tso=true', 'seed=9']))).toEqual({ seed: 9, nic: { tso: true } });
    expect(scenarioDiff(withSets(['workload.messageBytes=1024']))).toEqual({ workload: { kind: 'bulk', messageBytes: 1024 } });
  });
});
