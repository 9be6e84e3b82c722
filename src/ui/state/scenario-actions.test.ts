import { beforeEach, describe, expect, it } from 'vitest';
import { encodeLink, toBase64Url } from '../share/link-codec';
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
});
