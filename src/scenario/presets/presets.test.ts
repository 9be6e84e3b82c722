import { describe, expect, it } from 'vitest';
import { HOST_OPS, nativeReceivePerSegment, nativeSendPerSegment, resolveHostCosts } from '../../model/costs';
import { costTablesForScenario, defaultScenario, listParameters, nativeOptionsForScenario, parseScenario, scenarioToJson, type Scenario } from '../schema';
import { getPreset, listPresets, presetScenario, presetValueSource, PRESETS } from './registry';

function scenarioOf(name: string): Scenario {
  const r = presetScenario(name);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.scenario;
}

function leaves(o: unknown, prefix = ''): Map<string, unknown> {
  const out = new Map<string, unknown>();
  if (o !== null && typeof o === 'object' && !Array.isArray(o)) {
    for (const [k, v] of Object.entries(o)) for (const [p, x] of leaves(v, prefix === '' ? k : `${prefix}.${k}`)) out.set(p, x);
  } else out.set(prefix, o);
  return out;
}

describe('presets', () => {
  it('are listed by name with a title and a description', () => {
    const l = listPresets();
    expect(l.map((p) => p.name)).toEqual(['2002-gigabit', 'modern-25g']);
    for (const p of l) {
      expect(p.title.length).toBeGreaterThan(10);
      expect(p.description.length).toBeGreaterThan(80);
    }
  });

  it('all validate, and round-trip through JSON', () => {
    for (const p of PRESETS) {
      const s = scenarioOf(p.name);
      expect(s.name).toBe(p.name);
      const again = parseScenario(scenarioToJson(s));
      expect(again.ok && again.scenario).toEqual(s);
    }
  });

  it('describe the machines the issue names', () => {
    const old = scenarioOf('2002-gigabit');
    expect([old.server.cores, old.server.clockMHz, old.wire.bandwidthMbps, old.inic.iopClockMHz]).toEqual([1, 2400, 1000, 600]);
    expect(old.bus).toEqual({ kind: 'pci-x', widthBits: 64, clockMHz: 133 });
    expect([old.nic.tso, old.nic.lro, old.nic.gso, old.nic.gro, old.nic.coalesceNative]).toEqual([false, false, false, false, false]);
    const modern = scenarioOf('modern-25g');
    expect([modern.server.clockMHz, modern.wire.bandwidthMbps, modern.nic.tso, modern.nic.gro]).toEqual([3000, 25_000, true, true]);
    expect(modern.bus).toEqual({ kind: 'pcie', gen: 3, lanes: 8 });
    expect(modern.nic.coalescing.mode).toBe('adaptive');
  });

  it('give a source for every value they change from the schema defaults', () => {
    const defaults = leaves(defaultScenario());
    for (const p of PRESETS) {
      const s = leaves(scenarioOf(p.name));
      const unsourced = [...s].filter(([k, v]) => k !== 'name' && k !== 'description' && JSON.stringify(defaults.get(k)) !== JSON.stringify(v) && presetValueSource(p, k) === undefined).map(([k]) => k);
      expect(unsourced, p.name).toEqual([]);
    }
    const m = getPreset('modern-25g')!;
    expect(presetValueSource(m, 'bus.lanes')?.id).toBe('bus-specs');
  });

  it('report an unknown name as an error listing the known ones', () => {
    expect(presetScenario('1999-fast-ethernet')).toEqual({ ok: false, errors: [{ path: 'preset', message: "unknown preset '1999-fast-ethernet' (known: 2002-gigabit, modern-25g)" }] });
  });

  it('prints the native per-byte cycle sum of 2002-gigabit from the scenario\'s own tables', () => {
    const s = scenarioOf('2002-gigabit');
    const t = costTablesForScenario(s);
    if (!t.ok) throw new Error('tables');
    const h = resolveHostCosts(t.tables, s.server.clockMHz * 1e6);
    const o = nativeOptionsForScenario(s, 'native');
    const send = nativeSendPerSegment(h, o).total / o.segmentBytes;
    const recv = nativeReceivePerSegment(h, o).total / o.segmentBytes;
    console.log(`2002-gigabit native (MSS ${o.segmentBytes}): send ${send.toFixed(2)} cycles/B, receive ${recv.toFixed(2)} cycles/B (Foong: ~8)`);
    expect(send).toBeGreaterThan(5.2);
    expect(recv).toBeLessThan(10.8);
  });

  it('list every host cost operation among the parameters of each preset', () => {
    for (const p of PRESETS) {
      const paths = new Set(listParameters(scenarioOf(p.name)).map((x) => x.path));
      for (const op of HOST_OPS) expect(paths.has(`costs.host.${op}.fixedCycles`), `${p.name} ${op}`).toBe(true);
    }
  });
});
