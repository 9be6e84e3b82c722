// Socket options as the numbers a SETSOCKOPT message carries (level and name
// from Linux's asm-generic/socket.h and netinet/tcp.h; values as integers).
import type { SockOpt, SockOptValues } from '../../../net/stack';

const SOL_SOCKET = 1;
const IPPROTO_TCP = 6;

const CODES: Readonly<Record<SockOpt, readonly [number, number]>> = {
  SO_REUSEADDR: [SOL_SOCKET, 2],
  SO_SNDBUF: [SOL_SOCKET, 7],
  SO_RCVBUF: [SOL_SOCKET, 8],
  SO_LINGER: [SOL_SOCKET, 13],
  TCP_NODELAY: [IPPROTO_TCP, 1],
  TCP_CONGESTION: [IPPROTO_TCP, 13],
  // fcntl(F_SETFL, O_NONBLOCK) never reaches the card; listed for completeness.
  O_NONBLOCK: [SOL_SOCKET, 0x800],
};

const CONGESTION = ['newreno', 'cubic'];

/** The (level, name, value) words of a SETSOCKOPT request. */
export function sockOptWords<K extends SockOpt>(opt: K, value: SockOptValues[K]): { level: number; name: number; value: number } {
  const [level, name] = CODES[opt];
  let v: number;
  if (typeof value === 'boolean') v = value ? 1 : 0;
  else if (typeof value === 'number') v = Math.max(0, Math.min(0xffffffff, Math.floor(value)));
  else if (typeof value === 'string') v = Math.max(0, CONGESTION.indexOf(value));
  else {
    const l = value as SockOptValues['SO_LINGER'];
    v = l.onoff ? Math.max(0, Math.min(0xffff, Math.floor(l.seconds))) | 0x10000 : 0;
  }
  return { level, name, value: v >>> 0 };
}
