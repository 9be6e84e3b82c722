// A shared I/O bus (PCI, PCI-X, PCIe) as a FIFO server (DESIGN.md 1.4).
//
// Every transaction occupies the bus for a fixed per-transaction overhead
// (arbitration, address phase, completion for reads) plus its payload at the
// bus's sustained bandwidth. Transactions are served one at a time in arrival
// order: PCI and PCI-X are shared parallel buses, so this is literally how they
// behave; for PCIe (point-to-point, full duplex) the model is a conservative
// simplification, and the `duplex` option gives each direction its own server.
//
// Who pays: the bus's time is its own. A DMA costs no CPU cycles here; the
// models that set a DMA up charge their CPU for the setup. An uncached MMIO read
// stalls the CPU that issues it: the caller charges that stall with
// Processor.stall(), using the completion time this bus reports.

import { BusyHistory, type EventHandler, type Nanos, type Simulator } from '../../sim';

export type BusDirection = 0 | 1; // 0 = device to host (upstream), 1 = host to device

export const BUS_TO_HOST: BusDirection = 0;
export const BUS_TO_DEVICE: BusDirection = 1;

export type BusTransactionKind = 'dma' | 'mmio-read' | 'mmio-write';

export interface BusOptions {
  name: string;
  /** Sustained payload bandwidth, bytes per second. */
  bytesPerSecond: number;
  /** Fixed occupancy per transaction (arbitration, address, turnaround), ns. */
  nsPerTransaction: number;
  /** Round trip of an uncached read from the host to a device register, ns. */
  mmioReadNs: number;
  /** Largest burst per transaction, bytes (a DMA is split into bursts). */
  maxBurstBytes: number;
  /** Separate upstream and downstream servers (PCIe) or one shared (PCI, PCI-X). */
  duplex: boolean;
}

interface Server {
  freeAt: number;
  history: BusyHistory;
}

export class Bus {
  readonly opts: BusOptions;
  private readonly sim: Simulator;
  private readonly servers: Server[];
  /** Transactions and bytes by kind, for metrics. */
  dmaTransfers = 0;
  dmaBytes = 0;
  transactions = 0;
  mmioReads = 0;
  mmioWrites = 0;

  constructor(sim: Simulator, opts: BusOptions) {
    if (!(opts.bytesPerSecond > 0)) throw new RangeError(`bus ${opts.name}: bytesPerSecond must be > 0`);
    if (!(opts.maxBurstBytes > 0)) throw new RangeError(`bus ${opts.name}: maxBurstBytes must be > 0`);
    this.sim = sim;
    this.opts = opts;
    const n = opts.duplex ? 2 : 1;
    this.servers = [];
    for (let i = 0; i < n; i++) this.servers.push({ freeAt: 0, history: new BusyHistory() });
  }

  private server(dir: BusDirection): Server {
    return this.servers[this.opts.duplex ? dir : 0]!;
  }

  /** Occupancy of one DMA of `bytes` (split into bursts), ns. */
  dmaNanos(bytes: number): number {
    const bursts = Math.max(1, Math.ceil(bytes / this.opts.maxBurstBytes));
    return bursts * this.opts.nsPerTransaction + Math.ceil((bytes * 1e9) / this.opts.bytesPerSecond);
  }

  /** Reserve the bus for `occupancy` ns from the later of now and when it frees; returns the end. */
  private reserve(dir: BusDirection, occupancy: number): Nanos {
    const s = this.server(dir);
    const start = Math.max(this.sim.now, s.freeAt);
    const end = start + occupancy;
    s.history.add(start, end);
    s.freeAt = end;
    this.transactions += 1;
    return end as Nanos;
  }

  /**
   * A DMA of `bytes` in direction `dir`; `done.onEvent(kind, arg, obj)` runs
   * when its last byte has crossed. Returns the completion time.
   */
  dma(dir: BusDirection, bytes: number, done: EventHandler | null, kind = 0, arg = 0, obj?: unknown): Nanos {
    const end = this.reserve(dir, this.dmaNanos(bytes));
    this.dmaTransfers += 1;
    this.dmaBytes += bytes;
    if (done) this.sim.schedule(end, done, kind, arg, obj);
    return end;
  }

  /**
   * An uncached read of a device register from the host (e.g. popping a free
   * I2O frame from the inbound queue port). Returns the stall the issuing CPU
   * suffers: queueing behind bus traffic plus the read round trip.
   */
  mmioRead(): Nanos {
    const end = this.reserve(BUS_TO_DEVICE, this.opts.mmioReadNs);
    this.mmioReads += 1;
    return (end - this.sim.now) as Nanos;
  }

  /** A posted write (doorbell, frame write) of `bytes`: the CPU does not wait. */
  mmioWrite(bytes: number): Nanos {
    const end = this.reserve(BUS_TO_DEVICE, this.dmaNanos(bytes));
    this.mmioWrites += 1;
    return end;
  }

  /** Busy time of the bus (both directions summed for duplex) in [from, to). */
  busyNanos(from: number, to: number): number {
    let sum = 0;
    for (const s of this.servers) sum += s.history.busyUntil(to) - s.history.busyUntil(from);
    return sum;
  }

  /** Utilization in [from, to): busy time over window length (per direction for duplex). */
  utilization(from: number, to: number): number {
    if (!(to > from)) return 0;
    return this.busyNanos(from, to) / ((to - from) * this.servers.length);
  }
}
