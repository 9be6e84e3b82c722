// The card's part of each socket buffer (inic.cardBufferSharePercent) is a
// scenario parameter like every other: a unit, a range, a default of 50 (the
// even split the model always used) with its source marked as an estimate,
// applied by restart, and out-of-range values named with the rule they break.
import { describe, expect, it } from 'vitest';
import { CARD_BUFFER_SHARE } from '../../model/offload/config';
import { applyOverride } from './override';
import { listParameters } from './parameters';
import { defaultScenario, parseScenario } from './parse';

function errorsOf(input: unknown) {
  const r = parseScenario(input);
  return r.ok ? [] : r.errors;
}

const PATH = 'inic.cardBufferSharePercent';

describe('the card buffer share parameter', () => {
  it('lists inic.cardBufferSharePercent in the inic group in %, 10-90, restart, with its estimate and why', () => {
    const p = listParameters().find((x) => x.path === PATH);
    expect(p, PATH).toBeDefined();
    if (p === undefined) return;
    expect([p.group, p.kind, p.unit, p.min, p.max, p.default, p.apply]).toEqual(['inic', 'integer', '%', 10, 90, 50, 'restart']);
    expect(p.source?.tag).toBe('estimate');
    expect(p.source?.id).toBe('lab');
    expect(p.source?.why).toContain('the article does not give how the prototype divided socket buffer memory');
    expect(p.source?.why).toContain('half is an even split between the two places data waits');
    expect(p.description).toContain("card's TCP socket");
    expect(p.description).toContain('SO_SNDBUF');
  });

  it('defaults to the value the OSM divides buffers with, an even split', () => {
    const s = defaultScenario();
    expect(s.inic.cardBufferSharePercent).toBe(CARD_BUFFER_SHARE.value);
    expect(s.inic.cardBufferSharePercent).toBe(50);
  });

  it('names the path and the rule of a share out of range, fractional or not a number', () => {
    expect(errorsOf({ inic: { cardBufferSharePercent: 5 } })).toEqual([{ path: PATH, message: 'must be ≥ 10 %' }]);
    expect(errorsOf({ inic: { cardBufferSharePercent: 95 } })).toEqual([{ path: PATH, message: 'must be ≤ 90 %' }]);
    expect(errorsOf({ inic: { cardBufferSharePercent: 62.5 } })).toEqual([{ path: PATH, message: 'must be a whole number of %' }]);
    expect(errorsOf({ inic: { cardBufferSharePercent: '75' } })).toEqual([{ path: PATH, message: 'must be a number (%)' }]);
  });

  it('takes a share by path, as the CLI and the controls set it, and refuses one outside the range', () => {
    const r = applyOverride(defaultScenario(), PATH, '75');
    expect(r.ok && r.scenario.inic.cardBufferSharePercent).toBe(75);
    for (const edge of ['10', '90']) expect(applyOverride(defaultScenario(), PATH, edge).ok, edge).toBe(true);
    const bad = applyOverride(defaultScenario(), PATH, '100');
    expect(bad.ok ? [] : bad.errors).toEqual([{ path: PATH, message: 'must be ≤ 90 %' }]);
  });
});
