// The BSD socket API as an event-driven, async-free interface for a simulator.
// The host stack (Stack) implements it; the machine model can put the host's
// syscall/socket layers, or the I2O socket OSM, in front of it, and anything
// that implements SocketApi must give these exact semantics (the reusable
// suite in ./testing checks them).
//
// Calls return at once. A call that can complete now returns its result
// (a value or a SysError). A blocking call (socket without O_NONBLOCK) that
// cannot complete now returns PENDING and later calls its continuation exactly
// once, from a sim event, with the result; without a continuation it behaves
// as non-blocking (EAGAIN / EINPROGRESS). A non-blocking call never returns
// PENDING. Errors are values (`{ errno }`), never exceptions.
//
// bind, listen, shutdown, setsockopt and getsockopt also take an optional
// continuation: the caller is prepared to sleep for the answer. An implementation that can answer at the
// call (the native stack always does: these calls never wait in Linux) returns
// the result and never calls the continuation; one that must ask elsewhere
// (the I2O socket OSM asks the card and sleeps until its reply) returns PENDING
// and calls it exactly once with the result. Either way the errno is the same.
// Without a continuation the answer is always given at the call. close(2)'s
// continuation is different: close always releases the descriptor at the call
// and sleeps only to linger (SO_LINGER > 0 with unsent or unacknowledged data).
//
// Option values must have a C form (sockopt.ts): buffer sizes and linger
// seconds are 32-bit ints, booleans are C ints 0/1.
import type { Ipv4Addr } from '../wire';
import type { Pending, SysError } from './errno';

export type Fd = number;
export type SockType = 'stream' | 'dgram';

export interface SockAddr {
  addr: Ipv4Addr;
  port: number;
}

export interface Accepted {
  fd: Fd;
  remote: SockAddr;
}

export interface Received {
  /** Bytes copied into the caller's buffer (a longer datagram is truncated, MSG_TRUNC style). */
  bytes: number;
  /** The datagram's full length. */
  length: number;
  from: SockAddr;
}

export type Cont<T> = (result: T | SysError) => void;
export type Result<T> = T | SysError | Pending;

export interface Linger {
  onoff: boolean;
  /** Seconds (SO_LINGER's l_linger). */
  seconds: number;
}

export interface SockOptValues {
  SO_SNDBUF: number;
  SO_RCVBUF: number;
  SO_REUSEADDR: boolean;
  SO_LINGER: Linger;
  TCP_NODELAY: boolean;
  TCP_CONGESTION: string;
  /** fcntl(F_SETFL, O_NONBLOCK), offered here as an option. */
  O_NONBLOCK: boolean;
}

export interface GetSockOptValues extends SockOptValues {
  /** The pending error, cleared by reading it (null when none). */
  SO_ERROR: SysError['errno'] | null;
  SO_TYPE: SockType;
}

export type SockOpt = keyof SockOptValues;

// poll(2) event bits (values as in Linux's asm-generic/poll.h).
export const POLLIN = 0x001;
export const POLLOUT = 0x004;
export const POLLERR = 0x008;
export const POLLHUP = 0x010;

export type ShutdownHow = 'rd' | 'wr' | 'rdwr';

export interface SocketApi {
  socket(type: SockType): Fd | SysError;
  bind(fd: Fd, addr: SockAddr): 0 | SysError;
  /** bind(2) by a caller that may sleep for the answer (see the header). */
  bind(fd: Fd, addr: SockAddr, cont?: Cont<0>): Result<0>;
  listen(fd: Fd, backlog: number): 0 | SysError;
  /** listen(2) by a caller that may sleep for the answer (see the header). */
  listen(fd: Fd, backlog: number, cont?: Cont<0>): Result<0>;
  accept(fd: Fd, cont?: Cont<Accepted>): Result<Accepted>;
  connect(fd: Fd, addr: SockAddr, cont?: Cont<0>): Result<0>;
  /** Stream: bytes queued (partial when non-blocking). Datagram: needs a connected peer. */
  send(fd: Fd, data: Uint8Array, cont?: Cont<number>): Result<number>;
  /** Bytes copied; 0 at end of stream. */
  recv(fd: Fd, into: Uint8Array, cont?: Cont<number>): Result<number>;
  sendto(fd: Fd, data: Uint8Array, to: SockAddr, cont?: Cont<number>): Result<number>;
  recvfrom(fd: Fd, into: Uint8Array, cont?: Cont<Received>): Result<Received>;
  shutdown(fd: Fd, how: ShutdownHow): 0 | SysError;
  /** shutdown(2) by a caller that may sleep for the answer (see the header). */
  shutdown(fd: Fd, how: ShutdownHow, cont?: Cont<0>): Result<0>;
  close(fd: Fd, cont?: Cont<0>): Result<0>;
  setsockopt<K extends SockOpt>(fd: Fd, opt: K, value: SockOptValues[K]): 0 | SysError;
  /** setsockopt(2) by a caller that may sleep for the answer (see the header). */
  setsockopt<K extends SockOpt>(fd: Fd, opt: K, value: SockOptValues[K], cont?: Cont<0>): Result<0>;
  getsockopt<K extends keyof GetSockOptValues>(fd: Fd, opt: K): GetSockOptValues[K] | SysError;
  /** getsockopt(2) by a caller that may sleep for the answer (see the header). */
  getsockopt<K extends keyof GetSockOptValues>(fd: Fd, opt: K, cont?: Cont<GetSockOptValues[K]>): Result<GetSockOptValues[K]>;
  getsockname(fd: Fd): SockAddr | SysError;
  getpeername(fd: Fd): SockAddr | SysError;
  /** Current readiness (POLLIN | POLLOUT | POLLERR | POLLHUP bits). */
  poll(fd: Fd): number | SysError;
  /** One-shot readiness wait: `cont(revents)` once any of `events` (or ERR/HUP) holds. */
  wait(fd: Fd, events: number, cont: (revents: number) => void): 0 | SysError;
}
