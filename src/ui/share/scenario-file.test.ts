import { describe, expect, it } from 'vitest';
import { applyOverrides, defaultScenario, type Scenario } from '../../scenario/schema';
import type { LiveChange } from '../../scenario/run';
import { readScenarioFile, scenarioFileName, scenarioFileText } from './scenario-file';

describe('scenario files', () => {
  it('exports a scenario that imports back unchanged', () => {
    const s = { ...defaultScenario(), name: 'my web test', seed: 7 };
    const r = readScenarioFile('x.json', scenarioFileText(s));
    expect(r).toEqual({ ok: true, scenario: s, liveChanges: [] });
    expect(JSON.parse(scenarioFileText(s))).not.toHaveProperty('liveChanges');
    expect(scenarioFileName(s)).toBe('my-web-test.scenario.json');
  });

  it('names every offending field of a malformed file', () => {
    const r = readScenarioFile('bad.json', JSON.stringify({ wire: { bandwidthMbps: -5 }, nic: { tso: 'yes' }, nope: 1 }));
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.summary).toBe('bad.json is not a valid scenario (3 problems); the current scenario is kept.');
      expect(r.errors.map((e) => e.path).sort()).toEqual(['nic.tso', 'nope', 'wire.bandwidthMbps']);
    }
  });

  it('says when a file is not JSON at all', () => {
    const r = readScenarioFile('notes.txt', 'hello');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]!.message).toMatch(/is not valid JSON/);
  });

  it('carries the live change log and reads it back with the same scenario', () => {
    const s = lossy();
    const text = scenarioFileText(s, LOG);
    expect(JSON.parse(text).liveChanges).toEqual([
      { path: 'faults.wire.loss.rate', value: 0.01, at: [{ events: 100, nowNanos: 5_000_000 }, { events: 107, nowNanos: 5_000_000 }] },
      { path: 'wire.delayUs', value: 40, at: [{ events: 300, nowNanos: 9_000_000 }, { events: 307, nowNanos: 9_000_000 }] },
    ]);
    expect(readScenarioFile('run.json', text)).toEqual({ ok: true, scenario: s, liveChanges: LOG });
  });

  it('refuses a file whose live change log is corrupt, naming the entry', () => {
    const s = lossy();
    const body = JSON.parse(scenarioFileText(s, LOG)) as { liveChanges: Record<string, unknown>[] };
    const cases: [unknown, RegExp, string][] = [
      [[LOG[0], { ...body.liveChanges[1], value: 1e9 }], /live change 2 \(wire\.delayUs\) wire\.delayUs must be ≤/, 'liveChanges.1.wire.delayUs'],
      [[{ ...body.liveChanges[0], path: 'inic.iopClockMHz', value: 1200 }], /live change 1 \(inic\.iopClockMHz\).*restarts the run/, 'liveChanges.0.inic.iopClockMHz'],
      [[{ ...body.liveChanges[0], at: [{ events: 1, nowNanos: 2 }] }], /live change 1 .*must give 2 positions/, 'liveChanges.0.at'],
      [[{ ...body.liveChanges[0], at: [{ events: 'x' }, {}] }], /live change 1 .*at\.0 must be \{ events, nowNanos \}/, 'liveChanges.0.at.0'],
      [[body.liveChanges[1], { ...body.liveChanges[0], path: 'wire.delayUs' }], /live change 2 .*must not lie before the previous/, 'liveChanges.1.at.0'],
      [[{ value: 1 }], /live change 1 must be \{ path, value, at/, 'liveChanges.0'],
      ['oops', /liveChanges must be a list/, 'liveChanges'],
    ];
    for (const [log, why, path] of cases) {
      const r = readScenarioFile('run.json', JSON.stringify({ ...body, liveChanges: log }));
      expect(r.ok, JSON.stringify(log)).toBe(false);
      if (!r.ok) {
        expect(r.summary).toMatch(/^run\.json has a corrupt live change log: /);
        expect(r.summary).toMatch(why);
        expect(r.summary).toMatch(/the current scenario is kept\.$/);
        expect(r.errors.map((e) => e.path)).toEqual([path]);
      }
    }
  });
});

const LOG: LiveChange[] = [
  { path: 'faults.wire.loss.rate', value: 0.01, at: [{ events: 100, nowNanos: 5_000_000 }, { events: 107, nowNanos: 5_000_000 }] },
  { path: 'wire.delayUs', value: 40, at: [{ events: 300, nowNanos: 9_000_000 }, { events: 307, nowNanos: 9_000_000 }] },
];

function lossy(): Scenario {
  const r = applyOverrides(defaultScenario(), ['configurations=native,offload', 'faults.wire.loss.model=independent', 'faults.wire.loss.rate=0']);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.scenario;
}
