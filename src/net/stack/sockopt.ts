// setsockopt/getsockopt for the knobs the lab tunes (socket(7), tcp(7)).
// Buffer sizes are stated in payload bytes and returned as set (Linux doubles
// SO_SNDBUF/SO_RCVBUF for its bookkeeping and reports the doubled value; the
// lab has no such overhead to hide). TCP buffer sizes take effect only before
// the handshake, as in Linux, where the window scale is fixed by the SYN.
//
// A value must have a C form (setsockopt(2) takes an int, a struct linger or
// a name): buffer sizes and linger seconds are 32-bit ints, so a fraction or
// a value past INT_MAX is EINVAL here, as no C caller could pass it. That is
// what lets the offload path carry every option as bytes (the ABI at the end
// of this file: sockOptCode, optionToC, optionFromC) and get the same answer:
// a value without a C form travels as an empty optval, which decodes to null,
// and applySockOpt refuses null with the errno it gives the value itself.
import type { GetSockOptValues, Linger, SockOptValues } from './api';
import { sysError, type SysError } from './errno';
import type { TcpLayer } from './tcp-layer';
import type { TcpSock } from './tcp-sock';
import type { UdpSock } from './udp-layer';

type Sock = TcpSock | UdpSock;

/** Linux's tcp_cong_list names; 'reno' in Linux is NewReno. */
const CONGESTION = new Map<unknown, 'newreno' | 'cubic'>([['reno', 'newreno'], ['newreno', 'newreno'], ['cubic', 'cubic']]);

const INT_MAX = 0x7fffffff;

function positiveInt(v: unknown): number | null {
  return typeof v === 'number' && Number.isInteger(v) && v > 0 && v <= INT_MAX ? v : null;
}

export function applySockOpt<K extends keyof SockOptValues>(tcp: TcpLayer, s: Sock, opt: K, value: SockOptValues[K]): 0 | SysError {
  switch (opt) {
    case 'O_NONBLOCK':
      if (typeof value !== 'boolean') return sysError('EINVAL');
      s.nonblocking = value;
      return 0;
    case 'SO_REUSEADDR':
      if (typeof value !== 'boolean') return sysError('EINVAL');
      s.reuseAddr = value;
      return 0;
    case 'SO_SNDBUF':
    case 'SO_RCVBUF': {
      const n = positiveInt(value);
      if (n === null) return sysError('EINVAL');
      if (opt === 'SO_SNDBUF') s.sndBuf = n;
      else s.rcvBuf = n;
      if (s.type === 'stream') tcp.applyOptions(s);
      return 0;
    }
    case 'SO_LINGER': {
      const l = value as Linger;
      if (typeof l !== 'object' || l === null || typeof l.onoff !== 'boolean' || !Number.isInteger(l.seconds) ||
        l.seconds < 0 || l.seconds > INT_MAX) return sysError('EINVAL');
      if (s.type !== 'stream') return 0;
      s.linger = { onoff: l.onoff, seconds: l.seconds };
      return 0;
    }
    case 'TCP_NODELAY':
      if (s.type !== 'stream') return sysError('ENOPROTOOPT');
      if (typeof value !== 'boolean') return sysError('EINVAL');
      s.nodelay = value;
      tcp.applyOptions(s);
      return 0;
    case 'TCP_CONGESTION': {
      if (s.type !== 'stream') return sysError('ENOPROTOOPT');
      const name = CONGESTION.get(value);
      if (name === undefined) return sysError('ENOENT');
      s.congestion = name;
      tcp.applyOptions(s);
      return 0;
    }
    default:
      return sysError('ENOPROTOOPT');
  }
}

export function readSockOpt<K extends keyof GetSockOptValues>(tcp: TcpLayer, s: Sock, opt: K): GetSockOptValues[K] | SysError {
  const v = ((): GetSockOptValues[keyof GetSockOptValues] | SysError => {
    switch (opt) {
      case 'O_NONBLOCK': return s.nonblocking;
      case 'SO_REUSEADDR': return s.reuseAddr;
      case 'SO_SNDBUF': return s.sndBuf;
      case 'SO_RCVBUF': return s.rcvBuf;
      case 'SO_TYPE': return s.type;
      case 'SO_LINGER': return s.type === 'stream' ? { ...s.linger } : { onoff: false, seconds: 0 };
      case 'SO_ERROR': {
        if (s.type !== 'stream') return null;
        const e = tcp.takeError(s);
        return e === null ? null : e.errno;
      }
      case 'TCP_NODELAY': return s.type === 'stream' ? s.nodelay : sysError('ENOPROTOOPT');
      case 'TCP_CONGESTION': return s.type === 'stream' ? (s.congestion === 'newreno' ? 'reno' : s.congestion) : sysError('ENOPROTOOPT');
      default: return sysError('ENOPROTOOPT');
    }
  })();
  return v as GetSockOptValues[K] | SysError;
}

// ------------------------------------------------------------ the C ABI

/** setsockopt(2) levels (Linux: asm-generic/socket.h, netinet/in.h). */
export const SOL_SOCKET = 1;
export const IPPROTO_TCP = 6;
/** Longest optval the lab carries: TCP_CA_NAME_MAX (16), the longest congestion control name. */
export const OPTVAL_MAX = 16;

