// Capture of what crosses the wire and the bus (DESIGN.md 2.2 (c)): Ethernet
// frames at the wire (each direction as it is accepted for transmission,
// before wire faults, as a tap on a switch port would see them) and, on the
// offload configuration, every I2O frame as it is written across the bus.
// Other capture points (socket, IP, driver) need hooks inside the machines
// and are not offered here; asking for one is an error the caller reports.
//
// Sinks: a bounded ring for the inspector (oldest records dropped first) and
// a pcapng writer for files (interface 0 the wire, 1 the I2O messages as
// LINKTYPE_USER0, since I2O has no registered link type).
import type { Nanos } from '../../sim';
import { PcapngWriter } from '../../net/wire';

export type CapturePoint = 'wire';
export const CAPTURE_POINTS: readonly string[] = ['wire'];

export type CaptureSource = 'server->peer' | 'peer->server' | 'i2o-inbound' | 'i2o-outbound';

export interface CapturedFrame {
  readonly t: Nanos;
  readonly source: CaptureSource;
  readonly bytes: Uint8Array;
}

export interface CaptureSink {
  frame(t: Nanos, source: CaptureSource, bytes: Uint8Array): void;
}

/** Keeps the last `capacity` frames (copies). */
export class CaptureRing implements CaptureSink {
  private readonly ring: (CapturedFrame | undefined)[];
  private next = 0;
  /** Frames seen in total (including those the ring has dropped). */
  total = 0;

  constructor(readonly capacity = 65_536) {
    this.ring = new Array<CapturedFrame | undefined>(capacity);
  }

  frame(t: Nanos, source: CaptureSource, bytes: Uint8Array): void {
    this.ring[this.next] = { t, source, bytes: bytes.slice() };
    this.next = (this.next + 1) % this.capacity;
    this.total += 1;
  }

  /** The retained frames, oldest first. */
  frames(): CapturedFrame[] {
    const out: CapturedFrame[] = [];
    const n = Math.min(this.total, this.capacity);
    const start = this.total > this.capacity ? this.next : 0;
    for (let i = 0; i < n; i++) out.push(this.ring[(start + i) % this.capacity]!);
    return out;
  }
}

const LINKTYPE_USER0 = 147;

/** Writes every frame into a pcapng section; `flush()` hands out the bytes so far. */
export class PcapngCapture implements CaptureSink {
  readonly writer = new PcapngWriter({ application: 'offload-lab' });
  private readonly wireIf: number;
  private readonly i2oIf: number;
  frames = 0;

  constructor(name: string) {
    this.wireIf = this.writer.addInterface({ name: `${name}:wire`, description: 'Ethernet frames at the server-peer wire' });
    this.i2oIf = this.writer.addInterface({ name: `${name}:i2o`, description: 'I2O message frames across the host bus', linkType: LINKTYPE_USER0 });
  }

  frame(t: Nanos, source: CaptureSource, bytes: Uint8Array): void {
    const i2o = source === 'i2o-inbound' || source === 'i2o-outbound';
    this.writer.writePacket(i2o ? this.i2oIf : this.wireIf, t, bytes, bytes.length, i2o ? source : undefined);
    this.frames += 1;
  }

  flush(): Uint8Array {
    return this.writer.flush();
  }
}
