// Receive aggregation shared by LRO (in the NIC, before DMA) and GRO (in the
// host's NAPI poll, before IP and TCP): in-order TCP segments of one flow are
// merged into one super-frame whose headers are rebuilt (IPv4 total length and
// header checksum, TCP checksum over the merged payload), so the stack above
// sees one valid segment carrying many segments' bytes.
//
// Merge rule, after Linux tcp_gro_receive / inet_gro_receive: same 4-tuple,
// IPv4 with no options, DF set, same TOS and TTL; the TCP header identical to
// the aggregate's except the sequence number (which must be the next expected)
// and the checksum: same ACK number, window, header length and options byte
// for byte (so timestamps split aggregates at each clock tick); flags ACK or
// ACK|PSH only, and PSH closes the aggregate after merging. Pure ACKs, SYN,
// FIN, RST and URG segments are never merged: `offer` returns false for them
// after flushing that flow's aggregate, so per-flow order is kept.
//
// Contract: at most `maxContexts` flows are open at once (Linux MAX_GRO_SKBS =
// 8); opening one more flushes the oldest. An aggregate never exceeds
// `maxBytes` of IP datagram (GSO/GRO maximum, 64 KB). Frames handed to `offer`
// are read during the call only; flushed frames come from the pool.
import type { TraceRing } from '../../sim';
import type { FramePool } from '../../net/link';
import { readU16, readU32, writeU16 } from '../../net/wire';
import {
  ETH_LEN, IP_DST, IP_FRAG, IP_SRC, IP_TOTAL_LEN, TCP_ACK, TCP_PSH, fixIpChecksum, fixTcpChecksum, tcpLayout,
  type TcpLayout,
} from './tcp-frame';

class Context {
  open = false;
  /** Frame bytes so far: headers of the first segment, then every payload. */
  readonly buf: Uint8Array;
  len = 0;
  tcp = 0;
  hdr = 0;
  segments = 0;
  /** Trace span of the first segment merged: the aggregate carries it on (0 with no trace). */
  span = 0;
  nextSeq = 0;
  src = 0;
  dst = 0;
  ports = 0;
  openedAt = 0;
  constructor(capacity: number) {
    this.buf = new Uint8Array(capacity);
  }
}

export interface AggregatorCounters {
  /** Segments merged into an existing aggregate. */
  merged: number;
  /** Frames flushed (aggregates and singles that opened a context). */
  flushed: number;
}

export class TcpAggregator {
  readonly counters: AggregatorCounters = { merged: 0, flushed: 0 };
  private readonly contexts: Context[] = [];
  private readonly layout: TcpLayout = { tcp: 0, payload: 0, payloadLen: 0 };
  private openCount = 0;
  private stamp = 0;

  /**
   * @param maxBytes largest merged IP datagram (header + payload)
   * @param maxContexts flows aggregated at once
   */
  constructor(
    private readonly pool: FramePool, private readonly maxBytes = 65535, maxContexts = 8,
    /** The trace whose frame spans the aggregates carry on (docs trace-convention); null: none. */
    private readonly trace: TraceRing | null = null,
  ) {
    for (let i = 0; i < maxContexts; i++) this.contexts.push(new Context(ETH_LEN + Math.min(maxBytes, 65535)));
  }

  /** Frames currently held in open aggregates (segments, not aggregates). */
  get heldSegments(): number {
    let n = 0;
    for (const c of this.contexts) if (c.open) n += c.segments;
    return n;
  }

  get hasOpen(): boolean {
    return this.openCount > 0;
  }

  /**
   * Offers one received frame. True: it is held in an aggregate (flushed
   * aggregates, if any, were pushed onto `out`). False: it cannot be merged;
   * its flow's aggregate (if any) was flushed onto `out` first and the caller
   * passes the frame on as it is.
   */
  offer(f: Uint8Array, out: Uint8Array[]): boolean {
    const l = this.layout;
    if (!tcpLayout(f, l)) return false;
    const src = readU32(f, IP_SRC);
    const dst = readU32(f, IP_DST);
    const ports = readU32(f, l.tcp);
    const ctx = this.find(src, dst, ports);
    const flags = f[l.tcp + 13]!;
    const mergeable = l.payloadLen > 0 && (flags & ~TCP_PSH) === TCP_ACK && l.tcp === ETH_LEN + 20 &&
      (readU16(f, IP_FRAG) & 0x4000) !== 0 && readU16(f, l.tcp + 18) === 0;
    if (!mergeable) {
      if (ctx !== null) this.flush(ctx, out);
      return false;
    }
    const seq = readU32(f, l.tcp + 4);
    if (ctx !== null) {
      if (this.fits(ctx, f, l, seq)) {
        this.append(ctx, f, l, seq);
        this.counters.merged++;
        if ((flags & TCP_PSH) !== 0) this.flush(ctx, out);
        return true;
      }
      this.flush(ctx, out);
    }
    const c = this.freeContext(out);
    this.start(c, f, l, src, dst, ports, seq);
    if ((flags & TCP_PSH) !== 0) this.flush(c, out);
    return true;
  }

