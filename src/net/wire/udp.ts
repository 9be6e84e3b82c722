// UDP datagrams (RFC 768).
//
// Contract: parseUdp checks the header, that the length field is at least 8 and
// within `bytes` (bytes past it are ignored), and, when the IPv4 addresses are
// given and the checksum field is not zero, the checksum. A zero checksum means
// "none" on IPv4 (RFC 768); a computed zero is sent as 0xffff. The payload is a
// view into `bytes`. emitUdp writes header and payload at buf[offset]. Neither
// throws; emit allocates nothing.
import { checksumAdd, checksumFinish, pseudoHeaderSum } from './checksum';
import { readU16, writeU16 } from './bytes';
import { IPPROTO_UDP, wireError, type Ipv4Addr, type UdpRepr, type WireError } from './types';

export const UDP_SRC_PORT = 0;
export const UDP_DST_PORT = 2;
export const UDP_LENGTH = 4;
export const UDP_CHECKSUM = 6;
export const UDP_HEADER_LEN = 8;

/** Accessors over a checked UDP header (view shape; no allocation). */
export const udpView = {
  srcPort: (b: Uint8Array): number => readU16(b, UDP_SRC_PORT),
  dstPort: (b: Uint8Array): number => readU16(b, UDP_DST_PORT),
  length: (b: Uint8Array): number => readU16(b, UDP_LENGTH),
  checksum: (b: Uint8Array): number => readU16(b, UDP_CHECKSUM),
} as const;

export function parseUdp(bytes: Uint8Array, src?: Ipv4Addr, dst?: Ipv4Addr): UdpRepr | WireError {
  if (bytes.length < UDP_HEADER_LEN) {
    return wireError('truncated', 'udp.header', `need ${UDP_HEADER_LEN} bytes, have ${bytes.length}`);
  }
  const length = readU16(bytes, UDP_LENGTH);
  if (length < UDP_HEADER_LEN) return wireError('malformed', 'udp.length', `length ${length} < 8`);
  if (length > bytes.length) return wireError('truncated', 'udp.length', `length ${length} > ${bytes.length} bytes present`);
  const checksum = readU16(bytes, UDP_CHECKSUM);
  if (src !== undefined && dst !== undefined && checksum !== 0) {
    const sum = checksumAdd(pseudoHeaderSum(src, dst, IPPROTO_UDP, length), bytes, 0, length);
    if (checksumFinish(sum) !== 0) return wireError('checksum', 'udp.checksum', `checksum 0x${checksum.toString(16)} is wrong`);
  }
  return {
    srcPort: readU16(bytes, UDP_SRC_PORT),
    dstPort: readU16(bytes, UDP_DST_PORT),
    payload: bytes.subarray(UDP_HEADER_LEN, length),
  };
}

export function udpHeaderLen(_repr?: UdpRepr): number {
  return UDP_HEADER_LEN;
}

export function udpBufferLen(repr: UdpRepr): number {
  return UDP_HEADER_LEN + repr.payload.length;
}

/**
 * Write the datagram at buf[offset]; returns its length or an error. With
 * `withChecksum` false the checksum field is 0 ("none", allowed on IPv4).
 */
export function emitUdp(
  repr: UdpRepr,
  buf: Uint8Array,
  offset: number,
  src: Ipv4Addr,
  dst: Ipv4Addr,
  withChecksum = true,
): number | WireError {
  const total = UDP_HEADER_LEN + repr.payload.length;
  if (buf.length - offset < total) {
    return wireError('truncated', 'udp.buffer', `need ${total} bytes at ${offset}, have ${buf.length - offset}`);
  }
  if (total > 0xffff - 20) return wireError('malformed', 'udp.length', `datagram of ${total} bytes exceeds IPv4`);
  const o = offset;
  writeU16(buf, o + UDP_SRC_PORT, repr.srcPort);
  writeU16(buf, o + UDP_DST_PORT, repr.dstPort);
  writeU16(buf, o + UDP_LENGTH, total);
  writeU16(buf, o + UDP_CHECKSUM, 0);
  const p = repr.payload;
  if (p.length > 0 && !(p.buffer === buf.buffer && p.byteOffset === buf.byteOffset + o + UDP_HEADER_LEN)) {
    buf.set(p, o + UDP_HEADER_LEN);
  }
  if (withChecksum) {
    const c = checksumFinish(checksumAdd(pseudoHeaderSum(src, dst, IPPROTO_UDP, total), buf, o, o + total));
    writeU16(buf, o + UDP_CHECKSUM, c === 0 ? 0xffff : c);
  }
  return total;
}
