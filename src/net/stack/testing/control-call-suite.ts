// The socket suite's control calls made with a continuation: bind, listen,
// shutdown, setsockopt and getsockopt by a caller prepared to sleep for the
// answer (api.ts), and close, whose continuation only ever lingers. An
// implementation may answer at the call (the native stack always does) or
// return PENDING and answer once through the continuation (the I2O socket OSM
// sleeps until the card's reply); the result, the errno and what the socket
// does afterwards must be the same either way, and the continuation is never
// called for a result given at the call, nor twice. describeSocketSuite runs
// these for every world.
import { describe, expect, it } from 'vitest';
import { fillPayload } from '../../payload';
import type { Accepted, Cont, Fd, GetSockOptValues, Received, Result, SockOpt, SockOptValues } from '../api';
import { PENDING, isSysError, type SysError } from '../errno';
import type { SocketWorld } from './socket-suite';

const MS = 1_000_000;

/** A control call's outcome, whichever way it was given. */
class Answer {
  value: 0 | SysError | undefined;
  calls = 0;
  pending = false;
  readonly cont = (r: 0 | SysError): void => {
    this.calls += 1;
    this.value = r;
  };

  from(r: Result<0>): this {
    if (isSysError(r) || r === 0) this.value = r;
    else this.pending = true;
    return this;
  }

  /**
   * The answer once time has run; a pending call must have been answered exactly
   * once, an immediate one never. `sleeps`: whether this call must have been
   * PENDING (the world's server sleeps for its control calls, and this one goes
   * through that round trip) or must have been answered at the call.
   */
  settled(w: SocketWorld, sleeps: boolean): 0 | string {
    expect(this.pending).toBe(sleeps);
    w.run(MS);
    expect(this.calls).toBe(this.pending ? 1 : 0);
    expect(this.value).toBeDefined();
    return isSysError(this.value) ? this.value.errno : 0;
  }
}

function errnoOf(x: unknown): string | undefined {
  return isSysError(x) ? x.errno : undefined;
}

function sleeps(w: SocketWorld): boolean {
  return w.serverControlCallsSleep === true;
}

function bind(w: SocketWorld, fd: Fd, port: number): 0 | string {
  const a = new Answer();
  return a.from(w.server.bind(fd, { addr: 0, port }, a.cont)).settled(w, sleeps(w));
}

function listen(w: SocketWorld, fd: Fd, backlog: number, roundTrip = true): 0 | string {
  const a = new Answer();
  return a.from(w.server.listen(fd, backlog, a.cont)).settled(w, roundTrip && sleeps(w));
}

function shutdown(w: SocketWorld, fd: Fd, how: 'rd' | 'wr' | 'rdwr', roundTrip = true): 0 | string {
  const a = new Answer();
  return a.from(w.server.shutdown(fd, how, a.cont)).settled(w, roundTrip && sleeps(w));
}

/** A call's outcome with a continuation, whichever way it was given (any result type). */
class Reply<T> {
  value: T | SysError | undefined;
  calls = 0;
  pending = false;
  readonly cont: Cont<T> = (r) => {
    this.calls += 1;
    this.value = r;
  };

  from(r: Result<T>): this {
    if (r === PENDING) this.pending = true;
    else this.value = r as T | SysError;
    return this;
  }

  /** The result once time has run: a pending call answered exactly once, an immediate one never. */
  settled(w: SocketWorld): T | SysError | undefined {
    w.run(MS);
    expect(this.calls).toBe(this.pending ? 1 : 0);
    return this.value;
  }
}

/** setsockopt with a continuation: the errno name or 0, and whether it slept. */
function setopt<K extends SockOpt>(w: SocketWorld, fd: Fd, opt: K, value: SockOptValues[K]): { r: 0 | string; slept: boolean } {
  const a = new Reply<0>();
  a.from(w.server.setsockopt(fd, opt, value, a.cont));
  const v = a.settled(w);
  return { r: isSysError(v) ? v.errno : (v as 0), slept: a.pending };
}

/** getsockopt with a continuation: the value (or errno name), and whether it slept. */
function getopt<K extends keyof GetSockOptValues>(w: SocketWorld, fd: Fd, opt: K): { v: unknown; slept: boolean } {
  const a = new Reply<GetSockOptValues[K]>();
  a.from(w.server.getsockopt(fd, opt, a.cont));
  const v = a.settled(w);
  return { v: isSysError(v) ? v.errno : v, slept: a.pending };
}

