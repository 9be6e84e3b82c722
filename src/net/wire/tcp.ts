// TCP segments (RFC 9293 section 3.1): header, options and payload.
//
// Contract: parseTcp checks the fixed header length, the data offset (5..15
// words, within the buffer), the options, and, when the IPv4 source and
// destination are given, the checksum over the pseudo-header and the whole
// segment. `bytes` is the whole IPv4 payload: the segment ends where it ends.
// The repr's payload is a view into `bytes`. emitTcp writes header, options and
// payload at buf[offset] and fills in the checksum; it copies the payload only
// when it is not already in place. Neither throws; parse allocates only the
// repr and its options, emit allocates nothing.
import { checksumAdd, checksumFinish, pseudoHeaderSum } from './checksum';
import { readU16, readU32, readU8, writeU16, writeU32, writeU8 } from './bytes';
import { seq, type SeqNumber } from './seq';
import { emitTcpOptions, parseTcpOptions, tcpOptionsLen } from './tcp-options';
import { IPPROTO_TCP, wireError, type Ipv4Addr, type TcpRepr, type WireError } from './types';

export const TCP_SRC_PORT = 0;
export const TCP_DST_PORT = 2;
export const TCP_SEQ = 4;
export const TCP_ACK_NUM = 8;
export const TCP_DATA_OFFSET = 12;
export const TCP_FLAGS = 13;
export const TCP_WINDOW = 14;
export const TCP_CHECKSUM = 16;
export const TCP_URGENT = 18;
export const TCP_OPTIONS = 20;
export const TCP_HEADER_LEN = 20;
export const TCP_MAX_HEADER_LEN = 60;

/** Header length in bytes from the data offset field (no validation). */
export function tcpHeaderLenOf(bytes: Uint8Array): number {
  return (readU8(bytes, TCP_DATA_OFFSET) >>> 4) * 4;
}

/**
 * Accessors over a segment whose header parseTcp accepted (view shape; no
 * allocation), e.g. for a connection lookup by ports before a full parse.
 */
export const tcpView = {
  srcPort: (b: Uint8Array): number => readU16(b, TCP_SRC_PORT),
  dstPort: (b: Uint8Array): number => readU16(b, TCP_DST_PORT),
  seq: (b: Uint8Array): SeqNumber => seq(readU32(b, TCP_SEQ)),
  ack: (b: Uint8Array): SeqNumber => seq(readU32(b, TCP_ACK_NUM)),
  headerLength: tcpHeaderLenOf,
  flags: (b: Uint8Array): number => readU8(b, TCP_FLAGS),
  window: (b: Uint8Array): number => readU16(b, TCP_WINDOW),
  checksum: (b: Uint8Array): number => readU16(b, TCP_CHECKSUM),
  urgentPointer: (b: Uint8Array): number => readU16(b, TCP_URGENT),
  payloadLength: (b: Uint8Array): number => b.length - tcpHeaderLenOf(b),
} as const;

export function parseTcp(bytes: Uint8Array, src?: Ipv4Addr, dst?: Ipv4Addr): TcpRepr | WireError {
  if (bytes.length < TCP_HEADER_LEN) {
    return wireError('truncated', 'tcp.header', `need ${TCP_HEADER_LEN} bytes, have ${bytes.length}`);
  }
  const headerLen = tcpHeaderLenOf(bytes);
  if (headerLen < TCP_HEADER_LEN) return wireError('malformed', 'tcp.dataOffset', `data offset ${headerLen / 4} < 5`);
  if (headerLen > bytes.length) {
    return wireError('truncated', 'tcp.dataOffset', `header of ${headerLen} bytes, have ${bytes.length}`);
  }
  const options = parseTcpOptions(bytes, TCP_OPTIONS, headerLen);
  if ('wireError' in options) return options;
  if (src !== undefined && dst !== undefined) {
    if (bytes.length > 0xffff) return wireError('malformed', 'tcp.length', `segment of ${bytes.length} bytes`);
    const sum = checksumAdd(pseudoHeaderSum(src, dst, IPPROTO_TCP, bytes.length), bytes);
    if (checksumFinish(sum) !== 0) {
      return wireError('checksum', 'tcp.checksum', `checksum 0x${readU16(bytes, TCP_CHECKSUM).toString(16)} is wrong`);
    }
  }
  return {
    srcPort: readU16(bytes, TCP_SRC_PORT),
    dstPort: readU16(bytes, TCP_DST_PORT),
    seq: seq(readU32(bytes, TCP_SEQ)),
    ack: seq(readU32(bytes, TCP_ACK_NUM)),
    flags: readU8(bytes, TCP_FLAGS),
    window: readU16(bytes, TCP_WINDOW),
    urgentPointer: readU16(bytes, TCP_URGENT),
    options,
    payload: bytes.subarray(headerLen),
  };
}

export function tcpHeaderLen(repr: TcpRepr): number {
  return TCP_HEADER_LEN + tcpOptionsLen(repr.options);
}

export function tcpBufferLen(repr: TcpRepr): number {
  return tcpHeaderLen(repr) + repr.payload.length;
}

/** Write the segment at buf[offset] with its checksum; returns its length or an error. */
export function emitTcp(
  repr: TcpRepr,
  buf: Uint8Array,
  offset: number,
  src: Ipv4Addr,
  dst: Ipv4Addr,
): number | WireError {
  const headerLen = tcpHeaderLen(repr);
  const total = headerLen + repr.payload.length;
  if (buf.length - offset < total) {
    return wireError('truncated', 'tcp.buffer', `need ${total} bytes at ${offset}, have ${buf.length - offset}`);
  }
  if (total > 0xffff - 20) return wireError('malformed', 'tcp.length', `segment of ${total} bytes exceeds IPv4`);
  const o = offset;
  writeU16(buf, o + TCP_SRC_PORT, repr.srcPort);
  writeU16(buf, o + TCP_DST_PORT, repr.dstPort);
  writeU32(buf, o + TCP_SEQ, repr.seq);
  writeU32(buf, o + TCP_ACK_NUM, repr.ack);
  writeU8(buf, o + TCP_DATA_OFFSET, (headerLen / 4) << 4);
  writeU8(buf, o + TCP_FLAGS, repr.flags);
  writeU16(buf, o + TCP_WINDOW, repr.window);
  writeU16(buf, o + TCP_CHECKSUM, 0);
  writeU16(buf, o + TCP_URGENT, repr.urgentPointer);
  emitTcpOptions(repr.options, buf, o + TCP_OPTIONS);
  const p = repr.payload;
  if (p.length > 0 && !(p.buffer === buf.buffer && p.byteOffset === buf.byteOffset + o + headerLen)) {
    buf.set(p, o + headerLen);
  }
  const sum = checksumAdd(pseudoHeaderSum(src, dst, IPPROTO_TCP, total), buf, o, o + total);
  writeU16(buf, o + TCP_CHECKSUM, checksumFinish(sum));
  return total;
}
