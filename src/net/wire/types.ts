// Validated values ("reprs") of the wire formats, and the typed error every
// parser returns instead of throwing. This file is the contract between the byte
// formats (src/net/wire) and the protocol machines (src/net/tcp, udp, ipv4, arp).
// Parsers: parseX(bytes) -> XRepr | WireError. Emitters: emitX(repr, buf, ...)
// write into a caller-owned buffer. Payloads are subarray views, never copies.
import type { SeqNumber } from './seq';

export type WireErrorKind = 'truncated' | 'malformed' | 'checksum' | 'unsupported';

export interface WireError {
  readonly wireError: true;
  readonly kind: WireErrorKind;
  /** The field at fault, dotted: 'ipv4.totalLength', 'tcp.options.mss'. */
  readonly field: string;
  readonly detail: string;
}

export function wireError(kind: WireErrorKind, field: string, detail: string): WireError {
  return { wireError: true, kind, field, detail };
}

export function isWireError(x: unknown): x is WireError {
  return typeof x === 'object' && x !== null && (x as { wireError?: unknown }).wireError === true;
}

/** A MAC address as a 48-bit integer (exact in a JS number). */
export type MacAddr = number;
/** An IPv4 address as an unsigned 32-bit integer. */
export type Ipv4Addr = number;

export const ETHERTYPE_IPV4 = 0x0800;
export const ETHERTYPE_ARP = 0x0806;
export const IPPROTO_TCP = 6;
export const IPPROTO_UDP = 17;

export interface EthernetRepr {
  dst: MacAddr;
  src: MacAddr;
  etherType: number;
}

export interface ArpRepr {
  /** 1 = request, 2 = reply. */
  operation: 1 | 2;
  senderMac: MacAddr;
  senderIp: Ipv4Addr;
  targetMac: MacAddr;
  targetIp: Ipv4Addr;
}

export interface Ipv4Repr {
  src: Ipv4Addr;
  dst: Ipv4Addr;
  protocol: number;
  ttl: number;
  identification: number;
  dscp: number;
  ecn: number;
  dontFragment: boolean;
  moreFragments: boolean;
  /** Fragment offset in bytes (a multiple of 8). */
  fragmentOffset: number;
  /** Length of the IPv4 payload in bytes (totalLength - headerLength). */
  payloadLength: number;
}

export const TCP_FIN = 0x01;
export const TCP_SYN = 0x02;
export const TCP_RST = 0x04;
export const TCP_PSH = 0x08;
export const TCP_ACK = 0x10;
export const TCP_URG = 0x20;
export const TCP_ECE = 0x40;
export const TCP_CWR = 0x80;

export interface TcpSackBlock {
  left: SeqNumber;
  right: SeqNumber;
}

export interface TcpOptions {
  mss?: number;
  windowScale?: number;
  sackPermitted?: boolean;
  sackBlocks?: TcpSackBlock[];
  timestamps?: { tsVal: number; tsEcr: number };
}

export interface TcpRepr {
  srcPort: number;
  dstPort: number;
  seq: SeqNumber;
  ack: SeqNumber;
  /** Bit mask of TCP_FIN ... TCP_CWR. */
  flags: number;
  /** The raw 16-bit window field (unscaled). */
  window: number;
  urgentPointer: number;
  options: TcpOptions;
  payload: Uint8Array;
}

export interface UdpRepr {
  srcPort: number;
  dstPort: number;
  payload: Uint8Array;
}
