import { describe, expect, it } from 'vitest';
import { applyOverride, applyOverrides, defaultScenario, type Scenario } from '../../scenario/schema';
import { presetScenario } from '../../scenario/presets';
import { changedParameters, editedFrom } from './config-lines';

function withSets(base: Scenario, sets: string[]): Scenario {
  const r = applyOverrides(base, sets);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.scenario;
}

function preset(name: string): Scenario {
  const p = presetScenario(name);
  if (!p.ok) throw new Error(name);
  return p.scenario;
}

describe('the configuration disclosure', () => {
  it('lists every parameter changed from the defaults as path and value', () => {
    const r = applyOverride(defaultScenario(), 'inic.iopClockMHz', '100');
    expect(r.ok).toBe(true);
    if (r.ok) expect(changedParameters(r.scenario)).toEqual([{ path: 'inic.iopClockMHz', value: '100' }]);
  });
  it('lists nothing for the defaults', () => {
    expect(changedParameters(defaultScenario())).toEqual([]);
  });
  it('lists only the message size when only the message size changed, not the workload kind the diff keeps to parse back', () => {
    expect(changedParameters(withSets(defaultScenario(), ['workload.messageBytes=1024'])))
      .toEqual([{ path: 'workload.messageBytes', value: '1024' }]);
  });
  it('lists the workload kind when the workload is another kind than the default', () => {
    const lines = changedParameters(withSets(defaultScenario(), ['workload.kind=request-response']));
    expect(lines).toContainEqual({ path: 'workload.kind', value: 'request-response' });
  });
  it('names the preset an edited scenario came from and how many parameters differ', () => {
    expect(editedFrom(withSets(preset('2002-gigabit'), ['workload.messageBytes=1024']))).toEqual({ preset: '2002-gigabit', changes: 1 });
    expect(editedFrom(withSets(preset('modern-25g'), ['inic.iopClockMHz=100', 'workload.messageBytes=1024'])))
      .toEqual({ preset: 'modern-25g', changes: 2 });
  });
});
