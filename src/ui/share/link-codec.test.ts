import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { applyOverrides, defaultScenario, type Scenario } from '../../scenario/schema';
import { presetScenario } from '../../scenario/presets';
import { decodeLink, encodeLink, fromBase64Url, toBase64Url } from './link-codec';

function withSets(sets: string[]): Scenario {
  const r = applyOverrides(defaultScenario(), sets);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.scenario;
}

describe('share link codec', () => {
  it('round-trips the scenario, seed, configurations, A/B variant and view', () => {
    const scenario = withSets(['seed=42', 'configurations=native,offload', 'inic.iopClockMHz=1200', 'workload.kind=request-response']);
    const variant = { label: 'IOP 600 MHz', overrides: ['inic.iopClockMHz=600'] };
    const link = encodeLink({ scenario, variant, view: 'sweep' });
    expect(link.startsWith('lab=')).toBe(true);
    const back = decodeLink(`#${link}`);
    expect(back).toEqual({ ok: true, state: { scenario, variant, view: 'sweep' } });
  });

  it('round-trips the live change log, so a pasted link replays the changes at their positions', () => {
    const scenario = withSets(['configurations=native,offload', 'faults.wire.loss.model=independent']);
    const liveChanges = [
      { path: 'faults.wire.loss.rate', value: 0.01, at: [{ events: 1200, nowNanos: 350_000 }, { events: 1500, nowNanos: 351_000 }] },
      { path: 'workload.appCyclesPerByte', value: 2, at: [{ events: 4000, nowNanos: 900_000 }, { events: 4100, nowNanos: 900_000 }] },
    ];
    const back = decodeLink(encodeLink({ scenario, variant: null, view: 'charts', liveChanges }));
    expect(back).toEqual({ ok: true, state: { scenario, variant: null, view: 'charts', liveChanges } });
  });

  it('refuses a corrupt live change log with a message naming the entry', () => {
    const scenario = withSets(['configurations=native,offload', 'faults.wire.loss.model=independent']);
    const at = [{ events: 10, nowNanos: 10 }, { events: 10, nowNanos: 10 }];
    const link = (live: unknown) => `lab=${toBase64Url(JSON.stringify({ v: 1, s: { configurations: ['native', 'offload'], faults: { wire: { loss: { model: 'independent' } } } }, view: 'charts', live }))}`;
    const cases: [unknown, RegExp][] = [
      [[{ p: 'faults.wire.loss.rate', v: 0.5 }], /live change 1 is corrupt/],
      [[{ p: 'faults.wire.loss.rate', v: 0.5, at: [[1, 2]] }], /live change 1 \(at\) does not fit the scenario: must give 2 positions/],
      [[{ p: 'faults.wire.loss.rate', v: 7, at: [[1, 2], [1, 2]] }], /live change 1 \(faults.wire.loss.rate\) .*must be ≤ 1/],
      [[{ p: 'server.clockMHz', v: 3000, at: [[1, 2], [1, 2]] }], /restarts the run/],
      [[{ p: 'wire.delayUs', v: 9, at: [[5, 5], [5, 5]] }, { p: 'wire.delayUs', v: 8, at: [[4, 5], [5, 5]] }], /live change 2 \(at.0\)/],
      ['nonsense', /not a list/],
    ];
    for (const [live, message] of cases) {
      const r = decodeLink(link(live));
      expect(r?.ok).toBe(false);
      if (r && !r.ok) expect(r.error).toMatch(message);
    }
    expect(decodeLink(encodeLink({ scenario, variant: null, view: 'charts', liveChanges: [{ path: 'wire.delayUs', value: 9, at }] }))?.ok).toBe(true);
  });

  it('round-trips every preset and keeps the default scenario\'s link short', () => {
    for (const name of ['2002-gigabit', 'modern-25g']) {
      const p = presetScenario(name);
      if (!p.ok) throw new Error(name);
      const back = decodeLink(encodeLink({ scenario: p.scenario, variant: null, view: 'charts' }));
      expect(back?.ok && back.state.scenario).toEqual(p.scenario);
    }
    expect(encodeLink({ scenario: defaultScenario(), variant: null, view: 'charts' }).length).toBeLessThan(60);
  });

  it('round-trips any text through base64url, including non-ASCII', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme' }), (s) => {
      const code = toBase64Url(s);
      expect(code).toMatch(/^[A-Za-z0-9_-]*$/);
      expect(fromBase64Url(code)).toEqual({ ok: true, text: s });
    }), { numRuns: 200 });
  });

  it('ignores a hash that carries no lab state', () => {
    expect(decodeLink('')).toBeNull();
    expect(decodeLink('#section-2')).toBeNull();
  });

  it('explains a corrupt link and never throws', () => {
    const cases: [string, RegExp][] = [
      ['#lab=%%%', /characters/],
      ['#lab=eyJ2Ij', /truncated|not valid text|not JSON/],
      [`#lab=${toBase64Url('not json')}`, /not JSON/],
      [`#lab=${toBase64Url('[1,2]')}`, /not an object/],
      [`#lab=${toBase64Url('{"v":7,"s":{}}')}`, /version 7/],
      [`#lab=${toBase64Url('{"v":1,"s":{},"ab":{"label":3}}')}`, /A\/B variant/],
    ];
    for (const [hash, why] of cases) {
      const r = decodeLink(hash);
      expect(r?.ok, hash).toBe(false);
      if (r && !r.ok) {
        expect(r.error).toMatch(why);
        expect(r.error).toMatch(/default scenario is kept/);
      }
    }
    fc.assert(fc.property(fc.string(), (s) => { expect(() => decodeLink(`#lab=${s}`)).not.toThrow(); }), { numRuns: 300 });
  });

  it('names the scenario field an invalid link breaks', () => {
    const r = decodeLink(`#lab=${toBase64Url(JSON.stringify({ v: 1, s: { inic: { iopClockMHz: 1e9 } } }))}`);
    expect(r?.ok).toBe(false);
    if (r && !r.ok) {
      expect(r.error).toContain('inic.iopClockMHz must be ≤ 10000 MHz');
      expect(r.fieldErrors?.[0]?.path).toBe('inic.iopClockMHz');
    }
  });
});
