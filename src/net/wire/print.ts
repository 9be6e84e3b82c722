// One-line, tcpdump-style summaries of frames (as `tcpdump -n -S -tt` prints
// them, with nanosecond timestamps), for logs, the CLI and the inspector:
//   1.234567891 10.0.0.1.5000 > 10.0.0.2.80: Flags [S], seq 123, win 65535,
//     options [mss 1460,sackOK,TS val 1 ecr 0,nop,wscale 7], length 0
// Flags use tcpdump's letters (F S R P . U E W, in that order). Options are
// printed from the bytes, so NOP and EOL appear where they are. IPv4 fragments
// print as tcpdump's classic "(frag id:size@offset+)". Bad checksums are shown,
// not hidden: " [bad ip cksum]", " [bad tcp cksum]", " [bad udp cksum]".
//
// Contract: never throws; unparseable input prints as "[|eth]"-style markers
// naming the field, the way tcpdump marks a truncated capture.
import { checksumAdd, checksumFinish, pseudoHeaderSum } from './checksum';
import { readU16, readU32, readU8 } from './bytes';
import { formatMac, parseEthernet, ETHERNET_HEADER_LEN } from './ethernet';
import { parseArp } from './arp';
import { formatIpv4 } from './ipv4-addr';
import { ipv4HeaderLenOf, parseIpv4 } from './ipv4';
import { parseTcp, TCP_OPTIONS } from './tcp';
import { TCPOPT_EOL, TCPOPT_MSS, TCPOPT_NOP, TCPOPT_SACK, TCPOPT_SACK_PERM, TCPOPT_TIMESTAMP, TCPOPT_WINDOW } from './tcp-options';
import { parseUdp } from './udp';
import { ETHERTYPE_ARP, ETHERTYPE_IPV4, IPPROTO_TCP, IPPROTO_UDP, isWireError, TCP_ACK, TCP_FIN, TCP_RST, TCP_SYN, TCP_URG } from './types';

const FLAG_LETTERS: ReadonlyArray<[number, string]> = [
  [0x01, 'F'], [0x02, 'S'], [0x04, 'R'], [0x08, 'P'], [0x10, '.'], [0x20, 'U'], [0x40, 'E'], [0x80, 'W'],
];

/** tcpdump's flag string: "S", "S.", "P.", "F.", or "none". */
export function formatTcpFlags(flags: number): string {
  let s = '';
  for (const [bit, letter] of FLAG_LETTERS) if (flags & bit) s += letter;
  return s === '' ? 'none' : s;
}

/** Seconds with nine decimals: 1234567891 ns -> "1.234567891". */
export function formatTimestamp(ns: number | bigint): string {
  const t = BigInt(ns);
  const neg = t < 0n;
  const a = neg ? -t : t;
  return `${neg ? '-' : ''}${a / 1_000_000_000n}.${(a % 1_000_000_000n).toString().padStart(9, '0')}`;
}

/** The options of a TCP header, tcpdump style, from the raw bytes. */
export function formatTcpOptions(tcp: Uint8Array, headerLen: number): string {
  const parts: string[] = [];
  for (let o = TCP_OPTIONS; o < headerLen; ) {
    const kind = readU8(tcp, o);
    if (kind === TCPOPT_EOL) {
      parts.push('eol');
      break;
    }
    if (kind === TCPOPT_NOP) {
      parts.push('nop');
      o++;
      continue;
    }
    const len = o + 1 < headerLen ? readU8(tcp, o + 1) : 0;
    if (len < 2 || o + len > headerLen) {
      parts.push(`opt-${kind} [bad length ${len}]`);
      break;
    }
    if (kind === TCPOPT_MSS && len === 4) parts.push(`mss ${readU16(tcp, o + 2)}`);
    else if (kind === TCPOPT_WINDOW && len === 3) parts.push(`wscale ${readU8(tcp, o + 2)}`);
    else if (kind === TCPOPT_SACK_PERM && len === 2) parts.push('sackOK');
    else if (kind === TCPOPT_TIMESTAMP && len === 10) parts.push(`TS val ${readU32(tcp, o + 2)} ecr ${readU32(tcp, o + 6)}`);
    else if (kind === TCPOPT_SACK && (len - 2) % 8 === 0) {
      let s = `sack ${(len - 2) / 8} `;
      for (let p = o + 2; p < o + len; p += 8) s += `{${readU32(tcp, p)}:${readU32(tcp, p + 4)}}`;
      parts.push(s);
    } else parts.push(`opt-${kind}:len ${len}`);
    o += len;
  }
  return parts.join(',');
}

