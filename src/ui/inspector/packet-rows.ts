// The inspector's rows and filters (issue 5 item 5): one row per captured frame (a frame
// on the wire or an I2O message across the bus), with what the filters need, read from
// the bytes by the project's parsers. At the other capture points a row is an Ethernet
// frame at the driver, a raw IPv4 datagram at the IP layer (classified from its IPv4
// header), or a socket call (summarised by the call's comment).
//
// Contract: `rowOf(frame)` never throws (a malformed frame is a row whose summary says
// so); results are cached per frame object. `filterRows` keeps the order. `mergeByTime`
// orders the frames of every configuration by time then frame number.
import {
  ETHERNET_HEADER_LEN, ETHERTYPE_ARP, ETHERTYPE_IPV4, TCP_ACK, TCP_SYN, formatFrame, formatIpv4, ipv4Payload,
  isWireError, parseEthernet, parseIpv4, parseTcp,
} from '../../net/wire';
import { formatI2oFrame } from '../../i2o';
import type { StreamCapturePoint } from '../../worker';
import type { FeedFrame } from '../views/feed/view-feed';
import { withEthernet } from './point-frames';

export type CaptureLayer = 'wire' | 'bus';

export interface PacketRow {
  readonly frame: FeedFrame;
  readonly layer: CaptureLayer;
  /** Where it was captured (I2O messages: the point the world captured at). */
  readonly point: StreamCapturePoint;
  readonly summary: string;
  readonly isArp: boolean;
  /** A TCP segment with ACK set, no payload and no SYN/FIN/RST. */
  readonly isPureAck: boolean;
  readonly isSyn: boolean;
  /** "a:p ↔ b:q" with the lower endpoint first, so both directions share it; null when not TCP/UDP. */
  readonly connection: string | null;
}

const cache = new WeakMap<FeedFrame, PacketRow>();

function endpointPair(a: string, b: string): string {
  return a < b ? `${a} ↔ ${b}` : `${b} ↔ ${a}`;
}

/** `bytes`: an Ethernet frame (for a raw datagram, the datagram behind a synthetic header). */
function classifyEthernet(frame: FeedFrame, bytes: Uint8Array, point: StreamCapturePoint): PacketRow {
  const base = { frame, layer: 'wire' as const, point, summary: formatFrame(bytes), isArp: false, isPureAck: false, isSyn: false, connection: null };
  const eth = parseEthernet(bytes);
  if (isWireError(eth)) return base;
  if (eth.etherType === ETHERTYPE_ARP) return { ...base, isArp: true };
  if (eth.etherType !== ETHERTYPE_IPV4) return base;
  const l3 = bytes.subarray(ETHERNET_HEADER_LEN);
  const ip = parseIpv4(l3, false);
  if (isWireError(ip)) return base;
  const l4 = ipv4Payload(l3, ip);
  if (ip.protocol === 6) {
    const tcp = parseTcp(l4);
    if (isWireError(tcp)) return base;
    const f = tcp.flags;
    const control = f & (TCP_SYN | 0x01 | 0x04);
    return {
      ...base,
      isSyn: (f & TCP_SYN) !== 0,
      isPureAck: (f & TCP_ACK) !== 0 && control === 0 && tcp.payload.length === 0,
      connection: endpointPair(`${formatIpv4(ip.src)}:${tcp.srcPort}`, `${formatIpv4(ip.dst)}:${tcp.dstPort}`),
    };
  }
  if (ip.protocol === 17 && l4.length >= 4) {
    const sp = (l4[0]! << 8) | l4[1]!;
    const dp = (l4[2]! << 8) | l4[3]!;
    return { ...base, connection: endpointPair(`${formatIpv4(ip.src)}:${sp}`, `${formatIpv4(ip.dst)}:${dp}`) };
  }
  return base;
}

const before = (a: FeedFrame, b: FeedFrame) => a.t - b.t || a.no - b.no;

/** Every configuration's frames in one list, by time then frame number. Each list is
 *  already in that order as captured, so this is a linear merge (a list that is not is
 *  sorted first): the inspector re-runs it on every feed update. */
export function mergeByTime(lists: readonly (readonly FeedFrame[])[]): FeedFrame[] {
  const sorted = lists.map((l) => (l.every((f, i) => i === 0 || before(l[i - 1]!, f) <= 0) ? l : [...l].sort(before)));
  const at = sorted.map(() => 0);
  const out: FeedFrame[] = [];
  for (;;) {
    let best = -1;
    for (let k = 0; k < sorted.length; k++) {
      const f = sorted[k]![at[k]!];
      if (f !== undefined && (best < 0 || before(f, sorted[best]![at[best]!]!) < 0)) best = k;
    }
    if (best < 0) return out;
    out.push(sorted[best]![at[best]!]!);
    at[best]! += 1;
  }
}

export function rowOf(frame: FeedFrame): PacketRow {
  let r = cache.get(frame);
  if (r) return r;
  const point = frame.point ?? 'wire';
  if (frame.source === 'i2o-inbound' || frame.source === 'i2o-outbound') {
    r = { frame, layer: 'bus', point, summary: formatI2oFrame(frame.bytes), isArp: false, isPureAck: false, isSyn: false, connection: null };
  } else if (point === 'socket') {
    const call = frame.comment ?? 'socket call';
    const summary = frame.bytes.length > 0 ? `${call} (${frame.bytes.length} bytes)` : call;
    r = { frame, layer: 'wire', point, summary, isArp: false, isPureAck: false, isSyn: false, connection: null };
  } else if (point === 'ip') {
    r = classifyEthernet(frame, withEthernet(frame.bytes), point);
  } else {
    r = classifyEthernet(frame, frame.bytes, point);
  }
  cache.set(frame, r);
  return r;
}

export interface PacketFilter {
  readonly hideArp: boolean;
  readonly hidePureAcks: boolean;
  /** Only this connection (a PacketRow.connection), or null for all. */
  readonly connection: string | null;
  /** Where: the wire, the bus (I2O messages), or both. */
  readonly layer: 'all' | CaptureLayer;
  /** Only this configuration, or null for all. */
  readonly configuration: string | null;
}

export const NO_FILTER: PacketFilter = { hideArp: false, hidePureAcks: false, connection: null, layer: 'all', configuration: null };

export function filterRows(rows: readonly PacketRow[], f: PacketFilter): PacketRow[] {
  return rows.filter((r) =>
    !(f.hideArp && r.isArp)
    && !(f.hidePureAcks && r.isPureAck)
    && (f.connection === null || r.connection === f.connection)
    && (f.layer === 'all' || r.layer === f.layer)
    && (f.configuration === null || r.frame.configuration === f.configuration));
}

export function connectionsOf(rows: readonly PacketRow[]): string[] {
  return [...new Set(rows.map((r) => r.connection).filter((c): c is string => c !== null))].sort();
}
