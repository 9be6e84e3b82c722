// IPv4 headers (RFC 791), with fragmentation fields and the header checksum.
//
// Contract: parseIpv4 validates, in order, the header length, version, IHL,
// total length against the buffer, the options' lengths (options are skipped,
// not interpreted), the reserved flag and the header checksum; once it returns a
// repr, the header and payload are within `bytes`. Bytes after totalLength
// (Ethernet padding) are ignored. emitIpv4 writes a 20-byte header without
// options and computes its checksum; the caller writes the payload after it.
// Neither allocates anything but the repr, and neither throws.
import { checksumAdd, checksumFinish } from './checksum';
import { readU16, readU32, readU8, writeU16, writeU32, writeU8 } from './bytes';
import { wireError, type Ipv4Repr, type WireError } from './types';

export const IPV4_VER_IHL = 0;
export const IPV4_DSCP_ECN = 1;
export const IPV4_TOTAL_LENGTH = 2;
export const IPV4_IDENTIFICATION = 4;
export const IPV4_FLAGS_FRAGMENT = 6;
export const IPV4_TTL = 8;
export const IPV4_PROTOCOL = 9;
export const IPV4_CHECKSUM = 10;
export const IPV4_SRC = 12;
export const IPV4_DST = 16;
export const IPV4_OPTIONS = 20;
export const IPV4_HEADER_LEN = 20;
export const IPV4_MAX_TOTAL_LENGTH = 0xffff;

export const IPV4_FLAG_RESERVED = 0x8000;
export const IPV4_FLAG_DF = 0x4000;
export const IPV4_FLAG_MF = 0x2000;
export const IPV4_FRAGMENT_MASK = 0x1fff;

/** Header length in bytes from the IHL field; 0 if the buffer is empty. */
export function ipv4HeaderLenOf(bytes: Uint8Array): number {
  return bytes.length === 0 ? 0 : (readU8(bytes, IPV4_VER_IHL) & 0x0f) * 4;
}

/**
 * Accessors over a header that parseIpv4 accepted (view shape; no allocation),
 * for fast paths that need one field: demultiplexing, TTL, reassembly keys.
 */
export const ipv4View = {
  headerLength: ipv4HeaderLenOf,
  totalLength: (b: Uint8Array): number => readU16(b, IPV4_TOTAL_LENGTH),
  identification: (b: Uint8Array): number => readU16(b, IPV4_IDENTIFICATION),
  dontFragment: (b: Uint8Array): boolean => (readU16(b, IPV4_FLAGS_FRAGMENT) & IPV4_FLAG_DF) !== 0,
  moreFragments: (b: Uint8Array): boolean => (readU16(b, IPV4_FLAGS_FRAGMENT) & IPV4_FLAG_MF) !== 0,
  fragmentOffset: (b: Uint8Array): number => (readU16(b, IPV4_FLAGS_FRAGMENT) & IPV4_FRAGMENT_MASK) * 8,
  ttl: (b: Uint8Array): number => readU8(b, IPV4_TTL),
  protocol: (b: Uint8Array): number => readU8(b, IPV4_PROTOCOL),
  checksum: (b: Uint8Array): number => readU16(b, IPV4_CHECKSUM),
  src: (b: Uint8Array): number => readU32(b, IPV4_SRC),
  dst: (b: Uint8Array): number => readU32(b, IPV4_DST),
} as const;

