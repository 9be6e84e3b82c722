// Byte-level reading and rewriting of Ethernet II / IPv4 / TCP frames for the
// stateless offloads (TSO, GSO, LRO, GRO). The offloads work on real bytes: a
// segment they produce or merge carries correct lengths, IPv4 identification,
// IPv4 header checksum (RFC 791 3.1) and TCP checksum over the pseudo-header
// (RFC 9293 3.1), so the stack that reads it and a capture that parses it see
// ordinary valid frames.
//
// Contract: nothing here allocates except through the caller's FramePool and
// nothing throws; `tcpLayout` says whether a frame is one these functions may
// touch (IPv4 without fragmentation, TCP, lengths consistent).
import type { FramePool } from '../../net/link';
import {
  checksumAdd, checksumFinish, internetChecksum, pseudoHeaderSum, readU16, readU32, writeU16, writeU32,
} from '../../net/wire';

export const ETH_LEN = 14;
export const IP_TOTAL_LEN = ETH_LEN + 2;
export const IP_ID = ETH_LEN + 4;
export const IP_FRAG = ETH_LEN + 6;
export const IP_CSUM = ETH_LEN + 10;
export const IP_SRC = ETH_LEN + 12;
export const IP_DST = ETH_LEN + 16;
export const TCP_FIN = 0x01;
export const TCP_SYN = 0x02;
export const TCP_RST = 0x04;
export const TCP_PSH = 0x08;
export const TCP_ACK = 0x10;
export const TCP_URG = 0x20;
export const TCP_CWR = 0x80;

/** Offsets of one TCP/IPv4 frame: where TCP starts, where the payload starts, and its length. */
export interface TcpLayout {
  tcp: number;
  payload: number;
  payloadLen: number;
}

/**
 * Fills `out` and returns true when `f` is Ethernet II + IPv4 (not a fragment)
 * + TCP with consistent lengths; false for anything else (ARP, UDP, runts).
 */
export function tcpLayout(f: Uint8Array, out: TcpLayout): boolean {
  if (f.length < ETH_LEN + 40 || f[12] !== 0x08 || f[13] !== 0x00) return false;
  const vihl = f[ETH_LEN]!;
  if (vihl >> 4 !== 4 || f[ETH_LEN + 9] !== 6) return false;
  if ((readU16(f, IP_FRAG) & 0x3fff) !== 0) return false;
  const ihl = (vihl & 0x0f) * 4;
  const total = readU16(f, IP_TOTAL_LEN);
  if (ihl < 20 || total < ihl + 20 || ETH_LEN + total > f.length) return false;
  const tcp = ETH_LEN + ihl;
  const thl = (f[tcp + 12]! >> 4) * 4;
  if (thl < 20 || ihl + thl > total) return false;
  out.tcp = tcp;
  out.payload = tcp + thl;
  out.payloadLen = total - ihl - thl;
  return true;
}

/** Rewrites the IPv4 header checksum of frame `f` (RFC 791: one's complement of the header sum). */
export function fixIpChecksum(f: Uint8Array, tcp: number): void {
  writeU16(f, IP_CSUM, 0);
  writeU16(f, IP_CSUM, internetChecksum(f, ETH_LEN, tcp));
}

/** Rewrites the TCP checksum of frame `f` over the pseudo-header and the segment (RFC 9293 3.1). */
export function fixTcpChecksum(f: Uint8Array, tcp: number, end: number): void {
  writeU16(f, tcp + 16, 0);
  const sum = checksumAdd(pseudoHeaderSum(readU32(f, IP_SRC), readU32(f, IP_DST), 6, end - tcp), f, tcp, end);
  writeU16(f, tcp + 16, checksumFinish(sum));
}

const scratch: TcpLayout = { tcp: 0, payload: 0, payloadLen: 0 };

/**
 * Cuts a TCP super-frame into frames of at most `mtu` IP bytes (TSO in the
 * NIC, GSO in the host: Linux tcp_gso_segment). Each frame repeats the
 * headers (options included), with IPv4 identification counting up from the
 * super-frame's, sequence numbers advancing by the payload, FIN and PSH only
 * on the last and CWR only on the first, and both checksums recomputed.
 * Pushes the frames (from `pool`) onto `out` and returns how many; 0 if the
 * frame is not TCP/IPv4 or its headers leave no room under the MTU.
 */
export function segmentTcpFrame(f: Uint8Array, mtu: number, pool: FramePool, out: Uint8Array[]): number {
  const l = scratch;
  if (!tcpLayout(f, l)) return 0;
  const hdr = l.payload;
  const mss = mtu - (hdr - ETH_LEN);
  if (mss <= 0 || l.payloadLen === 0) return 0;
  const id0 = readU16(f, IP_ID);
  const seq0 = readU32(f, l.tcp + 4);
  const flags0 = f[l.tcp + 13]!;
  let n = 0;
  for (let off = 0; off < l.payloadLen; off += mss) {
    const len = Math.min(mss, l.payloadLen - off);
    const last = off + len >= l.payloadLen;
    const buf = pool.take(hdr + len);
    buf.set(f.subarray(0, hdr));
    buf.set(f.subarray(hdr + off, hdr + off + len), hdr);
    writeU16(buf, IP_TOTAL_LEN, hdr - ETH_LEN + len);
    writeU16(buf, IP_ID, (id0 + n) & 0xffff);
    fixIpChecksum(buf, l.tcp);
    writeU32(buf, l.tcp + 4, (seq0 + off) >>> 0);
    let flags = flags0;
    if (!last) flags &= ~(TCP_FIN | TCP_PSH);
    if (n > 0) flags &= ~TCP_CWR;
    buf[l.tcp + 13] = flags;
    fixTcpChecksum(buf, l.tcp, hdr + len);
    out.push(buf);
    n++;
  }
  return n;
}
