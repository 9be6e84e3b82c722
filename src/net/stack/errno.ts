// Errors of the socket API as values, never exceptions: `{ errno: 'EAGAIN' }`.
// One frozen object per errno, so returning an error allocates nothing. The
// meanings follow POSIX and Linux's socket(7), tcp(7), udp(7) man pages.
export type Errno =
  | 'EAGAIN' // non-blocking call would block (Linux EWOULDBLOCK is the same value)
  | 'EADDRINUSE'
  | 'EADDRNOTAVAIL'
  | 'EALREADY' // a non-blocking connect is already in progress
  | 'EBADF'
  | 'EBUSY' // a blocking call of the same kind is already waiting on this socket (threads are not modelled)
  | 'ECONNREFUSED'
  | 'ECONNRESET'
  | 'EDESTADDRREQ'
  | 'EINPROGRESS'
  | 'EINVAL'
  | 'EISCONN'
  | 'EMFILE'
  | 'EMSGSIZE'
  | 'ENOENT' // TCP_CONGESTION names an unknown algorithm (Linux)
  | 'ENOPROTOOPT'
  | 'ENOTCONN'
  | 'EOPNOTSUPP'
  | 'EPIPE'
  | 'EPROTOTYPE'
  | 'ETIMEDOUT'
  | 'EHOSTUNREACH';

export interface SysError {
  readonly errno: Errno;
}

const table = new Map<Errno, SysError>();

/** The (shared, frozen) error value for `e`. */
export function sysError(e: Errno): SysError {
  let v = table.get(e);
  if (v === undefined) {
    v = Object.freeze({ errno: e });
    table.set(e, v);
  }
  return v;
}

export function isSysError(x: unknown): x is SysError {
  return typeof x === 'object' && x !== null && typeof (x as { errno?: unknown }).errno === 'string';
}

/** Returned by a blocking call that will complete later through its continuation. */
export interface Pending {
  readonly pending: true;
}

export const PENDING: Pending = Object.freeze({ pending: true });

export function isPending(x: unknown): x is Pending {
  return x === PENDING;
}
