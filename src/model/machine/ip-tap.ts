// The 'ip' capture point's adapter: the stack's IpTap hands either a whole
// datagram (emitted TCP, received unfragmented) or a header and a payload (a
// UDP datagram before fragmentation, a reassembled one); this turns both into
// the raw IPv4 bytes a PacketTap (and a LINKTYPE_RAW capture) expects. A
// reassembled datagram gets a fresh header: no MF flag, offset 0, total length
// of the whole (RFC 791 3.2, reassembly), checksum recomputed.
import type { Simulator } from '../../sim';
import type { IpTap } from '../../net/stack';
import { emitIpv4, isWireError } from '../../net/wire';
import type { PacketTap } from './types';

export function ipTapFor(sim: Simulator, tap: PacketTap | null): IpTap | null {
  if (tap === null) return null;
  return (dir, header, bytes) => {
    if (header === null) {
      // The frame may be padded to Ethernet's minimum: the datagram ends at its total length.
      const total = bytes.length >= 4 ? (bytes[2]! << 8) | bytes[3]! : bytes.length;
      tap(dir, sim.now, bytes.subarray(0, Math.min(total, bytes.length)));
      return;
    }
    const out = new Uint8Array(20 + bytes.length);
    const h = { ...header, payloadLength: bytes.length, moreFragments: false, fragmentOffset: 0 };
    if (isWireError(emitIpv4(h, out, 0))) return;
    out.set(bytes, 20);
    tap(dir, sim.now, out);
  };
}
