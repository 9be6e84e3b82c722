// Whole Ethernet frames: build one from reprs in a single pass into caller
// memory, or parse one into its layers. Used by the stack, the link and the
// packet inspector.
//
// Contract: builders set the EtherType, the IPv4 protocol and total length
// themselves (the reprs' etherType, protocol and payloadLength are ignored,
// except by buildIpv4Frame, which sends ip.protocol), pad to the 60-byte minimum
// with zeros, and return the frame length or a WireError; they allocate
// nothing. parseFrame never throws: it returns the first layer's error. An IPv4
// fragment (MF set or a non-zero offset) is not parsed as TCP/UDP: its payload
// is the fragment's bytes, left for reassembly.
import { emitArp, parseArp, ARP_LEN } from './arp';
import { writeU16 } from './bytes';
import { emitEthernet, parseEthernet, ETHERNET_ETHERTYPE, ETHERNET_HEADER_LEN, ETHERNET_MIN_FRAME_LEN } from './ethernet';
import { emitIpv4, emitIpv4With, ipv4HeaderLenOf, parseIpv4, IPV4_HEADER_LEN } from './ipv4';
import { emitTcp, parseTcp, tcpBufferLen } from './tcp';
import { emitUdp, parseUdp, udpBufferLen } from './udp';
import {
  ETHERTYPE_ARP,
  ETHERTYPE_IPV4,
  IPPROTO_TCP,
  IPPROTO_UDP,
  isWireError,
  wireError,
  type ArpRepr,
  type EthernetRepr,
  type Ipv4Repr,
  type TcpRepr,
  type UdpRepr,
  type WireError,
} from './types';

export interface ParsedFrame {
  eth: EthernetRepr;
  arp?: ArpRepr;
  ip?: Ipv4Repr;
  tcp?: TcpRepr;
  udp?: UdpRepr;
  /** The innermost payload: TCP/UDP data, an IPv4 fragment's or unknown protocol's bytes, or the Ethernet payload. */
  payload: Uint8Array;
}

function padToMinimum(buf: Uint8Array, offset: number, len: number): number {
  if (len >= ETHERNET_MIN_FRAME_LEN) return len;
  const end = Math.min(offset + ETHERNET_MIN_FRAME_LEN, buf.length);
  buf.fill(0, offset + len, end);
  return end - offset;
}

export function tcpFrameLen(tcp: TcpRepr): number {
  return Math.max(ETHERNET_MIN_FRAME_LEN, ETHERNET_HEADER_LEN + IPV4_HEADER_LEN + tcpBufferLen(tcp));
}

export function udpFrameLen(udp: UdpRepr): number {
  return Math.max(ETHERNET_MIN_FRAME_LEN, ETHERNET_HEADER_LEN + IPV4_HEADER_LEN + udpBufferLen(udp));
}

/** Ethernet + IPv4 + TCP at buf[offset]; returns the frame length. */
export function buildTcpFrame(
  eth: EthernetRepr,
  ip: Ipv4Repr,
  tcp: TcpRepr,
  buf: Uint8Array,
  offset = 0,
): number | WireError {
  const need = tcpFrameLen(tcp);
  if (buf.length - offset < need) return wireTruncated('frame.buffer', need, buf.length - offset);
  const l4 = offset + ETHERNET_HEADER_LEN + IPV4_HEADER_LEN;
  const tcpLen = emitTcp(tcp, buf, l4, ip.src, ip.dst);
  if (typeof tcpLen !== 'number') return tcpLen;
  const e = emitIpv4With(ip, buf, offset + ETHERNET_HEADER_LEN, IPPROTO_TCP, tcpLen);
  if (typeof e !== 'number') return e;
  emitEthernetTyped(eth, ETHERTYPE_IPV4, buf, offset);
  return padToMinimum(buf, offset, ETHERNET_HEADER_LEN + IPV4_HEADER_LEN + tcpLen);
}