/** Server listening on `port` (control calls with continuations), a client connected and its connection accepted. */
function connected(w: SocketWorld, port: number): [Fd, Fd] {
  const l = w.server.socket('stream') as Fd;
  expect(bind(w, l, port)).toBe(0);
  expect(listen(w, l, 4)).toBe(0);
  const c = w.client.socket('stream') as Fd;
  let conn: 0 | SysError | undefined;
  const r = w.client.connect(c, { addr: w.serverAddr, port }, (x) => { conn = x; });
  if (r === 0 || isSysError(r)) conn = r;
  w.run(20 * MS);
  expect(conn).toBe(0);
  const a = w.server.accept(l) as Accepted;
  expect(isSysError(a)).toBe(false);
  return [c, a.fd];
}

export function describeControlCallSuite(makeWorld: () => SocketWorld): void {
  describe('bind, listen and shutdown made with a continuation', () => {
    it('a second bind of a bound port fails with EADDRINUSE, a rebind with EINVAL', () => {
      const w = makeWorld();
      const a = w.server.socket('stream') as Fd;
      const b = w.server.socket('stream') as Fd;
      expect(bind(w, a, 9100)).toBe(0);
      expect(bind(w, b, 9100)).toBe('EADDRINUSE');
      expect(bind(w, a, 9101)).toBe('EINVAL');
      expect((w.server.getsockname(a) as { port: number }).port).toBe(9100);
    });

    it('bind then listen, then a client connects and the server accepts', () => {
      const w = makeWorld();
      const [c, s] = connected(w, 9200);
      expect(w.server.getpeername(s)).toEqual({ addr: w.clientAddr, port: (w.client.getsockname(c) as { port: number }).port });
    });

    it('listen on an unbound socket binds an ephemeral port; on a connected one it fails with EINVAL', () => {
      const w = makeWorld();
      const l = w.server.socket('stream') as Fd;
      expect(listen(w, l, 4)).toBe(0);
      const port = (w.server.getsockname(l) as { port: number }).port;
      expect(port).toBeGreaterThanOrEqual(32768);
      const [, s] = connected(w, 9300);
      expect(listen(w, s, 4)).toBe('EINVAL');
    });

    it('listen on a datagram socket fails with EOPNOTSUPP', () => {
      const w = makeWorld();
      const u = w.server.socket('dgram') as Fd;
      // Refused by the socket family at the call: there is nothing to ask.
      expect(listen(w, u, 1, false)).toBe('EOPNOTSUPP');
    });

    it('shutdown of a socket that is not connected, or listens, fails with ENOTCONN', () => {
      const w = makeWorld();
      const fd = w.server.socket('stream') as Fd;
      expect(shutdown(w, fd, 'wr')).toBe('ENOTCONN');
      const l = w.server.socket('stream') as Fd;
      expect(bind(w, l, 9400)).toBe(0);
      expect(listen(w, l, 4)).toBe(0);
      // A listener's own record says it is not connected: answered at the call.
      expect(shutdown(w, l, 'rdwr', false)).toBe('ENOTCONN');
    });

    it('after shutdown for writing, send fails with EPIPE and the peer reads the data then end of stream', () => {
      const w = makeWorld();
      const [c, s] = connected(w, 9500);
      const data = new Uint8Array(300);
      fillPayload(7, 0, data);
      expect(w.server.send(s, data)).toBe(300);
      expect(shutdown(w, s, 'wr')).toBe(0);
      expect((w.server.send(s, new Uint8Array(1)) as SysError).errno).toBe('EPIPE');
      w.run(20 * MS);
      const into = new Uint8Array(400);
      expect(w.client.recv(c, into)).toBe(300);
      expect(into.subarray(0, 300)).toEqual(data);
      expect(w.client.recv(c, into)).toBe(0);
    });

    it('a datagram socket bound with a continuation receives what is sent to its port', () => {
      const w = makeWorld();
      const u = w.server.socket('dgram') as Fd;
      expect(bind(w, u, 9600)).toBe(0);
      const c = w.client.socket('dgram') as Fd;
      expect(w.client.sendto(c, new Uint8Array(64).fill(5), { addr: w.serverAddr, port: 9600 })).toBe(64);
      w.run(20 * MS);
      const r = w.server.recvfrom(u, new Uint8Array(100)) as Received;
      expect(r.bytes).toBe(64);
      expect(r.from.addr).toBe(w.clientAddr);
    });
  });

  describe('setsockopt, getsockopt and close made with a continuation', () => {
    it('every option the lab tunes reads back what was set; options the card holds sleep for it where the server does', () => {
      const w = makeWorld();
      const fd = w.server.socket('stream') as Fd;
      const card = sleeps(w);
      const cases: [SockOpt, unknown, boolean][] = [
        // [option, value, whether the card holds it (else the host answers reads itself)]
        ['TCP_NODELAY', true, true],
        ['TCP_NODELAY', false, true],
        ['SO_REUSEADDR', true, true],
        ['TCP_CONGESTION', 'cubic', true],
        ['TCP_CONGESTION', 'reno', true],
        ['SO_LINGER', { onoff: true, seconds: 7 }, true],
        ['SO_LINGER', { onoff: false, seconds: 3 }, true],
        ['SO_SNDBUF', 65536, false],
        ['SO_RCVBUF', 32769, false],
        ['O_NONBLOCK', true, false],
      ];
      for (const [opt, value, held] of cases) {
        const set = setopt(w, fd, opt, value as never);
        expect(set, `${opt} = ${JSON.stringify(value)}`).toEqual({ r: 0, slept: card && opt !== 'O_NONBLOCK' });
        const got = getopt(w, fd, opt);
        expect(got, `${opt} read back`).toEqual({ v: value, slept: card && held });
      }
      expect(getopt(w, fd, 'SO_TYPE')).toEqual({ v: 'stream', slept: false });
      expect(getopt(w, fd, 'SO_ERROR')).toEqual({ v: null, slept: card });
    });

    it('bad values fail with the native errno whichever form: EINVAL, ENOENT, ENOPROTOOPT, EBADF', () => {
      const w = makeWorld();
      const fd = w.server.socket('stream') as Fd;
      const u = w.server.socket('dgram') as Fd;
      const cases: [Fd, SockOpt, unknown, string | 0][] = [
        [fd, 'SO_SNDBUF', -1, 'EINVAL'],
        [fd, 'SO_SNDBUF', 0, 'EINVAL'],
        [fd, 'SO_RCVBUF', 1.5, 'EINVAL'],
        [fd, 'SO_RCVBUF', 2 ** 31, 'EINVAL'],
        [fd, 'SO_LINGER', { onoff: true, seconds: -1 }, 'EINVAL'],
        [fd, 'SO_LINGER', { onoff: true, seconds: 0.5 }, 'EINVAL'],
        [fd, 'SO_LINGER', { onoff: 1, seconds: 5 }, 'EINVAL'],
        [fd, 'TCP_NODELAY', 1, 'EINVAL'],
        [fd, 'O_NONBLOCK', 'yes', 'EINVAL'],
        [fd, 'TCP_CONGESTION', 'bbr9', 'ENOENT'],
        [fd, 'TCP_CONGESTION', 'cubic\0', 'ENOENT'],
        [fd, 'TCP_CONGESTION', 'cubic'.repeat(8), 'ENOENT'],
        [fd, 'TCP_CONGESTION', 7, 'ENOENT'],
        [fd, 'SO_BOGUS' as SockOpt, 1, 'ENOPROTOOPT'],
        [u, 'TCP_NODELAY', true, 'ENOPROTOOPT'],
        [u, 'TCP_CONGESTION', 'cubic', 'ENOPROTOOPT'],
        [u, 'SO_LINGER', { onoff: true, seconds: 2 }, 0],
        [99, 'TCP_NODELAY', true, 'EBADF'],
      ];
      for (const [f, opt, value, errno] of cases) {
        expect(setopt(w, f, opt, value as never).r, `${opt} = ${JSON.stringify(value)}`).toBe(errno);
        expect(w.server.setsockopt(f, opt, value as never), `${opt} = ${JSON.stringify(value)} at the call`).toEqual(errno === 0 ? 0 : { errno });
      }
      // Nothing bad was applied: the defaults are still there.
      expect(getopt(w, fd, 'TCP_CONGESTION').v).toBe(w.server.getsockopt(fd, 'TCP_CONGESTION'));
      expect(getopt(w, fd, 'SO_LINGER').v).toEqual({ onoff: false, seconds: 0 });
      expect(getopt(w, u, 'SO_LINGER').v).toEqual({ onoff: false, seconds: 0 });
      expect(getopt(w, u, 'TCP_NODELAY').v).toBe('ENOPROTOOPT');
      expect(getopt(w, fd, 'SO_BOGUS' as 'SO_TYPE').v).toBe('ENOPROTOOPT');
      expect(getopt(w, 99, 'SO_SNDBUF').v).toBe('EBADF');
    });

    it('a non-blocking connect that is refused reports ECONNREFUSED through SO_ERROR once', () => {
      const w = makeWorld();
      const fd = w.server.socket('stream') as Fd;
      expect(setopt(w, fd, 'O_NONBLOCK', true).r).toBe(0);
      expect((w.server.connect(fd, { addr: w.clientAddr, port: 9 }) as SysError).errno).toBe('EINPROGRESS');
      w.run(20 * MS);
      expect(getopt(w, fd, 'SO_ERROR').v).toBe('ECONNREFUSED');
      expect(getopt(w, fd, 'SO_ERROR').v).toBe(null);
    });

    it('close releases the descriptor at the call: it answers 0 at once, then EBADF, and the number is reused', () => {
      const w = makeWorld();
      const fd = w.server.socket('stream') as Fd;
      const closed = new Reply<0>();
      closed.from(w.server.close(fd, closed.cont));
      expect([closed.pending, closed.value]).toEqual([false, 0]);
      expect(errnoOf(w.server.close(fd))).toBe('EBADF');
      expect(errnoOf(w.server.getsockopt(fd, 'SO_TYPE'))).toBe('EBADF');
      expect(w.server.socket('stream')).toBe(fd);
      expect(closed.settled(w)).toBe(0);
    });

    it('closing with received data unread resets the connection (RFC 2525 2.17); closing after reading it ends it in order', () => {
      const w = makeWorld();
      const [c1, s1] = connected(w, 9800);
      const [c2, s2] = connected(w, 9801);
      expect(w.client.send(c1, new Uint8Array(1000).fill(1))).toBe(1000);
      expect(w.client.send(c2, new Uint8Array(1000).fill(2))).toBe(1000);
      w.run(20 * MS);
      // s1's data is left unread; s2's is read to the last byte.
      let read = 0;
      for (let i = 0; i < 20 && read < 1000; i++) {
        const r = w.server.recv(s2, new Uint8Array(2000));
        if (typeof r === 'number') read += r;
        else w.run(MS);
      }
      expect(read).toBe(1000);
      const closed = [new Reply<0>(), new Reply<0>()];
      closed[0]!.from(w.server.close(s1, closed[0]!.cont));
      closed[1]!.from(w.server.close(s2, closed[1]!.cont));
      // Neither lingers (SO_LINGER is off): both answer at the call.
      expect(closed.map((x) => [x.pending, x.value])).toEqual([[false, 0], [false, 0]]);
      w.run(20 * MS);
      expect(errnoOf(w.client.recv(c1, new Uint8Array(10)))).toBe('ECONNRESET');
      expect(w.client.recv(c2, new Uint8Array(10))).toBe(0);
    });

    it('closing a listener resets the connections the application never accepted', () => {
      const w = makeWorld();
      const l = w.server.socket('stream') as Fd;
      expect(bind(w, l, 9900)).toBe(0);
      expect(listen(w, l, 8)).toBe(0);
      const clients: Fd[] = [];
      for (let i = 0; i < 3; i++) {
        const c = w.client.socket('stream') as Fd;
        clients.push(c);
        w.client.connect(c, { addr: w.serverAddr, port: 9900 }, () => undefined);
      }
      w.run(20 * MS);
      for (const c of clients) expect(w.client.getpeername(c)).toEqual({ addr: w.serverAddr, port: 9900 });
      expect(w.server.close(l)).toBe(0);
      w.run(20 * MS);
      for (const c of clients) expect(errnoOf(w.client.recv(c, new Uint8Array(10)))).toBe('ECONNRESET');
    });

    it('a lingering close sleeps until the peer acknowledged everything, and the peer reads it all then end of stream', () => {
      const w = makeWorld();
      const [c, s] = connected(w, 9700);
      expect(setopt(w, s, 'SO_LINGER', { onoff: true, seconds: 5 }).r).toBe(0);
      const data = new Uint8Array(50_000);
      fillPayload(8, 0, data);
      let sent = 0;
      while (sent < data.length) {
        const r = w.server.send(s, data.subarray(sent));
        if (typeof r !== 'number') break;
        sent += r;
      }
      const closed = new Reply<0>();
      closed.from(w.server.close(s, closed.cont));
      expect(closed.pending).toBe(true);
      expect(errnoOf(w.server.send(s, new Uint8Array(1)))).toBe('EBADF');
      const into = new Uint8Array(60_000);
      let got = 0;
      for (let i = 0; i < 200 && closed.calls === 0; i++) {
        w.run(MS);
        for (;;) {
          const r = w.client.recv(c, into.subarray(got));
          if (typeof r !== 'number' || r === 0) break;
          got += r;
        }
      }
      expect(closed.calls).toBe(1);
      expect(closed.value).toBe(0);
      w.run(20 * MS);
      for (;;) {
        const r = w.client.recv(c, into.subarray(got));
        if (typeof r !== 'number' || r === 0) break;
        got += r;
      }
      expect(got).toBe(sent);
      expect(into.subarray(0, got)).toEqual(data.subarray(0, sent));
      expect(w.client.recv(c, into)).toBe(0);
    });
  });
}