/** The options that have a (level, name): all but O_NONBLOCK, a file status flag set by fcntl(2). */
export type WireSockOpt = Exclude<keyof GetSockOptValues, 'O_NONBLOCK'>;

/** (level, optname), Linux numbering: asm-generic/socket.h and uapi/linux/tcp.h. */
const CODES: Readonly<Record<WireSockOpt, readonly [number, number]>> = {
  SO_REUSEADDR: [SOL_SOCKET, 2],
  SO_TYPE: [SOL_SOCKET, 3],
  SO_ERROR: [SOL_SOCKET, 4],
  SO_SNDBUF: [SOL_SOCKET, 7],
  SO_RCVBUF: [SOL_SOCKET, 8],
  SO_LINGER: [SOL_SOCKET, 13],
  TCP_NODELAY: [IPPROTO_TCP, 1],
  TCP_CONGESTION: [IPPROTO_TCP, 13],
};
const BY_CODE = new Map<number, WireSockOpt>(
  (Object.entries(CODES) as [WireSockOpt, readonly [number, number]][]).map(([k, [l, n]]) => [l * 0x10000 + n, k]),
);

/** The (level, name) of `opt`, or null for a name the ABI does not have (ENOPROTOOPT). */
export function sockOptCode(opt: string): { level: number; name: number } | null {
  const c = Object.hasOwn(CODES, opt) ? CODES[opt as WireSockOpt] : undefined;
  return c === undefined ? null : { level: c[0], name: c[1] };
}

/** The option a (level, name) pair names, or null (ENOPROTOOPT). */
export function sockOptByCode(level: number, name: number): WireSockOpt | null {
  return BY_CODE.get(level * 0x10000 + name) ?? null;
}

/** SO_TYPE's values (linux/net.h). */
const SOCK_TYPE: Readonly<Record<'stream' | 'dgram', number>> = { stream: 1, dgram: 2 };

function int32(v: unknown): number | null {
  return typeof v === 'number' && Number.isInteger(v) && v >= -0x80000000 && v <= INT_MAX ? v : null;
}

function ints(...v: number[]): Uint8Array {
  const b = new Uint8Array(4 * v.length);
  const d = new DataView(b.buffer);
  v.forEach((x, i) => d.setInt32(4 * i, x, true));
  return b;
}

const NONE = new Uint8Array(0);

/**
 * The optval bytes a C caller would pass for `value` (little-endian ints;
 * struct linger { int l_onoff; int l_linger; }; a name's bytes, at most
 * OPTVAL_MAX, no NUL). Empty when the value has no C form. SO_ERROR's value
 * is the errno's number (the caller maps names), SO_TYPE's SOCK_STREAM/DGRAM.
 */
export function optionToC(opt: WireSockOpt, value: unknown): Uint8Array {
  switch (opt) {
    case 'SO_REUSEADDR':
    case 'TCP_NODELAY':
      return typeof value === 'boolean' ? ints(value ? 1 : 0) : NONE;
    case 'SO_TYPE':
      return value === 'stream' || value === 'dgram' ? ints(SOCK_TYPE[value]) : NONE;
    case 'SO_SNDBUF':
    case 'SO_RCVBUF':
    case 'SO_ERROR': {
      const n = int32(value);
      return n === null ? NONE : ints(n);
    }
    case 'SO_LINGER': {
      const l = value as Linger | null;
      if (typeof l !== 'object' || l === null || typeof l.onoff !== 'boolean') return NONE;
      const secs = int32(l.seconds);
      return secs === null ? NONE : ints(l.onoff ? 1 : 0, secs);
    }
    case 'TCP_CONGESTION':
      return typeof value === 'string' ? new TextEncoder().encode(value).subarray(0, OPTVAL_MAX) : NONE;
  }
}

/**
 * The value optval bytes carry (optionToC's inverse), or null when their
 * length is wrong for the option (Linux: optlen < sizeof(int) is EINVAL).
 */
export function optionFromC(opt: WireSockOpt, optval: Uint8Array): unknown {
  const d = new DataView(optval.buffer, optval.byteOffset, optval.byteLength);
  const word = (i: number): number => d.getInt32(4 * i, true);
  switch (opt) {
    case 'SO_REUSEADDR':
    case 'TCP_NODELAY':
      return optval.length === 4 ? word(0) !== 0 : null;
    case 'SO_TYPE':
      return optval.length !== 4 ? null : word(0) === SOCK_TYPE.stream ? 'stream' : word(0) === SOCK_TYPE.dgram ? 'dgram' : null;
    case 'SO_SNDBUF':
    case 'SO_RCVBUF':
    case 'SO_ERROR':
      return optval.length === 4 ? word(0) : null;
    case 'SO_LINGER':
      return optval.length === 8 ? { onoff: word(0) !== 0, seconds: word(1) } : null;
    case 'TCP_CONGESTION':
      return optval.length === 0 ? null : new TextDecoder().decode(optval);
  }
}
