// dissectFrame: the packet inspector's Wireshark-like field tree for an
// Ethernet frame: Ethernet II, ARP, IPv4 (every field, flags as child bits,
// options as one node), TCP (dissect-tcp.ts), UDP, and the payload. Offsets
// are absolute in the frame. Never throws: where a layer cannot be parsed, a
// '_ws.malformed' node names the field at fault and covers the rest of the
// frame, and the tree stops there.
import { parseArp, ARP_HLEN, ARP_HTYPE, ARP_OPER, ARP_PLEN, ARP_PTYPE, ARP_SHA, ARP_SPA, ARP_THA, ARP_TPA, ARP_LEN } from './arp';
import { readU16, readU8 } from './bytes';
import { checksumAdd, pseudoHeaderSum } from './checksum';
import { bitField, checksumLabel, field, hex16, hex8, type FieldNode } from './dissect-node';
import { dissectTcp } from './dissect-tcp';
import { formatMac, parseEthernet, ETHERNET_DST, ETHERNET_ETHERTYPE, ETHERNET_HEADER_LEN, ETHERNET_SRC } from './ethernet';
import { formatIpv4 } from './ipv4-addr';
import {
  ipv4HeaderLenOf, parseIpv4, IPV4_CHECKSUM, IPV4_DSCP_ECN, IPV4_DST, IPV4_FLAGS_FRAGMENT, IPV4_IDENTIFICATION,
  IPV4_OPTIONS, IPV4_PROTOCOL, IPV4_SRC, IPV4_TOTAL_LENGTH, IPV4_TTL, IPV4_VER_IHL,
} from './ipv4';
import { parseTcp } from './tcp';
import { parseUdp, UDP_CHECKSUM, UDP_DST_PORT, UDP_LENGTH, UDP_SRC_PORT } from './udp';
import { ETHERTYPE_ARP, ETHERTYPE_IPV4, IPPROTO_TCP, IPPROTO_UDP, isWireError, type Ipv4Repr, type WireError } from './types';

export type { FieldNode } from './dissect-node';

const ETHERTYPE_NAMES: Record<number, string> = { [ETHERTYPE_IPV4]: 'IPv4', [ETHERTYPE_ARP]: 'ARP', 0x86dd: 'IPv6', 0x8100: '802.1Q' };
const PROTO_NAMES: Record<number, string> = { 1: 'ICMP', [IPPROTO_TCP]: 'TCP', [IPPROTO_UDP]: 'UDP' };

function malformed(e: WireError, offset: number, frameLen: number): FieldNode {
  return field('_ws.malformed', `[Malformed Packet: ${e.field}: ${e.detail}]`, offset, Math.max(0, frameLen - offset));
}

function payloadNode(offset: number, length: number, label = 'Data'): FieldNode {
  return field('data', `${label} (${length} byte${length === 1 ? '' : 's'})`, offset, length);
}

export function dissectFrame(bytes: Uint8Array): FieldNode[] {
  const n = bytes.length;
  const out: FieldNode[] = [field('frame', `Frame: ${n} bytes on wire (${n * 8} bits)`, 0, n)];
  const eth = parseEthernet(bytes);
  if (isWireError(eth)) return [...out, malformed(eth, 0, n)];
  const type = eth.etherType;
  out.push(
    field('eth', `Ethernet II, Src: ${formatMac(eth.src)}, Dst: ${formatMac(eth.dst)}`, 0, ETHERNET_HEADER_LEN, [
      field('eth.dst', `Destination: ${formatMac(eth.dst)}`, ETHERNET_DST, 6),
      field('eth.src', `Source: ${formatMac(eth.src)}`, ETHERNET_SRC, 6),
      field('eth.type', `Type: ${ETHERTYPE_NAMES[type] ?? 'Unknown'} (${hex16(type)})`, ETHERNET_ETHERTYPE, 2),
    ]),
  );
  const l3 = bytes.subarray(ETHERNET_HEADER_LEN);
  if (type === ETHERTYPE_ARP) return dissectArp(l3, out, n);
  if (type !== ETHERTYPE_IPV4) return [...out, payloadNode(ETHERNET_HEADER_LEN, l3.length)];
  return dissectIpv4(l3, out, n);
}

