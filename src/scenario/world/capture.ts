// Capture of a server's traffic at one of four points (DESIGN.md 2.2 (c),
// issue 5 item 5), and on the offload configuration every I2O frame as it is
// written across the bus, whatever the point:
// - 'wire': Ethernet frames at the wire, each direction as it is accepted for
//   transmission, before wire faults, as a tap on a switch port would see them;
// - 'driver': Ethernet frames as the host driver posts them to the NIC and
//   takes them from it (TSO super-frames before the NIC cuts them, LRO
//   aggregates before GRO); on offload the HDM's frames on the card;
// - 'ip': raw IPv4 datagrams as the server's IP layer (host INET, or the ISM on
//   the card) emits them before fragmentation/segmentation and accepts them
//   after reassembly;
// - 'socket': the bytes crossing the socket API, one record per call (data
//   calls carry their bytes, other calls none), named by a comment.
// Sources keep their names at every point: 'server->peer' is what leaves the
// server's upper layers, 'peer->server' what reaches them; the bytes' format is
// the point's (CAPTURE_LINKTYPES). Points other than the wire see the server
// only (the peer is the ideal client).
//
// Sinks: a bounded ring for the inspector (oldest records dropped first) and a
// pcapng writer for files: interface 0 the chosen point (Ethernet for wire and
// driver, LINKTYPE_RAW for ip, LINKTYPE_USER1 for socket records, which
// Wireshark shows as data with the call in the packet comment), interface 1 the
// I2O messages as LINKTYPE_USER0, since I2O has no registered link type.
import type { Nanos } from '../../sim';
import { LINKTYPE_ETHERNET, LINKTYPE_RAW, PcapngWriter } from '../../net/wire';

export type CapturePoint = 'socket' | 'ip' | 'driver' | 'wire';
export const CAPTURE_POINTS: readonly CapturePoint[] = ['socket', 'ip', 'driver', 'wire'];

export function isCapturePoint(p: string): p is CapturePoint {
  return (CAPTURE_POINTS as readonly string[]).includes(p);
}

const LINKTYPE_USER0 = 147;
const LINKTYPE_USER1 = 148;

/** The pcapng link type of each point's records (tcpdump.org link-layer header types). */
export const CAPTURE_LINKTYPES: Readonly<Record<CapturePoint, number>> = {
  wire: LINKTYPE_ETHERNET, driver: LINKTYPE_ETHERNET, ip: LINKTYPE_RAW, socket: LINKTYPE_USER1,
};
export const I2O_LINKTYPE = LINKTYPE_USER0;

export type CaptureSource = 'server->peer' | 'peer->server' | 'i2o-inbound' | 'i2o-outbound';

export interface CapturedFrame {
  readonly t: Nanos;
  readonly source: CaptureSource;
  readonly bytes: Uint8Array;
  /** What the record is, when its bytes do not say (socket calls). */
  readonly comment?: string;
}

export interface CaptureSink {
  /** The point this sink was made for (its files' link type); absent: 'wire'. */
  readonly point?: CapturePoint;
  frame(t: Nanos, source: CaptureSource, bytes: Uint8Array, comment?: string): void;
}

/** Keeps the last `capacity` frames (copies). */
export class CaptureRing implements CaptureSink {
  private readonly ring: (CapturedFrame | undefined)[];
  private next = 0;
  /** Frames seen in total (including those the ring has dropped). */
  total = 0;

  /** `point`: set it to fix the ring to one point; absent, the ring takes any (it keeps bytes, not link types). */
  constructor(readonly capacity = 65_536, readonly point?: CapturePoint) {
    this.ring = new Array<CapturedFrame | undefined>(capacity);
  }

  frame(t: Nanos, source: CaptureSource, bytes: Uint8Array, comment?: string): void {
    this.ring[this.next] = comment === undefined ? { t, source, bytes: bytes.slice() } : { t, source, bytes: bytes.slice(), comment };
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

const DESCRIPTIONS: Readonly<Record<CapturePoint, string>> = {
  wire: 'Ethernet frames at the server-peer wire',
  driver: "Ethernet frames between the server's driver and NIC (offload: the HDM on the card)",
  ip: "IPv4 datagrams at the server's IP layer (before fragmentation, after reassembly)",
  socket: "bytes crossing the server's socket API, one record per call (the call in the comment)",
};

/** Writes every frame into a pcapng section; `flush()` hands out the bytes so far. */
export class PcapngCapture implements CaptureSink {
  readonly writer = new PcapngWriter({ application: 'offload-lab' });
  private readonly pointIf: number;
  private readonly i2oIf: number;
  frames = 0;

  constructor(name: string, readonly point: CapturePoint = 'wire') {
    this.pointIf = this.writer.addInterface({ name: `${name}:${point}`, description: DESCRIPTIONS[point], linkType: CAPTURE_LINKTYPES[point] });
    this.i2oIf = this.writer.addInterface({ name: `${name}:i2o`, description: 'I2O message frames across the host bus', linkType: I2O_LINKTYPE });
  }

  frame(t: Nanos, source: CaptureSource, bytes: Uint8Array, comment?: string): void {
    const i2o = source === 'i2o-inbound' || source === 'i2o-outbound';
    this.writer.writePacket(i2o ? this.i2oIf : this.pointIf, t, bytes, bytes.length, i2o ? source : comment);
    this.frames += 1;
  }

  flush(): Uint8Array {
    return this.writer.flush();
  }
}
