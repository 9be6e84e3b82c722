// What the inspector makes of a record captured away from the wire (the capture points
// of src/scenario: 'ip' records are raw IPv4 datagrams, LINKTYPE_RAW; 'socket' records
// are the data of one socket call, named by a comment; 'wire' and 'driver' records are
// Ethernet frames).
//
// Contract: the project's Ethernet parsers and dissector (src/net/wire) are reused for
// raw datagrams by putting a synthetic Ethernet II header (zero MACs, EtherType IPv4,
// IEEE 802.3 §3.2.6) in front; the tree drops the synthetic nodes and shifts every
// offset back by its 14 bytes, so the ranges index the datagram itself. Never throws.
import { dissectFrame, ETHERNET_HEADER_LEN, ETHERTYPE_IPV4, type FieldNode } from '../../net/wire';

/** The datagram behind a synthetic Ethernet header, for parsers that start at the link layer. */
export function withEthernet(datagram: Uint8Array): Uint8Array {
  const out = new Uint8Array(ETHERNET_HEADER_LEN + datagram.length);
  out[12] = ETHERTYPE_IPV4 >> 8;
  out[13] = ETHERTYPE_IPV4 & 0xff;
  out.set(datagram, ETHERNET_HEADER_LEN);
  return out;
}

function shifted(n: FieldNode, by: number): FieldNode {
  const m: FieldNode = { ...n, offset: n.offset - by };
  if (n.children) m.children = n.children.map((c) => shifted(c, by));
  return m;
}

/** The field tree of a raw IPv4 datagram (IPv4 and what it carries), offsets into the datagram. */
export function dissectDatagram(datagram: Uint8Array): FieldNode[] {
  const n = datagram.length;
  const head: FieldNode = { name: 'frame', label: `Raw IPv4 datagram: ${n} bytes (${n * 8} bits), captured at the IP layer`, offset: 0, length: n };
  const rest = dissectFrame(withEthernet(datagram))
    .filter((x) => x.name !== 'frame' && x.name !== 'eth')
    .map((x) => shifted(x, ETHERNET_HEADER_LEN));
  return [head, ...rest];
}

/** The tree of a socket record: the call (its comment) and its data bytes. */
export function dissectSocketRecord(bytes: Uint8Array, comment: string | undefined): FieldNode[] {
  const call = comment ?? 'socket call';
  const node: FieldNode = { name: 'socket', label: `Socket call: ${call}`, offset: 0, length: bytes.length };
  if (bytes.length > 0) node.children = [{ name: 'socket.data', label: `Data: ${bytes.length} bytes`, offset: 0, length: bytes.length }];
  return [node];
}
