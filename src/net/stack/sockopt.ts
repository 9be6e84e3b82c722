// setsockopt/getsockopt for the knobs the lab tunes (socket(7), tcp(7)).
// Buffer sizes are stated in payload bytes and returned as set (Linux doubles
// SO_SNDBUF/SO_RCVBUF for its bookkeeping and reports the doubled value; the
// lab has no such overhead to hide). TCP buffer sizes take effect only before
// the handshake, as in Linux, where the window scale is fixed by the SYN.
import type { GetSockOptValues, Linger, SockOptValues } from './api';
import { sysError, type SysError } from './errno';
import type { TcpLayer } from './tcp-layer';
import type { TcpSock } from './tcp-sock';
import type { UdpSock } from './udp-layer';

type Sock = TcpSock | UdpSock;

/** Linux's tcp_cong_list names; 'reno' in Linux is NewReno. */
const CONGESTION: Record<string, 'newreno' | 'cubic'> = { reno: 'newreno', newreno: 'newreno', cubic: 'cubic' };

function positiveInt(v: unknown): number | null {
  return typeof v === 'number' && Number.isInteger(v) && v > 0 ? v : null;
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
      if (typeof l !== 'object' || l === null || typeof l.onoff !== 'boolean' || !(l.seconds >= 0)) return sysError('EINVAL');
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
      const name = typeof value === 'string' ? CONGESTION[value] : undefined;
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
