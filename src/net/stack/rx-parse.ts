// Allocation-free parsing of the receive hot path: IPv4 and TCP headers read
// in place (by offset into the frame) into reprs this parser owns and reuses.
// It applies exactly the checks of src/net/wire's parseIpv4 and parseTcp (a
// property test holds the two to the same verdicts); the wire module's parsers
// allocate a fresh repr, option object and subarray per call, which is right
// for everything but the per-segment path (issue 3: the per-segment hot path
// allocates nothing it does not keep).
//
// Contract: a successful parse leaves `ip`/`tcp` valid until the next call.
// The TCP payload is a view cached per frame buffer (frames come from pools,
// so steady traffic reuses the same views); protocol code must copy what it
// keeps, which TcpConnection does.
import {
  IPPROTO_TCP, checksumAdd, checksumFinish, pseudoHeaderSum, readU16, readU32, readU8, seq,
  type Ipv4Repr, type TcpOptions, type TcpRepr, type TcpSackBlock, type WireErrorKind,
} from '../wire';

const EMPTY = new Uint8Array(0);
const MAX_SACK_BLOCKS = 4;

export type ParseFailure = { kind: WireErrorKind };
const fail = {
  truncated: Object.freeze({ kind: 'truncated' }) as ParseFailure,
  malformed: Object.freeze({ kind: 'malformed' }) as ParseFailure,
  checksum: Object.freeze({ kind: 'checksum' }) as ParseFailure,
};

export class RxParser {
  readonly ip: Ipv4Repr = {
    src: 0, dst: 0, protocol: 0, ttl: 0, identification: 0, dscp: 0, ecn: 0, dontFragment: false,
    moreFragments: false, fragmentOffset: 0, payloadLength: 0,
  };
  /** Offset of the IPv4 payload in the frame after parseIpv4. */
  ipPayloadOffset = 0;
  readonly tcp: TcpRepr = {
    srcPort: 0, dstPort: 0, seq: seq(0), ack: seq(0), flags: 0, window: 0, urgentPointer: 0, options: {}, payload: EMPTY,
  };
  private readonly opts: TcpOptions = {};
  private readonly ts = { tsVal: 0, tsEcr: 0 };
  private readonly blocks: TcpSackBlock[] = Array.from({ length: MAX_SACK_BLOCKS }, () => ({ left: seq(0), right: seq(0) }));
  private readonly blockViews: TcpSackBlock[][] = Array.from({ length: MAX_SACK_BLOCKS + 1 }, (_, n) => this.blocks.slice(0, n));
  private readonly views = new WeakMap<Uint8Array, Uint8Array>();

  /** Parses the IPv4 header at frame[off...]; null on success (see `ip`). */
  parseIpv4(b: Uint8Array, off: number): ParseFailure | null {
    const avail = b.length - off;
    if (avail < 20) return fail.truncated;
    const verIhl = b[off]!;
    if (verIhl >>> 4 !== 4) return fail.malformed;
    const hl = (verIhl & 0x0f) * 4;
    if (hl < 20) return fail.malformed;
    if (hl > avail) return fail.truncated;
    const total = readU16(b, off + 2);
    if (total < hl) return fail.malformed;
    if (total > avail) return fail.truncated;
    for (let o = off + 20; o < off + hl; ) {
      const kind = b[o]!;
      if (kind === 0) break;
      if (kind === 1) {
        o += 1;
        continue;
      }
      if (o + 1 >= off + hl) return fail.malformed;
      const len = b[o + 1]!;
      if (len < 2 || o + len > off + hl) return fail.malformed;
      o += len;
    }
    const ff = readU16(b, off + 6);
    if (ff & 0x8000) return fail.malformed;
    const fragOff = (ff & 0x1fff) * 8;
    if (fragOff + total - hl > 0xffff) return fail.malformed;
    if (checksumFinish(checksumAdd(0, b, off, off + hl)) !== 0) return fail.checksum;
    const ip = this.ip;
    const dscpEcn = b[off + 1]!;
    ip.src = readU32(b, off + 12);
    ip.dst = readU32(b, off + 16);
    ip.protocol = b[off + 9]!;
    ip.ttl = b[off + 8]!;
    ip.identification = readU16(b, off + 4);
    ip.dscp = dscpEcn >>> 2;
    ip.ecn = dscpEcn & 3;
    ip.dontFragment = (ff & 0x4000) !== 0;
    ip.moreFragments = (ff & 0x2000) !== 0;
    ip.fragmentOffset = fragOff;
    ip.payloadLength = total - hl;
    this.ipPayloadOffset = off + hl;
    return null;
  }

