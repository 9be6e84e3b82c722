import { describe, expect, it } from 'vitest';
import { applyOverrides } from './override';
import { defaultScenario } from './parse';
import { mssForScenario, resolvedCostsForScenario } from './scenario-costs';

describe('costs resolved for a scenario', () => {
  it('price host operations at the server clock, IOP operations at the IOP clock, and name the bus', () => {
    const r = resolvedCostsForScenario(defaultScenario());
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    const c = r.costs;
    // tcpRxSegment: 900 cycles + 1 miss x 110 ns x 2.4 GHz.
    expect(c.host.ops.tcpRxSegment.fixed).toBeCloseTo(900 + 264, 9);
    // ISM: 900 x 1.6 + 2 misses x 100 ns x 0.6 GHz.
    expect(c.iop.ops.tcpRxSegment.fixed).toBeCloseTo(1440 + 120, 9);
    expect(c.host.mmioReadCycles).toBeCloseTo(1200, 9);
    expect(c.bus.label).toBe('PCI-X 64-bit/133 MHz');
  });

  it('follow the scenario\'s overrides, clocks and profiles', () => {
    const s = applyOverrides(defaultScenario(), ['server.clockMHz=3600', 'costs.host.tcpRxSegment.cacheMisses=0', 'costs.iopProfile=arm-2020', 'bus.kind=pcie']);
    if (!s.ok) throw new Error(JSON.stringify(s.errors));
    const r = resolvedCostsForScenario(s.scenario);
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    expect(r.costs.host.clockHz).toBe(3.6e9);
    expect(r.costs.host.ops.tcpRxSegment.fixed).toBe(900);
    expect(r.costs.tables.iop.profile).toBe('arm-2020');
    expect(r.costs.bus.label).toBe('PCIe gen3 x8');
  });

  it('derive the MSS from the MTU and the timestamp option', () => {
    expect(mssForScenario(defaultScenario())).toBe(1448);
    const s = applyOverrides(defaultScenario(), ['tcp.timestamps=false', 'wire.mtuBytes=9000']);
    expect(s.ok && mssForScenario(s.scenario)).toBe(8960);
  });
});
