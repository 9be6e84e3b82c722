// IPv4 fragmentation on send (RFC 791 section 2.3 and 3.2, "Fragmentation and
// Reassembly"; RFC 1122 3.3.2). A datagram whose header plus payload exceeds the
// MTU is cut into fragments whose data lengths are multiples of 8 (except the
// last); each carries the original identification, and all but the last set MF.
// A datagram with DF set that does not fit is refused with EMSGSIZE, as Linux's
// ip_fragment() does for a local sender (it would send ICMP "fragmentation
// needed" if it were forwarding).
import type { Ipv4Repr } from '../wire';
import { IPV4_HEADER_LEN } from '../wire';

export type FragmentError = { errno: 'EMSGSIZE' };
export const EMSGSIZE: FragmentError = Object.freeze({ errno: 'EMSGSIZE' }) as FragmentError;

/** Called once per fragment; `ip` is a scratch repr valid only during the call. */
export type FragmentSink = (ip: Ipv4Repr, part: Uint8Array) => void;

/** Largest data length of a non-last fragment under `mtu` (a multiple of 8). */
export function fragmentDataSize(mtu: number): number {
  return Math.floor((mtu - IPV4_HEADER_LEN) / 8) * 8;
}

/** Number of fragments `payloadLength` bytes need under `mtu` (1 when it fits). */
export function fragmentCount(payloadLength: number, mtu: number): number {
  if (IPV4_HEADER_LEN + payloadLength <= mtu) return 1;
  return Math.ceil(payloadLength / fragmentDataSize(mtu));
}

/**
 * Emits `payload` under `ip` as one datagram or as fragments that fit `mtu`;
 * returns the number emitted or EMSGSIZE. `ip` itself may already be a fragment
 * (a non-zero offset or MF): its offset is added and its MF kept on the last
 * piece, as RFC 791 asks of a re-fragmenting router. `scratch` is overwritten.
 */
export function fragmentDatagram(
  ip: Ipv4Repr,
  payload: Uint8Array,
  mtu: number,
  scratch: Ipv4Repr,
  emit: FragmentSink,
): number | FragmentError {
  Object.assign(scratch, ip);
  scratch.payloadLength = payload.length;
  if (IPV4_HEADER_LEN + payload.length <= mtu) {
    emit(scratch, payload);
    return 1;
  }
  const size = fragmentDataSize(mtu);
  if (ip.dontFragment || size < 8) return EMSGSIZE;
  let n = 0;
  for (let off = 0; off < payload.length; off += size) {
    const end = Math.min(off + size, payload.length);
    scratch.fragmentOffset = ip.fragmentOffset + off;
    scratch.moreFragments = end < payload.length || ip.moreFragments;
    scratch.payloadLength = end - off;
    emit(scratch, payload.subarray(off, end));
    n += 1;
  }
  return n;
}