function dissectArp(l3: Uint8Array, out: FieldNode[], n: number): FieldNode[] {
  const b = ETHERNET_HEADER_LEN;
  const arp = parseArp(l3);
  if (isWireError(arp)) return [...out, malformed(arp, b, n)];
  const op = arp.operation === 1 ? 'request' : 'reply';
  out.push(
    field('arp', `Address Resolution Protocol (${op})`, b, ARP_LEN, [
      field('arp.hw.type', `Hardware type: Ethernet (${readU16(l3, ARP_HTYPE)})`, b + ARP_HTYPE, 2),
      field('arp.proto.type', `Protocol type: IPv4 (${hex16(readU16(l3, ARP_PTYPE))})`, b + ARP_PTYPE, 2),
      field('arp.hw.size', `Hardware size: ${readU8(l3, ARP_HLEN)}`, b + ARP_HLEN, 1),
      field('arp.proto.size', `Protocol size: ${readU8(l3, ARP_PLEN)}`, b + ARP_PLEN, 1),
      field('arp.opcode', `Opcode: ${op} (${arp.operation})`, b + ARP_OPER, 2),
      field('arp.src.hw_mac', `Sender MAC address: ${formatMac(arp.senderMac)}`, b + ARP_SHA, 6),
      field('arp.src.proto_ipv4', `Sender IP address: ${formatIpv4(arp.senderIp)}`, b + ARP_SPA, 4),
      field('arp.dst.hw_mac', `Target MAC address: ${formatMac(arp.targetMac)}`, b + ARP_THA, 6),
      field('arp.dst.proto_ipv4', `Target IP address: ${formatIpv4(arp.targetIp)}`, b + ARP_TPA, 4),
    ]),
  );
  if (l3.length > ARP_LEN) out.push(field('eth.padding', `Padding: ${l3.length - ARP_LEN} bytes`, b + ARP_LEN, l3.length - ARP_LEN));
  return out;
}

function dissectIpv4(l3: Uint8Array, out: FieldNode[], n: number): FieldNode[] {
  const b = ETHERNET_HEADER_LEN;
  // Parse without the checksum check so a bad checksum is shown, not a dead end.
  const ip = parseIpv4(l3, false);
  if (isWireError(ip)) return [...out, malformed(ip, b, n)];
  const hl = ipv4HeaderLenOf(l3);
  const total = hl + ip.payloadLength;
  const ff = readU16(l3, IPV4_FLAGS_FRAGMENT);
  const flagNames = [ff & 0x4000 ? "Don't fragment" : '', ff & 0x2000 ? 'More fragments' : ''].filter((s) => s !== '').join(', ');
  const proto = PROTO_NAMES[ip.protocol] ?? 'Unknown';
  const kids: FieldNode[] = [
    bitField('ip.version', 'Version', b + IPV4_VER_IHL, 1, readU8(l3, IPV4_VER_IHL), 0xf0),
    bitField('ip.hdr_len', 'Header Length', b + IPV4_VER_IHL, 1, readU8(l3, IPV4_VER_IHL), 0x0f, `${hl} bytes (${hl / 4})`),
    field('ip.dsfield', `Differentiated Services Field: ${hex8(readU8(l3, IPV4_DSCP_ECN))}`, b + IPV4_DSCP_ECN, 1, [
      bitField('ip.dsfield.dscp', 'Differentiated Services Codepoint', b + IPV4_DSCP_ECN, 1, readU8(l3, IPV4_DSCP_ECN), 0xfc),
      bitField('ip.dsfield.ecn', 'Explicit Congestion Notification', b + IPV4_DSCP_ECN, 1, readU8(l3, IPV4_DSCP_ECN), 0x03),
    ]),
    field('ip.len', `Total Length: ${total}`, b + IPV4_TOTAL_LENGTH, 2),
    field('ip.id', `Identification: ${hex16(ip.identification)} (${ip.identification})`, b + IPV4_IDENTIFICATION, 2),
    {
      ...field('ip.flags', `Flags: 0x${(ff >>> 13).toString(16)}${flagNames ? `, ${flagNames}` : ''}`, b + IPV4_FLAGS_FRAGMENT, 2),
      bitMask: 0xe000,
      children: [
        bitField('ip.flags.rb', 'Reserved bit', b + IPV4_FLAGS_FRAGMENT, 2, ff, 0x8000),
        bitField('ip.flags.df', "Don't fragment", b + IPV4_FLAGS_FRAGMENT, 2, ff, 0x4000),
        bitField('ip.flags.mf', 'More fragments', b + IPV4_FLAGS_FRAGMENT, 2, ff, 0x2000),
      ],
    },
    bitField('ip.frag_offset', 'Fragment Offset', b + IPV4_FLAGS_FRAGMENT, 2, ff, 0x1fff, String(ip.fragmentOffset)),
    field('ip.ttl', `Time to Live: ${ip.ttl}`, b + IPV4_TTL, 1),
    field('ip.proto', `Protocol: ${proto} (${ip.protocol})`, b + IPV4_PROTOCOL, 1),
    field('ip.checksum', checksumLabel('Header Checksum', readU16(l3, IPV4_CHECKSUM), checksumAdd(0, l3, 0, hl)), b + IPV4_CHECKSUM, 2),
    field('ip.src', `Source Address: ${formatIpv4(ip.src)}`, b + IPV4_SRC, 4),
    field('ip.dst', `Destination Address: ${formatIpv4(ip.dst)}`, b + IPV4_DST, 4),
  ];
  if (hl > IPV4_OPTIONS) kids.push(field('ip.options', `Options: (${hl - IPV4_OPTIONS} bytes)`, b + IPV4_OPTIONS, hl - IPV4_OPTIONS));
  out.push(field('ip', `Internet Protocol Version 4, Src: ${formatIpv4(ip.src)}, Dst: ${formatIpv4(ip.dst)}`, b, hl, kids));
  const l4 = l3.subarray(hl, total);
  const l4b = b + hl;
  dissectL4(ip, l4, l4b, out);
  // Ethernet pads frames to 60 bytes; the IPv4 total length says where the packet ended.
  if (total < l3.length) out.push(field('eth.padding', `Padding: ${l3.length - total} bytes`, b + total, l3.length - total));
  return out;
}

