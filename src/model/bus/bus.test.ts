import { describe, expect, it } from 'vitest';
import { Simulator, nanos, type EventHandler } from '../../sim';
import { Bus, BUS_TO_DEVICE, BUS_TO_HOST } from './bus';

const PCIX: ConstructorParameters<typeof Bus>[1] = {
  name: 'pci-x', bytesPerSecond: 1e9, nsPerTransaction: 30, mmioReadNs: 700, maxBurstBytes: 512, duplex: false,
};

function recorder(): EventHandler & { times: number[] } {
  const times: number[] = [];
  return { times, onEvent: (_k, _a, _o, sim) => { times.push(sim.now); } };
}

describe('Bus', () => {
  it('a DMA occupies the bus for per-burst overhead plus bytes at the bandwidth', () => {
    const sim = new Simulator({ seed: 1 });
    const bus = new Bus(sim, PCIX);
    const r = recorder();
    // 1500 bytes = 3 bursts of <= 512: 3 * 30 ns + 1500 ns.
    bus.dma(BUS_TO_HOST, 1500, r);
    sim.runUntil(nanos(10_000));
    expect(r.times).toEqual([1590]);
    expect(bus.dmaBytes).toBe(1500);
    expect(bus.dmaTransfers).toBe(1);
  });

  it('serves transactions in arrival order on a shared bus', () => {
    const sim = new Simulator({ seed: 1 });
    const bus = new Bus(sim, PCIX);
    const r = recorder();
    bus.dma(BUS_TO_HOST, 512, r);
    bus.dma(BUS_TO_DEVICE, 512, r);
    sim.runUntil(nanos(10_000));
    expect(r.times).toEqual([542, 1084]);
  });

  it('gives each direction its own server when duplex', () => {
    const sim = new Simulator({ seed: 1 });
    const bus = new Bus(sim, { ...PCIX, duplex: true });
    const r = recorder();
    bus.dma(BUS_TO_HOST, 512, r);
    bus.dma(BUS_TO_DEVICE, 512, r);
    sim.runUntil(nanos(10_000));
    expect(r.times).toEqual([542, 542]);
  });

  it('an MMIO read stalls for the round trip plus any queueing behind traffic', () => {
    const sim = new Simulator({ seed: 1 });
    const bus = new Bus(sim, PCIX);
    expect(bus.mmioRead()).toBe(700);
    bus.dma(BUS_TO_HOST, 512, null); // queued behind the read: ends at 1242
    expect(bus.mmioRead()).toBe(1942);
    expect(bus.mmioReads).toBe(2);
  });

  it('reports utilization over a window', () => {
    const sim = new Simulator({ seed: 1 });
    const bus = new Bus(sim, PCIX);
    bus.dma(BUS_TO_HOST, 940, null); // two bursts: 2 * 30 + 940 = 1000 ns busy from 0
    sim.runUntil(nanos(4000));
    expect(bus.utilization(0, 4000)).toBeCloseTo(0.25, 10);
    expect(bus.utilization(0, 500)).toBeCloseTo(1, 10);
    expect(bus.utilization(1000, 4000)).toBe(0);
  });
});
