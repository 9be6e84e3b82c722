// errno values as numbers for the socket class's ERROR event (its errno word
// is "Linux numbering", src/i2o/socket-codes.ts). Values from Linux's
// include/uapi/asm-generic/errno-base.h and errno.h.
import type { Errno } from '../../net/stack';

const CODES: Readonly<Record<Errno, number>> = {
  ENOENT: 2,
  EBADF: 9,
  EAGAIN: 11,
  EBUSY: 16,
  EINVAL: 22,
  EMFILE: 24,
  EPIPE: 32,
  EDESTADDRREQ: 89,
  EMSGSIZE: 90,
  EPROTOTYPE: 91,
  ENOPROTOOPT: 92,
  EOPNOTSUPP: 95,
  EADDRINUSE: 98,
  EADDRNOTAVAIL: 99,
  ECONNRESET: 104,
  EISCONN: 106,
  ENOTCONN: 107,
  ETIMEDOUT: 110,
  ECONNREFUSED: 111,
  EHOSTUNREACH: 113,
  EALREADY: 114,
  EINPROGRESS: 115,
};

const NAMES = new Map<number, Errno>(Object.entries(CODES).map(([k, v]) => [v, k as Errno]));

export function errnoCode(e: Errno): number {
  return CODES[e];
}

/** The Errno for a Linux number; EINVAL for a number the lab does not use. */
export function errnoName(code: number): Errno {
  return NAMES.get(code) ?? 'EINVAL';
}