/** Ethernet + IPv4 + UDP at buf[offset]; returns the frame length. */
export function buildUdpFrame(
  eth: EthernetRepr,
  ip: Ipv4Repr,
  udp: UdpRepr,
  buf: Uint8Array,
  offset = 0,
): number | WireError {
  const need = udpFrameLen(udp);
  if (buf.length - offset < need) return wireTruncated('frame.buffer', need, buf.length - offset);
  const l4 = offset + ETHERNET_HEADER_LEN + IPV4_HEADER_LEN;
  const udpLen = emitUdp(udp, buf, l4, ip.src, ip.dst);
  if (typeof udpLen !== 'number') return udpLen;
  const e = emitIpv4With(ip, buf, offset + ETHERNET_HEADER_LEN, IPPROTO_UDP, udpLen);
  if (typeof e !== 'number') return e;
  emitEthernetTyped(eth, ETHERTYPE_IPV4, buf, offset);
  return padToMinimum(buf, offset, ETHERNET_HEADER_LEN + IPV4_HEADER_LEN + udpLen);
}

/**
 * Ethernet + IPv4 with raw payload bytes (an IPv4 fragment, or a protocol the
 * wire layer does not build); ip.payloadLength must equal payload.length.
 */
export function buildIpv4Frame(
  eth: EthernetRepr,
  ip: Ipv4Repr,
  payload: Uint8Array,
  buf: Uint8Array,
  offset = 0,
): number | WireError {
  if (ip.payloadLength !== payload.length) {
    return wireError('malformed', 'ipv4.totalLength', `payloadLength ${ip.payloadLength} != ${payload.length} bytes given`);
  }
  const len = ETHERNET_HEADER_LEN + IPV4_HEADER_LEN + payload.length;
  const need = Math.max(len, ETHERNET_MIN_FRAME_LEN);
  if (buf.length - offset < need) return wireTruncated('frame.buffer', need, buf.length - offset);
  const e = emitIpv4(ip, buf, offset + ETHERNET_HEADER_LEN);
  if (typeof e !== 'number') return e;
  buf.set(payload, offset + ETHERNET_HEADER_LEN + IPV4_HEADER_LEN);
  emitEthernetTyped(eth, ETHERTYPE_IPV4, buf, offset);
  return padToMinimum(buf, offset, len);
}

/** Ethernet + ARP, padded to 60 bytes. */
export function buildArpFrame(eth: EthernetRepr, arp: ArpRepr, buf: Uint8Array, offset = 0): number | WireError {
  if (buf.length - offset < ETHERNET_MIN_FRAME_LEN) return wireTruncated('frame.buffer', ETHERNET_MIN_FRAME_LEN, buf.length - offset);
  emitEthernetTyped(eth, ETHERTYPE_ARP, buf, offset);
  emitArp(arp, buf, offset + ETHERNET_HEADER_LEN);
  return padToMinimum(buf, offset, ETHERNET_HEADER_LEN + ARP_LEN);
}

// The builder decides the EtherType; write it over whatever the repr says.
function emitEthernetTyped(eth: EthernetRepr, etherType: number, buf: Uint8Array, offset: number): void {
  emitEthernet(eth, buf, offset);
  writeU16(buf, offset + ETHERNET_ETHERTYPE, etherType);
}

function wireTruncated(field: string, need: number, have: number): WireError {
  return wireError('truncated', field, `need ${need} bytes, have ${have}`);
}

export function parseFrame(bytes: Uint8Array): ParsedFrame | WireError {
  const eth = parseEthernet(bytes);
  if (isWireError(eth)) return eth;
  const l3 = bytes.subarray(ETHERNET_HEADER_LEN);
  if (eth.etherType === ETHERTYPE_ARP) {
    const arp = parseArp(l3);
    if (isWireError(arp)) return arp;
    return { eth, arp, payload: l3.subarray(ARP_LEN) };
  }
  if (eth.etherType !== ETHERTYPE_IPV4) return { eth, payload: l3 };
  const ip = parseIpv4(l3);
  if (isWireError(ip)) return ip;
  const hl = ipv4HeaderLenOf(l3);
  const l4 = l3.subarray(hl, hl + ip.payloadLength);
  if (ip.moreFragments || ip.fragmentOffset !== 0) return { eth, ip, payload: l4 };
  if (ip.protocol === IPPROTO_TCP) {
    const tcp = parseTcp(l4, ip.src, ip.dst);
    if (isWireError(tcp)) return tcp;
    return { eth, ip, tcp, payload: tcp.payload };
  }
  if (ip.protocol === IPPROTO_UDP) {
    const udp = parseUdp(l4, ip.src, ip.dst);
    if (isWireError(udp)) return udp;
    return { eth, ip, udp, payload: udp.payload };
  }
  return { eth, ip, payload: l4 };
}
