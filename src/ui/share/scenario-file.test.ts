import { describe, expect, it } from 'vitest';
import { defaultScenario } from '../../scenario/schema';
import { readScenarioFile, scenarioFileName, scenarioFileText } from './scenario-file';

describe('scenario files', () => {
  it('exports a scenario that imports back unchanged', () => {
    const s = { ...defaultScenario(), name: 'my web test', seed: 7 };
    const r = readScenarioFile('x.json', scenarioFileText(s));
    expect(r).toEqual({ ok: true, scenario: s });
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
});
