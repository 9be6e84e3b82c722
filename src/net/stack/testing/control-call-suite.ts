// The socket suite's control calls made with a continuation: bind, listen and
// shutdown by a caller prepared to sleep for the answer (api.ts). An
// implementation may answer at the call (the native stack always does) or
// return PENDING and answer once through the continuation (the I2O socket OSM
// sleeps until the card's reply); the result, the errno and what the socket
// does afterwards must be the same either way, and the continuation is never
// called for a result given at the call, nor twice. describeSocketSuite runs
// these for every world.
import { describe, expect, it } from 'vitest';
import { fillPayload } from '../../payload';
import type { Accepted, Fd, Received, Result } from '../api';
import { isSysError, type SysError } from '../errno';
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
}