  /** Parses and checksums the TCP segment in b[off, off + len) from src to dst; null on success (see `tcp`). */
  parseTcp(b: Uint8Array, off: number, len: number, src: number, dst: number): ParseFailure | null {
    if (len < 20) return fail.truncated;
    const hl = (b[off + 12]! >>> 4) * 4;
    if (hl < 20) return fail.malformed;
    if (hl > len) return fail.truncated;
    const o = this.opts;
    o.mss = undefined;
    o.windowScale = undefined;
    o.sackPermitted = undefined;
    o.sackBlocks = undefined;
    o.timestamps = undefined;
    if (hl > 20 && !this.parseOptions(b, off + 20, off + hl)) return fail.malformed;
    if (len > 0xffff) return fail.malformed;
    if (checksumFinish(checksumAdd(pseudoHeaderSum(src, dst, IPPROTO_TCP, len), b, off, off + len)) !== 0) return fail.checksum;
    const t = this.tcp;
    t.srcPort = readU16(b, off);
    t.dstPort = readU16(b, off + 2);
    t.seq = seq(readU32(b, off + 4));
    t.ack = seq(readU32(b, off + 8));
    t.flags = b[off + 13]!;
    t.window = readU16(b, off + 14);
    t.urgentPointer = readU16(b, off + 18);
    t.options = o;
    t.payload = this.view(b, off + hl, len - hl);
    return null;
  }

  private view(b: Uint8Array, start: number, len: number): Uint8Array {
    if (len === 0) return EMPTY;
    const v = this.views.get(b);
    if (v !== undefined && v.byteOffset === b.byteOffset + start && v.length === len && v.buffer === b.buffer) return v;
    const fresh = b.subarray(start, start + len);
    this.views.set(b, fresh);
    return fresh;
  }

  // RFC 9293 3.2: options are kind, length, data; unknown ones skipped by length.
  private parseOptions(b: Uint8Array, start: number, end: number): boolean {
    const opts = this.opts;
    let o = start;
    while (o < end) {
      const kind = b[o]!;
      if (kind === 0) break;
      if (kind === 1) {
        o += 1;
        continue;
      }
      if (o + 1 >= end) return false;
      const len = b[o + 1]!;
      if (len < 2 || o + len > end) return false;
      switch (kind) {
        case 2:
          if (len !== 4) return false;
          opts.mss = readU16(b, o + 2);
          break;
        case 3:
          if (len !== 3) return false;
          opts.windowScale = readU8(b, o + 2);
          break;
        case 4:
          if (len !== 2) return false;
          opts.sackPermitted = true;
          break;
        case 5: {
          if (len < 10 || (len - 2) % 8 !== 0) return false;
          const n = (len - 2) / 8;
          if (n > MAX_SACK_BLOCKS) return false;
          for (let i = 0; i < n; i++) {
            const blk = this.blocks[i]!;
            blk.left = seq(readU32(b, o + 2 + 8 * i));
            blk.right = seq(readU32(b, o + 6 + 8 * i));
          }
          opts.sackBlocks = this.blockViews[n];
          break;
        }
        case 8:
          if (len !== 10) return false;
          this.ts.tsVal = readU32(b, o + 2);
          this.ts.tsEcr = readU32(b, o + 6);
          opts.timestamps = this.ts;
          break;
        default:
          break;
      }
      o += len;
    }
    return true;
  }
}