/** Appends the transport layer and payload of `l4`, which starts at `l4b` in the frame. */
function dissectL4(ip: Ipv4Repr, l4: Uint8Array, l4b: number, out: FieldNode[]): void {
  if (ip.moreFragments || ip.fragmentOffset !== 0) {
    out.push(payloadNode(l4b, l4.length, `Fragment of datagram ${ip.identification} at offset ${ip.fragmentOffset}`));
    return;
  }
  if (ip.protocol === IPPROTO_TCP) {
    const tcp = parseTcp(l4);
    if (isWireError(tcp)) {
      out.push(malformed(tcp, l4b, l4b + l4.length));
      return;
    }
    out.push(dissectTcp(l4, l4b, ip.src, ip.dst));
    if (tcp.payload.length > 0) out.push(payloadNode(l4b + l4.length - tcp.payload.length, tcp.payload.length));
    return;
  }
  if (ip.protocol === IPPROTO_UDP) {
    const udp = parseUdp(l4);
    if (isWireError(udp)) {
      out.push(malformed(udp, l4b, l4b + l4.length));
      return;
    }
    const len = readU16(l4, UDP_LENGTH);
    const csum = readU16(l4, UDP_CHECKSUM);
    const csumLabel = csum === 0
      ? 'Checksum: 0x0000 [zero-value ignored]'
      : checksumLabel('Checksum', csum, checksumAdd(pseudoHeaderSum(ip.src, ip.dst, IPPROTO_UDP, len), l4, 0, len));
    out.push(
      field('udp', `User Datagram Protocol, Src Port: ${udp.srcPort}, Dst Port: ${udp.dstPort}`, l4b, 8, [
        field('udp.srcport', `Source Port: ${udp.srcPort}`, l4b + UDP_SRC_PORT, 2),
        field('udp.dstport', `Destination Port: ${udp.dstPort}`, l4b + UDP_DST_PORT, 2),
        field('udp.length', `Length: ${len}`, l4b + UDP_LENGTH, 2),
        field('udp.checksum', csumLabel, l4b + UDP_CHECKSUM, 2),
      ]),
    );
    if (udp.payload.length > 0) out.push(payloadNode(l4b + 8, udp.payload.length));
    return;
  }
  out.push(payloadNode(l4b, l4.length));
}

