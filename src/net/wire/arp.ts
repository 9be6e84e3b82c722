// ARP for IPv4 over Ethernet (RFC 826): request and reply, 28 bytes.
//
// Contract: parseArp accepts only hardware type 1 (Ethernet), protocol 0x0800,
// address lengths 6 and 4, and operations 1 and 2; anything else is an error
// naming the field. Bytes past the 28 (Ethernet padding) are ignored.
import { readU16, readU32, readU48, readU8, writeU16, writeU32, writeU48, writeU8 } from './bytes';
import { ETHERTYPE_IPV4, wireError, type ArpRepr, type WireError } from './types';

export const ARP_HTYPE = 0;
export const ARP_PTYPE = 2;
export const ARP_HLEN = 4;
export const ARP_PLEN = 5;
export const ARP_OPER = 6;
export const ARP_SHA = 8;
export const ARP_SPA = 14;
export const ARP_THA = 18;
export const ARP_TPA = 24;
export const ARP_LEN = 28;
export const ARP_HTYPE_ETHERNET = 1;
export const ARP_REQUEST = 1;
export const ARP_REPLY = 2;

/** Accessors over a checked 28-byte ARP packet (view shape; no allocation). */
export const arpView = {
  operation: (b: Uint8Array): number => readU16(b, ARP_OPER),
  senderMac: (b: Uint8Array): number => readU48(b, ARP_SHA),
  senderIp: (b: Uint8Array): number => readU32(b, ARP_SPA),
  targetMac: (b: Uint8Array): number => readU48(b, ARP_THA),
  targetIp: (b: Uint8Array): number => readU32(b, ARP_TPA),
} as const;

export function parseArp(bytes: Uint8Array): ArpRepr | WireError {
  if (bytes.length < ARP_LEN) return wireError('truncated', 'arp.packet', `need ${ARP_LEN} bytes, have ${bytes.length}`);
  const htype = readU16(bytes, ARP_HTYPE);
  if (htype !== ARP_HTYPE_ETHERNET) return wireError('unsupported', 'arp.hardwareType', `hardware type ${htype}`);
  const ptype = readU16(bytes, ARP_PTYPE);
  if (ptype !== ETHERTYPE_IPV4) return wireError('unsupported', 'arp.protocolType', `protocol type 0x${ptype.toString(16)}`);
  const hlen = readU8(bytes, ARP_HLEN);
  if (hlen !== 6) return wireError('malformed', 'arp.hardwareLength', `hardware length ${hlen}, expected 6`);
  const plen = readU8(bytes, ARP_PLEN);
  if (plen !== 4) return wireError('malformed', 'arp.protocolLength', `protocol length ${plen}, expected 4`);
  const operation = readU16(bytes, ARP_OPER);
  if (operation !== ARP_REQUEST && operation !== ARP_REPLY) {
    return wireError('unsupported', 'arp.operation', `operation ${operation}`);
  }
  return {
    operation,
    senderMac: readU48(bytes, ARP_SHA),
    senderIp: readU32(bytes, ARP_SPA),
    targetMac: readU48(bytes, ARP_THA),
    targetIp: readU32(bytes, ARP_TPA),
  };
}

export function arpBufferLen(_repr?: ArpRepr): number {
  return ARP_LEN;
}

export function emitArp(repr: ArpRepr, buf: Uint8Array, offset = 0): number | WireError {
  if (buf.length - offset < ARP_LEN) {
    return wireError('truncated', 'arp.buffer', `need ${ARP_LEN} bytes at ${offset}, have ${buf.length - offset}`);
  }
  const o = offset;
  writeU16(buf, o + ARP_HTYPE, ARP_HTYPE_ETHERNET);
  writeU16(buf, o + ARP_PTYPE, ETHERTYPE_IPV4);
  writeU8(buf, o + ARP_HLEN, 6);
  writeU8(buf, o + ARP_PLEN, 4);
  writeU16(buf, o + ARP_OPER, repr.operation);
  writeU48(buf, o + ARP_SHA, repr.senderMac);
  writeU32(buf, o + ARP_SPA, repr.senderIp);
  writeU48(buf, o + ARP_THA, repr.targetMac);
  writeU32(buf, o + ARP_TPA, repr.targetIp);
  return ARP_LEN;
}
