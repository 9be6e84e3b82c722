import { describe, expect, it } from 'vitest';
import { applyOverride, defaultScenario } from '../../scenario/schema';
import { changedParameters } from './config-lines';

describe('the configuration disclosure', () => {
  it('lists every parameter changed from the defaults as path and value', () => {
    const r = applyOverride(defaultScenario(), 'inic.iopClockMHz', '100');
    expect(r.ok).toBe(true);
    if (r.ok) expect(changedParameters(r.scenario)).toEqual([{ path: 'inic.iopClockMHz', value: '100' }]);
  });
  it('lists nothing for the defaults', () => {
    expect(changedParameters(defaultScenario())).toEqual([]);
  });
});