export function parseIpv4(bytes: Uint8Array, verifyChecksum = true): Ipv4Repr | WireError {
  if (bytes.length < IPV4_HEADER_LEN) {
    return wireError('truncated', 'ipv4.header', `need ${IPV4_HEADER_LEN} bytes, have ${bytes.length}`);
  }
  const verIhl = readU8(bytes, IPV4_VER_IHL);
  if (verIhl >>> 4 !== 4) return wireError('malformed', 'ipv4.version', `version ${verIhl >>> 4}`);
  const headerLen = (verIhl & 0x0f) * 4;
  if (headerLen < IPV4_HEADER_LEN) return wireError('malformed', 'ipv4.headerLength', `IHL ${headerLen / 4} < 5`);
  if (headerLen > bytes.length) {
    return wireError('truncated', 'ipv4.headerLength', `header of ${headerLen} bytes, have ${bytes.length}`);
  }
  const totalLength = readU16(bytes, IPV4_TOTAL_LENGTH);
  if (totalLength < headerLen) {
    return wireError('malformed', 'ipv4.totalLength', `total length ${totalLength} < header length ${headerLen}`);
  }
  if (totalLength > bytes.length) {
    return wireError('truncated', 'ipv4.totalLength', `total length ${totalLength} > ${bytes.length} bytes present`);
  }
  // RFC 791 section 3.1, "Options": single-byte EOL (0) and NOP (1), otherwise type, length >= 2.
  for (let o = IPV4_OPTIONS; o < headerLen; ) {
    const kind = readU8(bytes, o);
    if (kind === 0) break;
    if (kind === 1) {
      o += 1;
      continue;
    }
    if (o + 1 >= headerLen) return wireError('malformed', 'ipv4.options.length', `option ${kind} at ${o} has no length byte`);
    const len = readU8(bytes, o + 1);
    if (len < 2 || o + len > headerLen) {
      return wireError('malformed', 'ipv4.options.length', `option ${kind} at ${o} has length ${len}`);
    }
    o += len;
  }
  const flagsFrag = readU16(bytes, IPV4_FLAGS_FRAGMENT);
  if (flagsFrag & IPV4_FLAG_RESERVED) return wireError('malformed', 'ipv4.flags', 'reserved flag bit set');
  const fragmentOffset = (flagsFrag & IPV4_FRAGMENT_MASK) * 8;
  // RFC 791: a fragment cannot extend past the 65535-byte maximum datagram.
  if (fragmentOffset + totalLength - headerLen > IPV4_MAX_TOTAL_LENGTH) {
    return wireError('malformed', 'ipv4.fragmentOffset', `fragment ends at ${fragmentOffset + totalLength - headerLen} > 65535`);
  }
  if (verifyChecksum && checksumFinish(checksumAdd(0, bytes, 0, headerLen)) !== 0) {
    return wireError('checksum', 'ipv4.checksum', `header checksum 0x${readU16(bytes, IPV4_CHECKSUM).toString(16)} is wrong`);
  }
  const dscpEcn = readU8(bytes, IPV4_DSCP_ECN);
  return {
    src: readU32(bytes, IPV4_SRC),
    dst: readU32(bytes, IPV4_DST),
    protocol: readU8(bytes, IPV4_PROTOCOL),
    ttl: readU8(bytes, IPV4_TTL),
    identification: readU16(bytes, IPV4_IDENTIFICATION),
    dscp: dscpEcn >>> 2,
    ecn: dscpEcn & 3,
    dontFragment: (flagsFrag & IPV4_FLAG_DF) !== 0,
    moreFragments: (flagsFrag & IPV4_FLAG_MF) !== 0,
    fragmentOffset,
    payloadLength: totalLength - headerLen,
  };
}

/** The payload of a parsed packet: bytes[IHL*4, totalLength) as a view. */
export function ipv4Payload(bytes: Uint8Array, repr: Ipv4Repr): Uint8Array {
  const start = ipv4HeaderLenOf(bytes);
  return bytes.subarray(start, start + repr.payloadLength);
}

export function ipv4HeaderLen(_repr?: Ipv4Repr): number {
  return IPV4_HEADER_LEN;
}

export function ipv4BufferLen(repr: Ipv4Repr): number {
  return IPV4_HEADER_LEN + repr.payloadLength;
}

/**
 * Write a 20-byte header at buf[offset] with its checksum; returns 20 or an
 * error naming the field that cannot be represented.
 */
export function emitIpv4(repr: Ipv4Repr, buf: Uint8Array, offset = 0): number | WireError {
  return emitIpv4With(repr, buf, offset, repr.protocol, repr.payloadLength);
}

/**
 * emitIpv4 with the protocol and payload length given apart from the repr, so a
 * frame builder can size the header from the transport layer without copying
 * the caller's repr.
 */
export function emitIpv4With(
  repr: Ipv4Repr,
  buf: Uint8Array,
  offset: number,
  protocol: number,
  payloadLength: number,
): number | WireError {
  if (buf.length - offset < IPV4_HEADER_LEN) {
    return wireError('truncated', 'ipv4.buffer', `need ${IPV4_HEADER_LEN} bytes at ${offset}, have ${buf.length - offset}`);
  }
  const total = IPV4_HEADER_LEN + payloadLength;
  if (!(payloadLength >= 0) || total > IPV4_MAX_TOTAL_LENGTH) {
    return wireError('malformed', 'ipv4.totalLength', `payload of ${payloadLength} bytes does not fit`);
  }
  if (repr.fragmentOffset % 8 !== 0 || repr.fragmentOffset < 0 || repr.fragmentOffset / 8 > IPV4_FRAGMENT_MASK) {
    return wireError('malformed', 'ipv4.fragmentOffset', `${repr.fragmentOffset} is not a multiple of 8 in range`);
  }
  const o = offset;
  writeU8(buf, o + IPV4_VER_IHL, 0x45);
  writeU8(buf, o + IPV4_DSCP_ECN, ((repr.dscp & 0x3f) << 2) | (repr.ecn & 3));
  writeU16(buf, o + IPV4_TOTAL_LENGTH, total);
  writeU16(buf, o + IPV4_IDENTIFICATION, repr.identification);
  writeU16(
    buf,
    o + IPV4_FLAGS_FRAGMENT,
    (repr.dontFragment ? IPV4_FLAG_DF : 0) | (repr.moreFragments ? IPV4_FLAG_MF : 0) | (repr.fragmentOffset / 8),
  );
  writeU8(buf, o + IPV4_TTL, repr.ttl);
  writeU8(buf, o + IPV4_PROTOCOL, protocol);
  writeU16(buf, o + IPV4_CHECKSUM, 0);
  writeU32(buf, o + IPV4_SRC, repr.src);
  writeU32(buf, o + IPV4_DST, repr.dst);
  writeU16(buf, o + IPV4_CHECKSUM, checksumFinish(checksumAdd(0, buf, o, o + IPV4_HEADER_LEN)));
  return IPV4_HEADER_LEN;
}