  /** Flushes every open aggregate onto `out`, oldest first. */
  flushAll(out: Uint8Array[]): void {
    while (this.openCount > 0) this.flush(this.oldest()!, out);
  }

  private find(src: number, dst: number, ports: number): Context | null {
    for (const c of this.contexts) if (c.open && c.src === src && c.dst === dst && c.ports === ports) return c;
    return null;
  }

  private oldest(): Context | null {
    let best: Context | null = null;
    for (const c of this.contexts) if (c.open && (best === null || c.openedAt < best.openedAt)) best = c;
    return best;
  }

  private freeContext(out: Uint8Array[]): Context {
    for (const c of this.contexts) if (!c.open) return c;
    const o = this.oldest()!;
    this.flush(o, out);
    return o;
  }

  /** Same headers (TOS, TTL, ACK, flags word, window, options) and the next sequence number, with room left. */
  private fits(c: Context, f: Uint8Array, l: TcpLayout, seq: number): boolean {
    if (seq !== c.nextSeq || l.payload !== c.hdr) return false;
    if (c.len - ETH_LEN + l.payloadLen > this.maxBytes) return false;
    const b = c.buf;
    if (b[ETH_LEN + 1] !== f[ETH_LEN + 1] || b[ETH_LEN + 8] !== f[ETH_LEN + 8]) return false;
    // ACK number (8..11), data offset (12), window (14..15).
    for (let i = 8; i < 12; i++) if (b[c.tcp + i] !== f[l.tcp + i]) return false;
    if (b[c.tcp + 12] !== f[l.tcp + 12] || b[c.tcp + 14] !== f[l.tcp + 14] || b[c.tcp + 15] !== f[l.tcp + 15]) return false;
    for (let i = c.tcp + 20; i < c.hdr; i++) if (b[i] !== f[i]) return false;
    return true;
  }

  private start(c: Context, f: Uint8Array, l: TcpLayout, src: number, dst: number, ports: number, seq: number): void {
    c.open = true;
    this.openCount++;
    c.buf.set(f.subarray(0, l.payload + l.payloadLen));
    c.len = l.payload + l.payloadLen;
    c.tcp = l.tcp;
    c.hdr = l.payload;
    c.segments = 1;
    c.span = this.trace !== null && this.trace.enabled ? this.trace.tagOf(f) : 0;
    c.nextSeq = (seq + l.payloadLen) >>> 0;
    c.src = src;
    c.dst = dst;
    c.ports = ports;
    c.openedAt = this.stamp++;
  }

  private append(c: Context, f: Uint8Array, l: TcpLayout, seq: number): void {
    c.buf.set(f.subarray(l.payload, l.payload + l.payloadLen), c.len);
    c.len += l.payloadLen;
    c.segments++;
    c.nextSeq = (seq + l.payloadLen) >>> 0;
    c.buf[c.tcp + 13] = c.buf[c.tcp + 13]! | (f[l.tcp + 13]! & TCP_PSH);
  }

  private flush(c: Context, out: Uint8Array[]): void {
    const frame = this.pool.take(c.len);
    frame.set(c.buf.subarray(0, c.len));
    if (c.segments > 1) {
      writeU16(frame, IP_TOTAL_LEN, c.len - ETH_LEN);
      fixIpChecksum(frame, c.tcp);
      fixTcpChecksum(frame, c.tcp, c.len);
    }
    // A pooled buffer would keep the span of its last use: the aggregate carries its first segment's.
    if (this.trace !== null && this.trace.enabled) this.trace.tag(frame, c.span);
    out.push(frame);
    c.open = false;
    this.openCount--;
    this.counters.flushed++;
  }
}
