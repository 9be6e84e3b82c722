// The I/O bus between host memory and the (i)NIC: peak bandwidth from width x clock
// (read from the specifications; nominal clocks, so PCI-X 64-bit/133 MHz = 1.064 GB/s), an efficiency factor for protocol overhead and a
// fixed cost per transaction (both estimates), the largest burst, and whether the two
// directions share the bus (PCI, PCI-X) or not (PCIe lanes are dual simplex).
// A transfer of n bytes in bursts of at most maxBurstBytes occupies the bus for
//   ceil(n / maxBurstBytes) * perTransactionNs + n / (peakBytesPerSec * efficiency).

import { param, type Param } from './param';
import { estimate, source } from './source';

export type BusKind = 'pci' | 'pci-x' | 'pcie';
export const BUS_KINDS: readonly BusKind[] = ['pci', 'pci-x', 'pcie'];

export type BusConfig =
  | { readonly kind: 'pci'; readonly widthBits: 32 | 64; readonly clockMHz: 33 | 66 }
  | { readonly kind: 'pci-x'; readonly widthBits: 32 | 64; readonly clockMHz: 66 | 100 | 133 | 266 | 533 }
  | { readonly kind: 'pcie'; readonly gen: 1 | 2 | 3 | 4; readonly lanes: 1 | 2 | 4 | 8 | 16 };

export interface BusModel {
  readonly kind: BusKind;
  readonly label: string;
  /** Peak data rate in bytes per second (per direction for PCIe, shared for PCI/PCI-X). */
  readonly peakBytesPerSec: number;
  readonly efficiency: Param;
  readonly perTransactionNs: Param;
  readonly maxBurstBytes: Param;
  readonly fullDuplex: boolean;
}

/** PCIe bytes per second per lane per direction: transfer rate x line-code efficiency / 8. */
export const PCIE_LANE_BYTES_PER_SEC: Readonly<Record<1 | 2 | 3 | 4, number>> = {
  1: (2.5e9 * (8 / 10)) / 8,
  2: (5e9 * (8 / 10)) / 8,
  3: (8e9 * (128 / 130)) / 8,
  4: (16e9 * (128 / 130)) / 8,
};

const EFF = { min: 0.05, max: 1 } as const;
const TXN = { min: 0, max: 10_000 } as const;
const BURST = { min: 4, max: 65_536 } as const;

function parallelBus(kind: 'pci' | 'pci-x', widthBits: number, clockMHz: number): BusModel {
  const pci = kind === 'pci';
  return {
    kind,
    label: `${pci ? 'PCI' : 'PCI-X'} ${widthBits}-bit/${clockMHz} MHz`,
    peakBytesPerSec: (widthBits / 8) * clockMHz * 1e6,
    efficiency: param(pci ? 0.6 : 0.75, 'ratio', EFF, estimate(pci
      ? 'arbitration, address phases, wait states and disconnects on a shared PCI bus leave ~60% of peak for bulk DMA'
      : 'PCI-X split transactions and attribute phases leave ~75% of peak for bulk DMA', 'bus-specs'), 'Share of peak bandwidth left for data'),
    perTransactionNs: param(pci ? 240 : 120, 'ns', TXN, estimate(pci
      ? 'arbitration + address phase + initial target latency, ~8 clocks at 33 MHz'
      : 'arbitration + address + attribute phases, ~16 clocks at 133 MHz', 'bus-specs'), 'Bus time per transaction outside the data phases'),
    maxBurstBytes: param(pci ? 256 : 4096, 'B', BURST, pci
      ? estimate('latency timers and bridge prefetch limits typical bursts to a few hundred bytes', 'bus-specs')
      : source('bus-specs'), 'Largest burst (PCI-X byte count up to 4 KB)'),
    fullDuplex: false,
  };
}

export function busModel(c: BusConfig): BusModel {
  if (c.kind !== 'pcie') return parallelBus(c.kind, c.widthBits, c.clockMHz);
  return {
    kind: 'pcie',
    label: `PCIe gen${c.gen} x${c.lanes}`,
    peakBytesPerSec: PCIE_LANE_BYTES_PER_SEC[c.gen] * c.lanes,
    efficiency: param(0.85, 'ratio', EFF, estimate('TLP header, sequence number and LCRC (~24 B) per 256 B payload plus flow-control DLLPs: ~85%', 'bus-specs'), 'Share of peak bandwidth left for data'),
    perTransactionNs: param(60, 'ns', TXN, estimate('per-TLP framing beyond the efficiency factor is small; ~60 ns for the DMA engine to issue a request', 'bus-specs'), 'Bus time per transaction outside the data'),
    maxBurstBytes: param(256, 'B', BURST, estimate('the common Max_Payload_Size of 256 B', 'bus-specs'), 'Largest TLP payload'),
    fullDuplex: true,
  };
}

/** Nanoseconds the bus is occupied moving `n` bytes (DMA or a frame write). */
export function busTransferNs(m: BusModel, n: number): number {
  if (n <= 0) return 0;
  const txns = Math.ceil(n / m.maxBurstBytes.value);
  return txns * m.perTransactionNs.value + (n * 1e9) / (m.peakBytesPerSec * m.efficiency.value);
}
