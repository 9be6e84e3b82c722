// A reusable socket-level test suite: the BSD semantics every implementation
// of SocketApi must give (the host stack here; later the I2O socket OSM in
// front of the card's stack). Call describeSocketSuite(name, makeWorld) from a
// *.test.ts file; makeWorld builds a fresh world of two hosts per test.
import { describe, expect, it } from 'vitest';
import type { Ipv4Addr } from '../../wire';
import { fillPayload, verifyPayload } from '../../payload';
import type { Accepted, Cont, Fd, Received, Result, SocketApi } from '../api';
import { POLLERR, POLLIN, POLLOUT } from '../api';
import { PENDING, isSysError, type SysError } from '../errno';
import { describeControlCallSuite } from './control-call-suite';

export interface SocketWorld {
  client: SocketApi;
  server: SocketApi;
  clientAddr: Ipv4Addr;
  serverAddr: Ipv4Addr;
  /** An address on the link that nobody answers for (connects there time out). */
  deadAddr: Ipv4Addr;
  /** Advances simulated time by `ns`. */
  run(ns: number): void;
  /** Cuts the path between the hosts (both directions) until `restore()`; tests that need it skip without. */
  cut?: () => void;
  restore?: () => void;
  /**
   * The server's bind, listen and shutdown made with a continuation sleep for
   * an answer from elsewhere (the offload OSM asks the card) and must return
   * PENDING; otherwise (the default, as the native stack) they must answer at the call.
   */
  serverControlCallsSleep?: boolean;
}

/** A call's outcome: set at once when the call completed, or later through its continuation. */
export class Outcome<T> {
  value: T | SysError | undefined;
  settled = false;
  calls = 0;
  readonly cont: Cont<T> = (r) => {
    this.calls += 1;
    this.value = r;
    this.settled = true;
  };

  /** Feeds the call's immediate result; returns whether it was PENDING. */
  from(r: Result<T>): boolean {
    if (r === PENDING) return true;
    this.value = r as T | SysError;
    this.settled = true;
    return false;
  }
}

const MS = 1_000_000;

function payload(conn: number, n: number, offset = 0): Uint8Array {
  const b = new Uint8Array(n);
  fillPayload(conn, offset, b);
  return b;
}

function errnoOf(x: unknown): string | undefined {
  return isSysError(x) ? x.errno : undefined;
}

/** A connected pair: returns [client fd, server's accepted fd, listening fd]. */
export function connectPair(w: SocketWorld, port = 7000): [Fd, Fd, Fd] {
  const l = w.server.socket('stream') as Fd;
  expect(w.server.bind(l, { addr: 0, port })).toBe(0);
  expect(w.server.listen(l, 8)).toBe(0);
  const c = w.client.socket('stream') as Fd;
  const conn = new Outcome<0>();
  conn.from(w.client.connect(c, { addr: w.serverAddr, port }, conn.cont));
  w.run(20 * MS);
  expect(conn.value).toBe(0);
  const a = w.server.accept(l) as Accepted;
  expect(isSysError(a)).toBe(false);
  return [c, a.fd, l];
}

