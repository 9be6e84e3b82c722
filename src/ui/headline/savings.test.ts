import { describe, expect, it } from 'vitest';
import type { RunSummary } from '../model-data';
import { configFigures, goodputCaveat, pickBaseline, savings } from './savings';
import { differentialBars } from './differential-bars';

// 1 s window, one 2 GHz core, 100 MB moved on a 1 Gb/s wire.
const native: RunSummary = {
  runId: 'native', configuration: 'native', label: 'native', measuredNanos: 1e9, payloadBytes: 100e6,
  wireBitsPerSecond: 1e9, hostCores: 1, hostClockHz: 2e9,
  hostCyclesByCategory: { copy: 400e6, tcp: 300e6, irq: 100e6, app: 0 }, iopCyclesByCategory: null, iopClockHz: null,
};
const offload: RunSummary = {
  ...native, runId: 'offload', configuration: 'offload', label: 'offload',
  hostCyclesByCategory: { copy: 100e6, osm: 60e6, i2o: 40e6 }, iopCyclesByCategory: { ism: 300e6 }, iopClockHz: 600e6,
};

describe('savings headline', () => {
  it('computes utilization, cycles per byte, service demand and goodput from the summary', () => {
    const f = configFigures(native);
    expect(f.hostUtilization).toBeCloseTo(0.4);
    expect(f.cyclesPerByte).toBeCloseTo(8);
    // 800e6 cycles at 2 GHz = 0.4 s = 400,000 µs over 97,656.25 KB.
    expect(f.serviceDemandUsPerKB).toBeCloseTo(4.096);
    expect(f.goodputBitsPerSecond).toBe(800e6);
    expect(f.iopUtilization).toBeNull();
    expect(configFigures(offload).iopUtilization).toBeCloseTo(0.5);
  });

  it('caps the host-limited throughput at the wire', () => {
    // 800 Mb/s at 40 % CPU would be 2 Gb/s on a saturated host: capped at 1 Gb/s.
    expect(configFigures(native).hostLimitedBitsPerSecond).toBe(1e9);
    const slow = configFigures({ ...native, hostClockHz: 0.5e9 });
    // 160 % of a 0.5 GHz core is not possible: the host alone limits it to 800/1.6 = 500 Mb/s.
    expect(slow.hostLimitedBitsPerSecond).toBeCloseTo(500e6);
  });

  it('reports the CPU freed in points and as a share, and the change per category', () => {
    const s = savings(native, offload);
    expect(s.cpuFreedPoints).toBeCloseTo(30);
    expect(s.cpuFreedPercent).toBeCloseTo(75);
    const byCat = Object.fromEntries(s.byCategory.map((d) => [d.category, d.delta]));
    expect(byCat.copy).toBeCloseTo(-3);
    expect(byCat.tcp).toBeCloseTo(-3);
    expect(byCat.osm).toBeCloseTo(0.6);
    expect('app' in byCat).toBe(false);
    // Largest change first: copy and tcp (−3 each), then irq (−1), osm (+0.6), i2o (+0.4).
    expect(s.byCategory.map((d) => d.category)).toEqual(['copy', 'tcp', 'irq', 'osm', 'i2o']);
  });

  it('measures against native when it is among the runs', () => {
    expect(pickBaseline([offload, native])?.runId).toBe('native');
    expect(pickBaseline([offload])?.runId).toBe('offload');
  });

  it('draws savings to the left of zero and extra cost to the right, on a symmetric scale', () => {
    const l = differentialBars(savings(native, offload).byCategory, 380);
    const copy = l.bars.find((b) => b.category === 'copy')!;
    const osm = l.bars.find((b) => b.category === 'osm')!;
    expect(copy.saves).toBe(true);
    expect(copy.x + copy.width).toBeCloseTo(l.zeroX);
    expect(osm.x).toBeCloseTo(l.zeroX);
    expect(copy.width / osm.width).toBeCloseTo(5);
  });

  it('warns that CPU freed is not for the same work when goodput differs by 5 % or more, and not otherwise', () => {
    expect(goodputCaveat(savings(native, offload))).toBeNull();
    const slowCard: RunSummary = { ...offload, payloadBytes: 64e6 };
    expect(goodputCaveat(savings(native, slowCard))).toBe(
      'offload moved 36 % less data than native (512.0 Mb/s against 800.0 Mb/s), so the CPU freed is not for the same work: compare cycles/B.');
    expect(goodputCaveat(savings(native, { ...offload, payloadBytes: 97e6 }))).toBeNull();
  });
});
