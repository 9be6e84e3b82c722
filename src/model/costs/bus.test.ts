import { describe, expect, it } from 'vitest';
import { busModel, busTransferNs } from './bus';

describe('bus models', () => {
  it('give PCI-X 64-bit/133 MHz a peak of 1.064 GB/s and PCI 32-bit/33 MHz 133 MB/s', () => {
    expect(busModel({ kind: 'pci-x', widthBits: 64, clockMHz: 133 }).peakBytesPerSec).toBe(1.064e9);
    expect(busModel({ kind: 'pci', widthBits: 32, clockMHz: 33 }).peakBytesPerSec).toBe(132e6);
  });

  it('give PCIe its line-coded lane rate times the lanes, per direction', () => {
    expect(busModel({ kind: 'pcie', gen: 1, lanes: 1 }).peakBytesPerSec).toBe(250e6);
    expect(busModel({ kind: 'pcie', gen: 3, lanes: 8 }).peakBytesPerSec).toBeCloseTo(7.877e9, -7);
    expect(busModel({ kind: 'pcie', gen: 3, lanes: 8 }).fullDuplex).toBe(true);
    expect(busModel({ kind: 'pci-x', widthBits: 64, clockMHz: 133 }).fullDuplex).toBe(false);
  });

  it('charge a transfer its transactions plus its bytes at the efficient rate', () => {
    const m = busModel({ kind: 'pci-x', widthBits: 64, clockMHz: 133 });
    const ns = busTransferNs(m, 8192);
    expect(ns).toBeCloseTo(2 * 120 + (8192 * 1e9) / (1.064e9 * 0.75), 6);
    expect(busTransferNs(m, 0)).toBe(0);
  });
});