export function describeSocketSuite(name: string, makeWorld: () => SocketWorld): void {
  describe(`${name}: socket API semantics`, () => {
    describeControlCallSuite(makeWorld);

    describe('socket, bind, listen', () => {
      it('socket returns the lowest free descriptors', () => {
        const w = makeWorld();
        const a = w.client.socket('stream') as Fd;
        const b = w.client.socket('dgram') as Fd;
        expect(b).toBe(a + 1);
        expect(w.client.close(a)).toBe(0);
        expect(w.client.socket('stream')).toBe(a);
      });

      it('calls on a descriptor that is not open fail with EBADF', () => {
        const w = makeWorld();
        const fd = w.client.socket('stream') as Fd;
        expect(w.client.close(fd)).toBe(0);
        expect(errnoOf(w.client.close(fd))).toBe('EBADF');
        expect(errnoOf(w.client.bind(fd, { addr: 0, port: 1 }))).toBe('EBADF');
        expect(errnoOf(w.client.send(fd, new Uint8Array(1)))).toBe('EBADF');
        expect(errnoOf(w.client.recv(fd, new Uint8Array(1)))).toBe('EBADF');
        expect(errnoOf(w.client.getsockopt(fd, 'SO_SNDBUF'))).toBe('EBADF');
        expect(errnoOf(w.client.poll(fd))).toBe('EBADF');
      });

      it('binding a port already bound fails with EADDRINUSE', () => {
        const w = makeWorld();
        const a = w.server.socket('stream') as Fd;
        const b = w.server.socket('stream') as Fd;
        expect(w.server.bind(a, { addr: 0, port: 9000 })).toBe(0);
        expect(errnoOf(w.server.bind(b, { addr: 0, port: 9000 }))).toBe('EADDRINUSE');
        expect(errnoOf(w.server.bind(a, { addr: 0, port: 9001 }))).toBe('EINVAL');
      });

      it('SO_REUSEADDR on both sockets allows a second bind unless one listens', () => {
        const w = makeWorld();
        const a = w.server.socket('stream') as Fd;
        const b = w.server.socket('stream') as Fd;
        const c = w.server.socket('stream') as Fd;
        for (const fd of [a, b, c]) expect(w.server.setsockopt(fd, 'SO_REUSEADDR', true)).toBe(0);
        expect(w.server.bind(a, { addr: 0, port: 9000 })).toBe(0);
        expect(w.server.bind(b, { addr: 0, port: 9000 })).toBe(0);
        expect(w.server.listen(a, 4)).toBe(0);
        expect(errnoOf(w.server.bind(c, { addr: 0, port: 9000 }))).toBe('EADDRINUSE');
      });

      it('binding an address the host does not have fails with EADDRNOTAVAIL', () => {
        const w = makeWorld();
        const a = w.server.socket('stream') as Fd;
        expect(errnoOf(w.server.bind(a, { addr: w.deadAddr, port: 80 }))).toBe('EADDRNOTAVAIL');
      });

      it('a port-0 bind picks an ephemeral port that getsockname reports', () => {
        const w = makeWorld();
        const a = w.server.socket('stream') as Fd;
        expect(w.server.bind(a, { addr: 0, port: 0 })).toBe(0);
        const name = w.server.getsockname(a) as { port: number };
        expect(name.port).toBeGreaterThanOrEqual(32768);
        expect(name.port).toBeLessThanOrEqual(60999);
      });

      it('listen and accept are refused on datagram sockets', () => {
        const w = makeWorld();
        const u = w.server.socket('dgram') as Fd;
        expect(errnoOf(w.server.listen(u, 1))).toBe('EOPNOTSUPP');
        expect(errnoOf(w.server.accept(u))).toBe('EOPNOTSUPP');
      });
    });

    describe('connect and accept', () => {
      it('a blocking connect and a blocking accept both complete once the handshake is done', () => {
        const w = makeWorld();
        const l = w.server.socket('stream') as Fd;
        w.server.bind(l, { addr: 0, port: 80 });
        w.server.listen(l, 4);
        const acc = new Outcome<Accepted>();
        expect(acc.from(w.server.accept(l, acc.cont))).toBe(true);
        const c = w.client.socket('stream') as Fd;
        const conn = new Outcome<0>();
        expect(conn.from(w.client.connect(c, { addr: w.serverAddr, port: 80 }, conn.cont))).toBe(true);
        w.run(20 * MS);
        expect(conn.value).toBe(0);
        expect(conn.calls).toBe(1);
        const a = acc.value as Accepted;
        expect(a.remote.addr).toBe(w.clientAddr);
        expect(a.remote.port).toBe((w.client.getsockname(c) as { port: number }).port);
        expect(w.client.getpeername(c)).toEqual({ addr: w.serverAddr, port: 80 });
      });

      it('a non-blocking accept with nothing queued fails with EAGAIN', () => {
        const w = makeWorld();
        const l = w.server.socket('stream') as Fd;
        w.server.bind(l, { addr: 0, port: 80 });
        w.server.listen(l, 4);
        w.server.setsockopt(l, 'O_NONBLOCK', true);
        expect(errnoOf(w.server.accept(l))).toBe('EAGAIN');
        expect(errnoOf(w.server.accept(l, () => undefined))).toBe('EAGAIN');
      });

      it('connect to a port with no listener fails with ECONNREFUSED (the peer answers RST)', () => {
        const w = makeWorld();
        const c = w.client.socket('stream') as Fd;
        const conn = new Outcome<0>();
        conn.from(w.client.connect(c, { addr: w.serverAddr, port: 81 }, conn.cont));
        w.run(20 * MS);
        expect(errnoOf(conn.value)).toBe('ECONNREFUSED');
      });

      it('a non-blocking connect returns EINPROGRESS, then EALREADY, then EISCONN once connected', () => {
        const w = makeWorld();
        const l = w.server.socket('stream') as Fd;
        w.server.bind(l, { addr: 0, port: 80 });
        w.server.listen(l, 4);
        const c = w.client.socket('stream') as Fd;
        w.client.setsockopt(c, 'O_NONBLOCK', true);
        expect(errnoOf(w.client.connect(c, { addr: w.serverAddr, port: 80 }))).toBe('EINPROGRESS');
        expect(errnoOf(w.client.connect(c, { addr: w.serverAddr, port: 80 }))).toBe('EALREADY');
        expect((w.client.poll(c) as number) & POLLOUT).toBe(0);
        w.run(20 * MS);
        expect((w.client.poll(c) as number) & POLLOUT).toBe(POLLOUT);
        expect(w.client.getsockopt(c, 'SO_ERROR')).toBe(null);
        expect(errnoOf(w.client.connect(c, { addr: w.serverAddr, port: 80 }))).toBe('EISCONN');
      });

      it('a refused non-blocking connect reports ECONNREFUSED through SO_ERROR once, with POLLERR', () => {
        const w = makeWorld();
        const c = w.client.socket('stream') as Fd;
        w.client.setsockopt(c, 'O_NONBLOCK', true);
        expect(errnoOf(w.client.connect(c, { addr: w.serverAddr, port: 81 }))).toBe('EINPROGRESS');
        w.run(20 * MS);
        expect((w.client.poll(c) as number) & POLLERR).toBe(POLLERR);
        expect(w.client.getsockopt(c, 'SO_ERROR')).toBe('ECONNREFUSED');
        expect(w.client.getsockopt(c, 'SO_ERROR')).toBe(null);
      });

      it('connect to a host that never answers fails with ETIMEDOUT after the SYN retries', () => {
        const w = makeWorld();
        const c = w.client.socket('stream') as Fd;
        const conn = new Outcome<0>();
        conn.from(w.client.connect(c, { addr: w.deadAddr, port: 80 }, conn.cont));
        w.run(100 * MS);
        expect(conn.settled).toBe(false);
        w.run(300_000 * MS);
        expect(errnoOf(conn.value)).toBe('ETIMEDOUT');
      });

      it('SYNs beyond the listen backlog are dropped until the application accepts', () => {
        const w = makeWorld();
        const l = w.server.socket('stream') as Fd;
        w.server.bind(l, { addr: 0, port: 80 });
        w.server.listen(l, 1);
        w.server.setsockopt(l, 'O_NONBLOCK', true);
        const outcomes: Outcome<0>[] = [];
        for (let i = 0; i < 6; i++) {
          const c = w.client.socket('stream') as Fd;
          const o = new Outcome<0>();
          o.from(w.client.connect(c, { addr: w.serverAddr, port: 80 }, o.cont));
          outcomes.push(o);
        }
        w.run(100 * MS);
        let queued = 0;
        while (!isSysError(w.server.accept(l))) queued += 1;
        // Linux queues backlog + 1 connections; the rest wait for their SYN to be retried.
        expect(queued).toBeLessThanOrEqual(2);
        expect(queued).toBeGreaterThanOrEqual(1);
        // Accepting as they come, every client gets through on its SYN retransmissions.
        for (let t = 0; t < 60; t++) {
          w.run(1000 * MS);
          while (!isSysError(w.server.accept(l))) queued += 1;
        }
        expect(queued).toBe(6);
        expect(outcomes.every((o) => o.value === 0)).toBe(true);
      });
    });

    describe('send and recv', () => {
      it('bytes sent arrive in order and unchanged; a blocking recv waits for them', () => {
        const w = makeWorld();
        const [c, s] = connectPair(w);
        const buf = new Uint8Array(5000);
        const got = new Outcome<number>();
        expect(got.from(w.server.recv(s, buf, got.cont))).toBe(true);
        expect(w.client.send(c, payload(3, 3000))).toBe(3000);
        w.run(100 * MS);
        // A blocking recv returns as soon as some bytes are there: the first segment's worth.
        const first = got.value as number;
        expect(first).toBeGreaterThan(0);
        // The rest may have come with the first wake-up (Minshall's Nagle sends the tail at once).
        const rest = first < 3000 ? (w.server.recv(s, buf.subarray(first)) as number) : 0;
        expect(first + rest).toBe(3000);
        expect(verifyPayload(3, 0, buf.subarray(0, 3000))).toBe(-1);
      });

      it('a non-blocking recv with nothing buffered fails with EAGAIN', () => {
        const w = makeWorld();
        const [, s] = connectPair(w);
        w.server.setsockopt(s, 'O_NONBLOCK', true);
        expect(errnoOf(w.server.recv(s, new Uint8Array(10)))).toBe('EAGAIN');
        expect((w.server.poll(s) as number) & POLLIN).toBe(0);
      });

      it('a non-blocking send takes what fits (a partial send), then fails with EAGAIN', () => {
        const w = makeWorld();
        const [c] = connectPair(w);
        w.client.setsockopt(c, 'O_NONBLOCK', true);
        const big = payload(4, 4_000_000);
        const first = w.client.send(c, big) as number;
        expect(first).toBeGreaterThan(0);
        expect(first).toBeLessThan(big.length);
        expect(errnoOf(w.client.send(c, big.subarray(first)))).toBe('EAGAIN');
      });

      it('a blocking send larger than the buffer completes with its full count as the peer reads', () => {
        const w = makeWorld();
        const [c, s] = connectPair(w);
        const total = 1_000_000;
        const sent = new Outcome<number>();
        expect(sent.from(w.client.send(c, payload(5, total), sent.cont))).toBe(true);
        const buf = new Uint8Array(65536);
        let got = 0;
        let ok = true;
        const read = (r: number | SysError): void => {
          if (isSysError(r) || r === 0) return;
          ok &&= verifyPayload(5, got, buf.subarray(0, r)) === -1;
          got += r;
          const o = new Outcome<number>();
          if (!o.from(w.server.recv(s, buf, read))) read(o.value!);
        };
        const o = new Outcome<number>();
        if (!o.from(w.server.recv(s, buf, read))) read(o.value!);
        w.run(500 * MS);
        expect(sent.value).toBe(total);
        expect(got).toBe(total);
        expect(ok).toBe(true);
      });

      it('after the peer shuts down writing, recv returns the remaining bytes and then 0', () => {
        const w = makeWorld();
        const [c, s] = connectPair(w);
        w.client.send(c, payload(6, 100));
        expect(w.client.shutdown(c, 'wr')).toBe(0);
        w.run(20 * MS);
        const buf = new Uint8Array(1000);
        expect(w.server.recv(s, buf)).toBe(100);
        expect(w.server.recv(s, buf)).toBe(0);
        expect((w.server.poll(s) as number) & POLLIN).toBe(POLLIN);
        // The other direction still works.
        expect(w.server.send(s, payload(7, 50))).toBe(50);
        w.run(20 * MS);
        expect(w.client.recv(c, buf)).toBe(50);
      });

      it('send after shutdown for writing fails with EPIPE', () => {
        const w = makeWorld();
        const [c] = connectPair(w);
        w.client.shutdown(c, 'wr');
        expect(errnoOf(w.client.send(c, new Uint8Array(1)))).toBe('EPIPE');
      });

      it('recv and send on a socket that is not connected fail with ENOTCONN', () => {
        const w = makeWorld();
        const fd = w.client.socket('stream') as Fd;
        expect(errnoOf(w.client.recv(fd, new Uint8Array(1)))).toBe('ENOTCONN');
        expect(errnoOf(w.client.send(fd, new Uint8Array(1)))).toBe('ENOTCONN');
        expect(errnoOf(w.client.getpeername(fd))).toBe('ENOTCONN');
        expect(errnoOf(w.client.shutdown(fd, 'wr'))).toBe('ENOTCONN');
      });

      it('recvfrom on a stream socket reads like recv and names the peer', () => {
        const w = makeWorld();
        const [c, s] = connectPair(w);
        w.client.send(c, payload(17, 10));
        w.run(50 * MS);
        const r = w.server.recvfrom(s, new Uint8Array(100)) as Received;
        expect(r.bytes).toBe(10);
        expect(r.from.addr).toBe(w.clientAddr);
      });

      it('wait() calls back once the socket becomes readable', () => {
        const w = makeWorld();
        const [c, s] = connectPair(w);
        let revents = -1;
        let calls = 0;
        expect(w.server.wait(s, POLLIN, (ev) => { revents = ev; calls += 1; })).toBe(0);
        w.run(5 * MS);
        expect(calls).toBe(0);
        w.client.send(c, payload(8, 10));
        w.run(20 * MS);
        expect(calls).toBe(1);
        expect(revents & POLLIN).toBe(POLLIN);
      });
    });

    describe('a vanished peer', () => {
      it('data that is never acknowledged ends the connection with ETIMEDOUT', (ctx) => {
        const w = makeWorld();
        if (w.cut === undefined) return ctx.skip();
        const [c] = connectPair(w);
        w.cut();
        const sent = new Outcome<number>();
        sent.from(w.client.send(c, payload(18, 1000), sent.cont));
        w.run(1000 * MS);
        const got = new Outcome<number>();
        expect(got.from(w.client.recv(c, new Uint8Array(10), got.cont))).toBe(true);
        // dataRetries = 15 (Linux tcp_retries2): 924.6 s with a 200 ms RTO, longer if the RTO is larger.
        w.run(2_000_000 * MS);
        expect(errnoOf(got.value)).toBe('ETIMEDOUT');
        expect(errnoOf(w.client.send(c, new Uint8Array(1)))).toBe('EPIPE');
      });

      it('a connection survives a short cut: the data arrives once the path is back', (ctx) => {
        const w = makeWorld();
        if (w.cut === undefined || w.restore === undefined) return ctx.skip();
        const [c, s] = connectPair(w);
        w.cut();
        w.client.send(c, payload(19, 5000));
        w.run(2000 * MS);
        w.restore();
        w.run(10_000 * MS);
        const buf = new Uint8Array(6000);
        let n = 0;
        for (;;) {
          const r = w.server.recv(s, buf.subarray(n));
          if (typeof r !== 'number' || r === 0) break;
          n += r;
        }
        expect(n).toBe(5000);
        expect(verifyPayload(19, 0, buf.subarray(0, n))).toBe(-1);
      });
    });

    describe('close and linger', () => {
      it('close with SO_LINGER 0 aborts: the peer reads ECONNRESET', () => {
        const w = makeWorld();
        const [c, s] = connectPair(w);
        expect(w.client.setsockopt(c, 'SO_LINGER', { onoff: true, seconds: 0 })).toBe(0);
        expect(w.client.close(c)).toBe(0);
        w.run(20 * MS);
        expect(errnoOf(w.server.recv(s, new Uint8Array(10)))).toBe('ECONNRESET');
      });

      it('closing with unread data resets the connection', () => {
        const w = makeWorld();
        const [c, s] = connectPair(w);
        w.client.send(c, payload(9, 100));
        w.run(20 * MS);
        expect(w.server.close(s)).toBe(0);
        w.run(20 * MS);
        expect(errnoOf(w.client.send(c, new Uint8Array(10)))).toBe('ECONNRESET');
      });

      it('an orderly close lets the peer read everything and then end of stream', () => {
        const w = makeWorld();
        const [c, s] = connectPair(w);
        w.client.send(c, payload(10, 20_000));
        expect(w.client.close(c)).toBe(0);
        w.run(50 * MS);
        const buf = new Uint8Array(30_000);
        let got = 0;
        for (;;) {
          const r = w.server.recv(s, buf.subarray(got));
          if (typeof r !== 'number' || r === 0) break;
          got += r;
        }
        expect(got).toBe(20_000);
        expect(verifyPayload(10, 0, buf.subarray(0, got))).toBe(-1);
      });

      it('a blocking close with SO_LINGER > 0 completes once the peer acknowledged everything', () => {
        const w = makeWorld();
        const [c] = connectPair(w);
        w.client.setsockopt(c, 'SO_LINGER', { onoff: true, seconds: 5 });
        w.client.send(c, payload(11, 50_000));
        const closed = new Outcome<0>();
        expect(closed.from(w.client.close(c, closed.cont))).toBe(true);
        w.run(100 * MS);
        expect(closed.value).toBe(0);
      });

      it('a lingering close gives up after its timeout when the peer is gone', () => {
        const w = makeWorld();
        const [c, s] = connectPair(w);
        // The peer stops reading and its window fills, so our FIN cannot be acknowledged.
        w.server.setsockopt(s, 'O_NONBLOCK', true);
        w.client.setsockopt(c, 'SO_LINGER', { onoff: true, seconds: 1 });
        w.client.setsockopt(c, 'O_NONBLOCK', true);
        while (!isSysError(w.client.send(c, payload(12, 65536)))) w.run(10 * MS);
        const closed = new Outcome<0>();
        expect(closed.from(w.client.close(c, closed.cont))).toBe(true);
        w.run(900 * MS);
        expect(closed.settled).toBe(false);
        w.run(200 * MS);
        expect(closed.value).toBe(0);
      });
    });

    describe('options', () => {
      it('TCP_NODELAY, SO_SNDBUF, SO_RCVBUF and TCP_CONGESTION read back what was set', () => {
        const w = makeWorld();
        const fd = w.client.socket('stream') as Fd;
        expect(w.client.getsockopt(fd, 'TCP_NODELAY')).toBe(false);
        expect(w.client.setsockopt(fd, 'TCP_NODELAY', true)).toBe(0);
        expect(w.client.getsockopt(fd, 'TCP_NODELAY')).toBe(true);
        expect(w.client.setsockopt(fd, 'SO_SNDBUF', 65536)).toBe(0);
        expect(w.client.getsockopt(fd, 'SO_SNDBUF')).toBe(65536);
        expect(w.client.setsockopt(fd, 'SO_RCVBUF', 32768)).toBe(0);
        expect(w.client.getsockopt(fd, 'SO_RCVBUF')).toBe(32768);
        expect(w.client.setsockopt(fd, 'TCP_CONGESTION', 'cubic')).toBe(0);
        expect(w.client.getsockopt(fd, 'TCP_CONGESTION')).toBe('cubic');
        expect(w.client.getsockopt(fd, 'SO_TYPE')).toBe('stream');
      });

      it('an unknown congestion control fails with ENOENT, a bad size with EINVAL', () => {
        const w = makeWorld();
        const fd = w.client.socket('stream') as Fd;
        expect(errnoOf(w.client.setsockopt(fd, 'TCP_CONGESTION', 'bbr9'))).toBe('ENOENT');
        expect(errnoOf(w.client.setsockopt(fd, 'SO_SNDBUF', -1))).toBe('EINVAL');
      });

      it('TCP options on a datagram socket fail with ENOPROTOOPT', () => {
        const w = makeWorld();
        const u = w.client.socket('dgram') as Fd;
        expect(errnoOf(w.client.setsockopt(u, 'TCP_NODELAY', true))).toBe('ENOPROTOOPT');
      });

      it('a small SO_RCVBUF on the receiver bounds what a non-blocking sender can push ahead', () => {
        const w = makeWorld();
        const l = w.server.socket('stream') as Fd;
        w.server.setsockopt(l, 'SO_RCVBUF', 8192);
        w.server.bind(l, { addr: 0, port: 7100 });
        w.server.listen(l, 2);
        const c = w.client.socket('stream') as Fd;
        w.client.setsockopt(c, 'SO_SNDBUF', 16384);
        const conn = new Outcome<0>();
        conn.from(w.client.connect(c, { addr: w.serverAddr, port: 7100 }, conn.cont));
        w.run(20 * MS);
        w.client.setsockopt(c, 'O_NONBLOCK', true);
        let pushed = 0;
        for (let i = 0; i < 20; i++) {
          const r = w.client.send(c, payload(13, 4096, pushed));
          if (typeof r === 'number') pushed += r;
          w.run(5 * MS);
        }
        expect(pushed).toBeLessThanOrEqual(8192 + 16384);
        expect(pushed).toBeGreaterThanOrEqual(8192);
      });
    });

    describe('datagrams', () => {
      it('sendto and recvfrom carry a datagram and its source address', () => {
        const w = makeWorld();
        const u = w.server.socket('dgram') as Fd;
        w.server.bind(u, { addr: 0, port: 5353 });
        const v = w.client.socket('dgram') as Fd;
        const got = new Outcome<Received>();
        const buf = new Uint8Array(2000);
        expect(got.from(w.server.recvfrom(u, buf, got.cont))).toBe(true);
        expect(w.client.sendto(v, payload(14, 1000), { addr: w.serverAddr, port: 5353 })).toBe(1000);
        w.run(20 * MS);
        const r = got.value as Received;
        expect(r.bytes).toBe(1000);
        expect(r.from.addr).toBe(w.clientAddr);
        expect(r.from.port).toBe((w.client.getsockname(v) as { port: number }).port);
        expect(verifyPayload(14, 0, buf.subarray(0, 1000))).toBe(-1);
      });

      it('a datagram larger than the MTU is fragmented and reassembled whole', () => {
        const w = makeWorld();
        const u = w.server.socket('dgram') as Fd;
        w.server.bind(u, { addr: 0, port: 5353 });
        const v = w.client.socket('dgram') as Fd;
        expect(w.client.sendto(v, payload(15, 20_000), { addr: w.serverAddr, port: 5353 })).toBe(20_000);
        w.run(20 * MS);
        const buf = new Uint8Array(30_000);
        const r = w.server.recvfrom(u, buf) as Received;
        expect(r.bytes).toBe(20_000);
        expect(verifyPayload(15, 0, buf.subarray(0, 20_000))).toBe(-1);
      });

      it('a datagram too large for IPv4 fails with EMSGSIZE; one without address with EDESTADDRREQ', () => {
        const w = makeWorld();
        const v = w.client.socket('dgram') as Fd;
        expect(errnoOf(w.client.sendto(v, new Uint8Array(65508), { addr: w.serverAddr, port: 9 }))).toBe('EMSGSIZE');
        expect(errnoOf(w.client.send(v, new Uint8Array(10)))).toBe('EDESTADDRREQ');
      });

      it('a short buffer truncates the datagram and reports its full length', () => {
        const w = makeWorld();
        const u = w.server.socket('dgram') as Fd;
        w.server.bind(u, { addr: 0, port: 5353 });
        const v = w.client.socket('dgram') as Fd;
        w.client.connect(v, { addr: w.serverAddr, port: 5353 });
        expect(w.client.send(v, payload(16, 500))).toBe(500);
        w.run(20 * MS);
        const r = w.server.recvfrom(u, new Uint8Array(100)) as Received;
        expect(r.bytes).toBe(100);
        expect(r.length).toBe(500);
        w.server.setsockopt(u, 'O_NONBLOCK', true);
        expect(errnoOf(w.server.recvfrom(u, new Uint8Array(100)))).toBe('EAGAIN');
      });
    });
  });
}
