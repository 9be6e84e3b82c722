import { beforeEach, describe, expect, it } from 'vitest';
import type { LiveChange } from '../../scenario/run';
import { encodeLink, pageWorldCount, toBase64Url } from '../share/link-codec';
import { scenarioFileText } from '../share/scenario-file';
import { scenarioShownHere } from './in-force';
import { applyLinkHash, importScenarioText, loadPreset, setParameter } from './scenario-actions';
import { initialLabState, labStore } from './store';

beforeEach(() => labStore.setState(initialLabState(), true));

describe('scenario actions', () => {
  it('accepts a valid edit, bumps the version and forgets the preset name', () => {
    const v = labStore.getState().scenarioVersion;
    expect(setParameter('inic.iopClockMHz', '1200')).toBe(true);
    const s = labStore.getState();
    expect(s.scenario.inic.iopClockMHz).toBe(1200);
    expect(s.scenarioVersion).toBe(v + 1);
    expect(s.presetName).toBeNull();
  });

  it('refuses an out-of-range value with the reason beside the field and the scenario intact', () => {
    const before = labStore.getState().scenario;
    expect(setParameter('inic.iopClockMHz', '99999')).toBe(false);
    const s = labStore.getState();
    expect(s.scenario).toBe(before);
    expect(s.fieldErrors['inic.iopClockMHz']).toBe('must be ≤ 10000 MHz');
    expect(setParameter('inic.iopClockMHz', 'fast')).toBe(false);
    expect(labStore.getState().fieldErrors['inic.iopClockMHz']).toMatch(/must be a number/);
    expect(setParameter('inic.iopClockMHz', '800')).toBe(true);
    expect(labStore.getState().fieldErrors['inic.iopClockMHz']).toBeUndefined();
  });

  it('names the other field a cross-field rule involves', () => {
    expect(setParameter('warmupMs', '5000')).toBe(false);
    expect(labStore.getState().fieldErrors.warmupMs).toMatch(/must be < durationMs/);
  });

  it('loads a preset and says so when the name is unknown', () => {
    expect(loadPreset('modern-25g')).toBe(true);
    expect(labStore.getState().scenario.wire.bandwidthMbps).toBe(25_000);
    expect(loadPreset('nope')).toBe(false);
    expect(labStore.getState().notice?.text).toMatch(/unknown preset/);
    expect(labStore.getState().scenario.wire.bandwidthMbps).toBe(25_000);
  });

  it('applies a good link and keeps the scenario on a corrupt one', () => {
    setParameter('seed', '5');
    const good = encodeLink({ scenario: labStore.getState().scenario, variant: { label: 'B', overrides: ['inic.iopClockMHz=1200'] }, view: 'sweep' });
    labStore.setState(initialLabState(), true);
    expect(applyLinkHash(`#${good}`)).toBe('applied');
    expect(labStore.getState().scenario.seed).toBe(5);
    expect(labStore.getState().view).toBe('sweep');
    expect(labStore.getState().variant?.label).toBe('B');
    const before = labStore.getState().scenario;
    expect(applyLinkHash(`#lab=${toBase64Url('{"v":1,"s":{"wire":{"bandwidthMbps":"x"}}}')}`)).toBe('rejected');
    expect(labStore.getState().scenario).toBe(before);
    expect(labStore.getState().notice?.kind).toBe('error');
    expect(applyLinkHash('#other')).toBe('none');
  });

  it('imports a file, or keeps the scenario and lists the file\'s field errors', () => {
    const before = labStore.getState().scenario;
    expect(importScenarioText('bad.json', '{"tcp":{"mss":-1}}')).toBe(false);
    expect(labStore.getState().scenario).toBe(before);
    expect(labStore.getState().notice?.details?.length).toBeGreaterThan(0);
    expect(labStore.getState().fieldErrors['tcp.mss']).toMatch(/in bad.json$/);
    expect(importScenarioText('ok.json', '{"seed":3}')).toBe(true);
    expect(labStore.getState().scenario.seed).toBe(3);
  });

  it('imports an exported file with its live change log, which replays; a corrupt log leaves scenario and log intact', () => {
    const scenario = labStore.getState().scenario;
    const n = pageWorldCount(scenario);
    const log: LiveChange[] = [{ path: 'wire.delayUs', value: 40, at: Array.from({ length: n }, () => ({ events: 100, nowNanos: 5_000_000 })) }];
    const text = scenarioFileText(scenario, log);
    labStore.setState(initialLabState(), true);
    const v = labStore.getState().scenarioVersion;
    expect(importScenarioText('run.json', text)).toBe(true);
    let s = labStore.getState();
    expect(s.scenarioVersion).toBe(v + 1);
    expect(s.scenario).toEqual(scenario);
    expect(s.liveChanges).toEqual(log);
    expect(scenarioShownHere(s).wire.delayUs).toBe(40);
    expect(s.notice?.text).toBe('Loaded run.json with 1 live change.');

    const corrupt = text.replace('"value": 40', '"value": -3');
    expect(importScenarioText('bad.json', corrupt)).toBe(false);
    s = labStore.getState();
    expect(s.scenarioVersion).toBe(v + 1);
    expect(s.liveChanges).toEqual(log);
    expect(s.notice?.kind).toBe('error');
    expect(s.notice?.text).toMatch(/^bad\.json has a corrupt live change log: live change 1 \(wire\.delayUs\)/);
    expect(Object.keys(s.fieldErrors)).toEqual([]);
  });

  it('after a rewind, an edit starts from the values in force there, not from changes ahead', () => {
    const scenario = labStore.getState().scenario;
    const n = pageWorldCount(scenario);
    const at = (events: number, ms: number) => Array.from({ length: n }, () => ({ events, nowNanos: ms * 1e6 }));
    const log: LiveChange[] = [{ path: 'wire.delayUs', value: 40, at: at(100, 5) }, { path: 'wire.delayUs', value: 80, at: at(200, 9) }];
    expect(importScenarioText('run.json', scenarioFileText(scenario, log))).toBe(true);
    // The page stands between the two changes (as after Back).
    const live = { figures: { worlds: at(150, 7).map((position) => ({ position })) } } as unknown as NonNullable<ReturnType<typeof labStore.getState>['live']>;
    labStore.setState({ live });
    expect(scenarioShownHere(labStore.getState()).wire.delayUs).toBe(40);
    // No model runs here, so the edit restarts: from the scenario in force, without the change ahead.
    expect(setParameter('inic.iopClockMHz', '1200')).toBe(true);
    const s = labStore.getState();
    expect(s.scenario.wire.delayUs).toBe(40);
    expect(s.scenario.inic.iopClockMHz).toBe(1200);
    expect(s.liveChanges).toEqual([]);
  });
});
