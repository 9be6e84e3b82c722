// The OSM's side of setsockopt/getsockopt: which options it answers itself,
// and the SETSOCKOPT / GETSOCKOPT requests that carry the others to the card,
// as setsockopt(2) passes them (level and optname in Linux numbering, optval
// bytes as C lays them out: net/stack/sockopt.ts).
//
// Answered on the host, never asked of the card:
// - O_NONBLOCK is fcntl(F_SETFL), a flag of the host's open file: blocking
//   is the caller sleeping in the host kernel, which the card never sees.
// - SO_TYPE is fixed at socket() and is in the OSM's own socket record.
// - SO_SNDBUF and SO_RCVBUF as the application set them: the OSM divides each
//   between the card's socket (its part, half by default, which is what the
//   card is told and holds: MemoryManagement.cardShare) and its own share of
//   the DMA pools, so only the OSM knows the whole; the card's part alone
//   would read back as that part.
// - SO_ERROR while the OSM holds an error the card already reported (an
//   ERROR event): reading it clears it, as the card's own would.
// Everything else (SO_REUSEADDR, SO_LINGER, TCP_NODELAY, TCP_CONGESTION,
// SO_ERROR otherwise) is what the card's socket has, read by GETSOCKOPT.
import type { SocketReply, SocketRequest } from '../../../i2o';
import { sysError, type GetSockOptValues, type SockOpt, type SockOptValues, type SysError } from '../../../net/stack';
import { OPTVAL_MAX, optionFromC, optionToC, sockOptCode, type WireSockOpt } from '../../../net/stack/sockopt';
import { errnoName } from '../errno-codes';
import type { MemoryManagement } from './memory';
import type { OsmSocket } from './osm-socket';

type SetRequest = Extract<SocketRequest, { op: 'SETSOCKOPT' }>;
type GetRequest = Extract<SocketRequest, { op: 'GETSOCKOPT' }>;

/** The value the OSM answers for `opt` itself, or undefined when the card's socket has it. */
export function hostOption<K extends keyof GetSockOptValues>(s: OsmSocket, opt: K): GetSockOptValues[K] | undefined {
  const v = ((): GetSockOptValues[keyof GetSockOptValues] | undefined => {
    switch (opt) {
      case 'O_NONBLOCK': return s.nonblocking;
      case 'SO_TYPE': return s.type;
      case 'SO_SNDBUF': return s.sndBuf;
      case 'SO_RCVBUF': return s.rcvBuf;
      default: return undefined;
    }
  })();
  return v as GetSockOptValues[K] | undefined;
}

/**
 * The SETSOCKOPT for `opt` = `value`. A stream's valid buffer size is sent as
 * the card's part of it (`memory.cardShare`); any other value goes as the
 * application gave it, so the card refuses a bad one with the native errno.
 */
export function setRequest<K extends Exclude<SockOpt, 'O_NONBLOCK'>>(
  s: OsmSocket, opt: K, value: SockOptValues[K], memory: MemoryManagement,
): SetRequest | null {
  const code = sockOptCode(opt);
  if (code === null) return null;
  const { level, name } = code;
  let v: unknown = value;
  if (s.type === 'stream' && (opt === 'SO_SNDBUF' || opt === 'SO_RCVBUF') && optionToC(opt, value).length === 4 && (value as number) > 0) {
    v = memory.cardShare(value as number);
  }
  return { op: 'SETSOCKOPT', handle: s.handle, level, name, optval: optionToC(opt, v) };
}

/** The GETSOCKOPT for `opt`, with room for any option's value (null: ENOPROTOOPT, as setRequest). */
export function getRequest(s: OsmSocket, opt: WireSockOpt): GetRequest | null {
  const code = sockOptCode(opt);
  if (code === null) return null;
  return { op: 'GETSOCKOPT', handle: s.handle, level: code.level, name: code.name, optlen: OPTVAL_MAX };
}

/** The value optval bytes from the card carry, as getsockopt returns it (SO_ERROR's number as the errno's name). */
export function optionValue<K extends WireSockOpt>(opt: K, optval: Uint8Array): GetSockOptValues[K] {
  const v = optionFromC(opt, optval);
  if (opt === 'SO_ERROR') return (v === 0 || v === null ? null : errnoName(v as number)) as GetSockOptValues[K];
  return v as GetSockOptValues[K];
}

/**
 * A sleeping getsockopt's answer from the card's reply: the value an OPTVAL
 * carries, the errno of an ERROR. A reply with no value (COMPLETE) is not how
 * the socket class answers GETSOCKOPT; it can only mean the card has no such
 * option, which getsockopt(2) reports as ENOPROTOOPT.
 */
export function optionAnswer<K extends WireSockOpt>(opt: K, reply: SocketReply): GetSockOptValues[K] | SysError {
  if (reply.op === 'ERROR') return sysError(errnoName(reply.errno));
  if (reply.op === 'OPTVAL') return optionValue(opt, reply.optval);
  return sysError('ENOPROTOOPT');
}

/** What the OSM's record keeps of an option the card accepted. */
export function noteOption<K extends SockOpt>(s: OsmSocket, opt: K, value: SockOptValues[K], memory: MemoryManagement): void {
  if (opt === 'SO_SNDBUF' || opt === 'SO_RCVBUF') {
    if (opt === 'SO_SNDBUF') s.sndBuf = value as number;
    else s.rcvBuf = value as number;
    memory.setShares(s);
  } else if (opt === 'SO_LINGER') {
    const l = value as SockOptValues['SO_LINGER'];
    s.linger = { onoff: l.onoff, seconds: l.seconds };
  }
}