function transportOk(bytes: Uint8Array, src: number, dst: number, proto: number): boolean {
  return checksumFinish(checksumAdd(pseudoHeaderSum(src, dst, proto, bytes.length), bytes)) === 0;
}

/** One line for one Ethernet frame; `timestampNs` prefixes it when given. */
export function formatFrame(bytes: Uint8Array, timestampNs?: number | bigint): string {
  const prefix = timestampNs === undefined ? '' : `${formatTimestamp(timestampNs)} `;
  return prefix + formatFrameBody(bytes);
}

function formatFrameBody(bytes: Uint8Array): string {
  const eth = parseEthernet(bytes);
  if (isWireError(eth)) return `[|${eth.field}]`;
  const l3 = bytes.subarray(ETHERNET_HEADER_LEN);
  if (eth.etherType === ETHERTYPE_ARP) {
    const arp = parseArp(l3);
    if (isWireError(arp)) return `ARP [|${arp.field}]`;
    return arp.operation === 1
      ? `ARP, Request who-has ${formatIpv4(arp.targetIp)} tell ${formatIpv4(arp.senderIp)}, length 28`
      : `ARP, Reply ${formatIpv4(arp.senderIp)} is-at ${formatMac(arp.senderMac)}, length 28`;
  }
  if (eth.etherType !== ETHERTYPE_IPV4) {
    return `${formatMac(eth.src)} > ${formatMac(eth.dst)}, ethertype 0x${eth.etherType.toString(16).padStart(4, '0')}, length ${bytes.length}`;
  }
  const ip = parseIpv4(l3, false);
  if (isWireError(ip)) return `IP [|${ip.field}]`;
  const hl = ipv4HeaderLenOf(l3);
  const ipBad = checksumFinish(checksumAdd(0, l3, 0, hl)) !== 0 ? ' [bad ip cksum]' : '';
  const l4 = l3.subarray(hl, hl + ip.payloadLength);
  const src = formatIpv4(ip.src);
  const dst = formatIpv4(ip.dst);
  if (ip.moreFragments || ip.fragmentOffset !== 0) {
    return `${src} > ${dst}: ip-proto-${ip.protocol} (frag ${ip.identification}:${ip.payloadLength}@${ip.fragmentOffset}${ip.moreFragments ? '+' : ''})${ipBad}`;
  }
  if (ip.protocol === IPPROTO_TCP) {
    const tcp = parseTcp(l4);
    if (isWireError(tcp)) return `${src} > ${dst}: tcp [|${tcp.field}]${ipBad}`;
    const len = tcp.payload.length;
    let s = `${src}.${tcp.srcPort} > ${dst}.${tcp.dstPort}: Flags [${formatTcpFlags(tcp.flags)}]`;
    if (len > 0 || tcp.flags & (TCP_SYN | TCP_FIN | TCP_RST)) s += `, seq ${tcp.seq}${len > 0 ? `:${(tcp.seq + len) >>> 0}` : ''}`;
    if (tcp.flags & TCP_ACK) s += `, ack ${tcp.ack}`;
    s += `, win ${tcp.window}`;
    if (tcp.flags & TCP_URG) s += `, urg ${tcp.urgentPointer}`;
    const headerLen = l4.length - len;
    if (headerLen > TCP_OPTIONS) s += `, options [${formatTcpOptions(l4, headerLen)}]`;
    s += `, length ${len}`;
    if (!transportOk(l4, ip.src, ip.dst, IPPROTO_TCP)) s += ' [bad tcp cksum]';
    return s + ipBad;
  }
  if (ip.protocol === IPPROTO_UDP) {
    const udp = parseUdp(l4);
    if (isWireError(udp)) return `${src} > ${dst}: udp [|${udp.field}]${ipBad}`;
    const bad = readU16(l4, 6) !== 0 && !transportOk(l4.subarray(0, 8 + udp.payload.length), ip.src, ip.dst, IPPROTO_UDP);
    return `${src}.${udp.srcPort} > ${dst}.${udp.dstPort}: UDP, length ${udp.payload.length}${bad ? ' [bad udp cksum]' : ''}${ipBad}`;
  }
  return `${src} > ${dst}: ip-proto-${ip.protocol} ${ip.payloadLength}${ipBad}`;
}
