// Deterministic loss for tests: drop TCP segments chosen by a predicate over
// their header fields (STYLE.md: loss is injected by sequence number in a link
// wrapper, never by `if (test)` inside the protocol). The frame is read with
// plain offsets (Ethernet II, IPv4 without regard to options, TCP); anything
// that is not an unfragmented IPv4/TCP frame passes untouched.
import type { FrameSink } from '../frame-sink';

/** The fields a predicate sees; one object reused for every frame. */
export interface TcpFrameInfo {
  srcPort: number;
  dstPort: number;
  seq: number;
  ack: number;
  flags: number;
  payloadLength: number;
}

export interface DropTcpCounters {
  seen: number;
  dropped: number;
}

export class DropTcp implements FrameSink {
  readonly counters: DropTcpCounters = { seen: 0, dropped: 0 };
  private readonly info: TcpFrameInfo = { srcPort: 0, dstPort: 0, seq: 0, ack: 0, flags: 0, payloadLength: 0 };

  /** Drops a frame when `match` returns true, at most `maxDrops` times in all. */
  constructor(
    private readonly match: (seg: TcpFrameInfo) => boolean,
    public next: FrameSink,
    readonly maxDrops = Number.POSITIVE_INFINITY,
  ) {}

  receiveFrame(frame: Uint8Array): void {
    this.counters.seen += 1;
    if (this.counters.dropped < this.maxDrops && readTcp(frame, this.info) && this.match(this.info)) {
      this.counters.dropped += 1;
      return;
    }
    this.next.receiveFrame(frame);
  }
}

/** Fills `out` from an Ethernet/IPv4/TCP frame; false if the frame is anything else. */
export function readTcp(f: Uint8Array, out: TcpFrameInfo): boolean {
  if (f.length < 14 + 20 + 20 || f[12] !== 0x08 || f[13] !== 0x00) return false;
  const ihl = (f[14]! & 0x0f) * 4;
  if (f[14]! >> 4 !== 4 || ihl < 20 || f[23] !== 6) return false;
  // Only first fragments of unfragmented datagrams carry a TCP header here.
  if ((((f[20]! & 0x1f) << 8) | f[21]!) !== 0 || (f[20]! & 0x20) !== 0) return false;
  const t = 14 + ihl;
  if (f.length < t + 20) return false;
  const totalLength = (f[16]! << 8) | f[17]!;
  const dataOffset = (f[t + 12]! >> 4) * 4;
  out.srcPort = (f[t]! << 8) | f[t + 1]!;
  out.dstPort = (f[t + 2]! << 8) | f[t + 3]!;
  out.seq = ((f[t + 4]! << 24) | (f[t + 5]! << 16) | (f[t + 6]! << 8) | f[t + 7]!) >>> 0;
  out.ack = ((f[t + 8]! << 24) | (f[t + 9]! << 16) | (f[t + 10]! << 8) | f[t + 11]!) >>> 0;
  out.flags = f[t + 13]!;
  out.payloadLength = Math.max(0, totalLength - ihl - dataOffset);
  return true;
}
