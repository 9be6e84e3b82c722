// The bridge's applications over two of the lab's stacks on a simulated link
// (no kernel involved): the HTTP/1.0 server and the payload sender, checked
// byte for byte against the deterministic payload.
import { describe, expect, it } from 'vitest';
import { millis } from '../../sim';
import { PayloadChecker } from '../../net/payload';
import { isPending, isSysError } from '../../net/stack';
import type { SocketApi, SysError } from '../../net/stack';
import { ADDR_B, twoHosts } from '../../net/stack/testing/world';
import { HttpPayloadServer, PAYLOAD_CONN_HTTP } from './http-server';
import type { ResponseReport } from './http-server';
import { PAYLOAD_CONN_SEND, sendPayloadTo } from './payload-sender';
import type { SendReport } from './payload-sender';
import { drainToEof } from './stream-writer';

/** Blocking call in continuation style: k gets the result now or later. */
function call<T>(op: (k: (r: T | SysError) => void) => T | SysError | { pending: true }, k: (r: T | SysError) => void): void {
  const r = op(k);
  if (!isPending(r)) k(r as T | SysError);
}

/** A raw client: sends `request`, reads everything until EOF, then closes. */
function fetchAll(api: SocketApi, port: number, request: string, done: (all: Uint8Array) => void): void {
  const fd = api.socket('stream') as number;
  const chunks: Uint8Array[] = [];
  const buf = new Uint8Array(65536);
  call<0>((k) => api.connect(fd, { addr: ADDR_B, port }, k), (r) => {
    expect(r).toBe(0);
    call<number>((k) => api.send(fd, new TextEncoder().encode(request), k), () => {
      const read = (): void => {
        for (;;) {
          const x = api.recv(fd, buf, (y) => { if (take(y)) read(); });
          if (isPending(x)) return;
          if (!take(x)) return;
        }
      };
      const take = (x: number | SysError): boolean => {
        if (isSysError(x) || x === 0) {
          api.close(fd);
          const all = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
          let o = 0;
          for (const c of chunks) { all.set(c, o); o += c.length; }
          done(all);
          return false;
        }
        chunks.push(buf.slice(0, x));
        return true;
      };
      read();
    });
  });
}

function splitResponse(all: Uint8Array): { head: string; body: Uint8Array } {
  const text = new TextDecoder('latin1').decode(all.subarray(0, Math.min(all.length, 512)));
  const end = text.indexOf('\r\n\r\n') + 4;
  return { head: text.slice(0, end), body: all.subarray(end) };
}

describe('HttpPayloadServer', () => {
  it('answers a GET with the announced number of payload bytes, then reports the finished response', () => {
    const w = twoHosts({ seed: 3 });
    const reports: ResponseReport[] = [];
    const server = new HttpPayloadServer(w.b, { port: 8080, size: 300_000, onResponse: (r) => reports.push(r) });
    expect(server.start()).toBe(0);
    let got: Uint8Array | null = null;
    fetchAll(w.a, 8080, 'GET / HTTP/1.1\r\nHost: x\r\n\r\n', (all) => (got = all));
    w.runFor(millis(500));
    const { head, body } = splitResponse(got!);
    expect(head).toContain('HTTP/1.0 200 OK');
    expect(head).toContain('Content-Length: 300000');
    expect(body.length).toBe(300_000);
    const check = new PayloadChecker(PAYLOAD_CONN_HTTP);
    expect(check.accept(body)).toBe(true);
    expect(reports).toEqual([{ status: 200, bodyBytes: 300_000, error: null }]);
  });

  it('answers a request head split across segments, HEAD without a body, and garbage with 400', () => {
    const w = twoHosts({ seed: 4 });
    const server = new HttpPayloadServer(w.b, { port: 80, size: 1000 });
    expect(server.start()).toBe(0);
    const results: string[] = [];
    fetchAll(w.a, 80, 'HEAD / HTTP/1.0\r\n\r\n', (all) => results.push(`HEAD ${splitResponse(all).head.split('\r\n')[0]} ${splitResponse(all).body.length}`));
    fetchAll(w.a, 80, 'NONSENSE\r\n\r\n', (all) => results.push(`BAD ${splitResponse(all).head.split('\r\n')[0]}`));
    w.runFor(millis(200));
    expect(results.sort()).toEqual(['BAD HTTP/1.0 400 Bad Request', 'HEAD HTTP/1.0 200 OK 0']);
    expect(server.responses).toBe(2);
  });
});

describe('sendPayloadTo', () => {
  it('delivers every byte to a listener and reports success once the listener has closed', () => {
    const w = twoHosts({ seed: 5, faultsAtoB: { loss: 0.01 } });
    const lfd = w.b.socket('stream') as number;
    w.b.bind(lfd, { addr: 0, port: 9000 });
    w.b.listen(lfd, 4);
    const checker = new PayloadChecker(PAYLOAD_CONN_SEND);
    let eof = false;
    call<{ fd: number }>((k) => w.b.accept(lfd, k), (a) => {
      if (isSysError(a)) throw new Error(a.errno);
      const buf = new Uint8Array(32768);
      const read = (): void => {
        for (;;) {
          const x = w.b.recv(a.fd, buf, (y) => { if (take(y)) read(); });
          if (isPending(x)) return;
          if (!take(x)) return;
        }
      };
      const take = (x: number | SysError): boolean => {
        if (isSysError(x)) throw new Error(x.errno);
        if (x === 0) { eof = true; w.b.close(a.fd); return false; }
        checker.accept(buf.subarray(0, x));
        return true;
      };
      read();
    });
    let report: SendReport | null = null;
    sendPayloadTo(w.a, { addr: ADDR_B, port: 9000 }, 2_000_000, (r) => (report = r));
    w.runFor(millis(3000));
    expect(eof).toBe(true);
    expect(checker.offset).toBe(2_000_000);
    expect(checker.ok).toBe(true);
    expect(report).toEqual({ sent: 2_000_000, error: null });
  });

  it('reports a refused connection as connect: ECONNREFUSED', () => {
    const w = twoHosts({ seed: 6 });
    let report: SendReport | null = null;
    sendPayloadTo(w.a, { addr: ADDR_B, port: 9999 }, 1000, (r) => (report = r));
    w.runFor(millis(100));
    expect(report).toEqual({ sent: 0, error: 'connect: ECONNREFUSED' });
  });
});

describe('drainToEof', () => {
  it('counts what arrives until the peer closes', () => {
    const w = twoHosts({ seed: 7 });
    const lfd = w.b.socket('stream') as number;
    w.b.bind(lfd, { addr: 0, port: 7 });
    w.b.listen(lfd, 4);
    let drained: number | null = null;
    call<{ fd: number }>((k) => w.b.accept(lfd, k), (a) => {
      if (isSysError(a)) throw new Error(a.errno);
      drainToEof(w.b, a.fd, (e, n) => { expect(e).toBe(null); drained = n; });
    });
    const fd = w.a.socket('stream') as number;
    call<0>((k) => w.a.connect(fd, { addr: ADDR_B, port: 7 }, k), () => {
      w.a.send(fd, new Uint8Array(5000));
      w.a.close(fd);
    });
    w.runFor(millis(200));
    expect(drained).toBe(5000);
  });
});
