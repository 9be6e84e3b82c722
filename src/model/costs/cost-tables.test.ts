import { describe, expect, it } from 'vitest';
import { buildCostTables, listCostParams } from './cost-tables';
import { HOST_PROFILES } from './host-table';
import { IOP_PROFILES } from './iop-table';
import { I2O_DEFAULTS } from './i2o-defaults';
import { LINUX_CONSTANTS } from './linux-constants';
import type { Param } from './param';

function checkParam(path: string, p: Param): void {
  expect(p.unit, `${path} unit`).not.toBe('');
  expect(p.description, `${path} description`).not.toBe('');
  expect(p.source.text, `${path} source`).not.toBe('');
  if (p.source.tag === 'estimate') expect(p.source.why ?? '', `${path} says why it is an estimate`).not.toBe('');
  expect(p.range.min, `${path} range`).toBeLessThanOrEqual(p.range.max);
  expect(p.value, `${path} default within range`).toBeGreaterThanOrEqual(p.range.min);
  expect(p.value, `${path} default within range`).toBeLessThanOrEqual(p.range.max);
}

describe('cost tables', () => {
  it('give every parameter of every profile a unit, a range holding its default and a source (estimates say why)', () => {
    let n = 0;
    for (const hp of HOST_PROFILES) for (const ip of IOP_PROFILES) {
      const t = buildCostTables(hp, ip);
      expect(t.ok).toBe(true);
      if (!t.ok) continue;
      for (const e of listCostParams(t.tables)) { checkParam(e.path, e.param); n++; }
    }
    for (const [k, p] of Object.entries({ ...LINUX_CONSTANTS, ...I2O_DEFAULTS })) { checkParam(k, p); n++; }
    expect(n).toBeGreaterThan(400);
  });

  it('apply an override by path and re-derive the ISM operation from the overridden host one', () => {
    const t = buildCostTables('xeon-2002', 'iop321-2002', { 'host.tcpRxSegment.fixedCycles': 2000, 'iop.ipcFactor': 2 });
    expect(t.ok).toBe(true);
    if (!t.ok) return;
    expect(t.tables.host.ops.tcpRxSegment.fixedCycles.value).toBe(2000);
    expect(t.tables.iop.ops.tcpRxSegment.fixedCycles.value).toBe(4000);
    expect(t.tables.iop.ops.tcpRxSegment.category).toBe('tcp');
  });

  it('let an explicit ISM override win over the derivation', () => {
    const t = buildCostTables('xeon-2002', 'iop321-2002', { 'iop.tcpRxSegment.fixedCycles': 123, 'host.mmioReadNs': 900 });
    expect(t.ok && t.tables.iop.ops.tcpRxSegment.fixedCycles.value).toBe(123);
    expect(t.ok && t.tables.host.mmioReadNs.value).toBe(900);
  });

  it('reject unknown paths and out-of-range values with messages naming the path and the rule', () => {
    const t = buildCostTables('xeon-2002', 'iop321-2002', { 'host.tcpRx.fixedCycles': 1, 'host.copy.cyclesPerByte': -1 });
    expect(t.ok).toBe(false);
    if (t.ok) return;
    expect(t.errors).toEqual([
      { path: 'host.tcpRx.fixedCycles', message: "unknown cost parameter 'host.tcpRx.fixedCycles'" },
      { path: 'host.copy.cyclesPerByte', message: 'must be between 0 and 100 cycles/B' },
    ]);
  });

  it('leave the shared profile tables untouched by overrides', () => {
    buildCostTables('xeon-2002', 'iop321-2002', { 'host.copy.cyclesPerByte': 9 });
    const t = buildCostTables('xeon-2002', 'iop321-2002');
    expect(t.ok && t.tables.host.ops.copy.cyclesPerByte.value).toBe(0.8);
  });
});
