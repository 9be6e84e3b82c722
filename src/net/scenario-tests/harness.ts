// End-to-end workloads over two stacks (src/net/stack/testing/world.ts):
// a bulk transfer and a request/response exchange, each checking every
// delivered byte against the deterministic payload, run until done or until a
// simulated-time limit.
import { seconds, type Nanos } from '../../sim';
import type { Fd } from '../stack';
import { isSysError, type SysError } from '../stack';
import { ADDR_B, type TwoHostWorld } from '../stack/testing/world';
import { callThen, receivePayload, sendPayload } from '../stack/testing/apps';

export interface BulkResult {
  done: boolean;
  bytes: number;
  received: number;
  /** Stream offset of the first wrong byte, or -1. */
  firstMismatch: number;
  eof: boolean;
  errors: string[];
  /** When the client's connect completed and when the server saw end of stream. */
  connectedAt: number;
  finishedAt: number;
  clientFd: Fd;
}

export interface RrResult {
  done: boolean;
  rounds: number;
  requestMismatch: number;
  responseMismatch: number;
  errors: string[];
  finishedAt: number;
}

const err = (where: string, e: SysError): string => `${where}: ${e.errno}`;

/** Runs until `isDone()` or the simulated clock reaches `limit` (or nothing is left to do). */
export function runUntilDone(w: TwoHostWorld, isDone: () => boolean, limit: Nanos): void {
  const slice = seconds(0.05);
  while (!isDone() && w.sim.now < limit) {
    const r = w.sim.runFor({ until: Math.min(limit, w.sim.now + slice) as Nanos });
    if (r.reason === 'empty' && w.sim.pending === 0) break;
  }
}

/** Client (host a) sends `bytes` to a server (host b) that reads to end of stream. */
export function runBulk(w: TwoHostWorld, bytes: number, opts: { conn?: number; port?: number; limit?: Nanos; chunk?: number } = {}): BulkResult {
  const conn = opts.conn ?? 7;
  const port = opts.port ?? 5001;
  const res: BulkResult = {
    done: false, bytes, received: 0, firstMismatch: -1, eof: false, errors: [], connectedAt: -1, finishedAt: -1, clientFd: -1,
  };
  const lfd = w.b.socket('stream') as Fd;
  w.b.bind(lfd, { addr: 0, port });
  w.b.listen(lfd, 8);
  callThen<{ fd: Fd }>((k) => w.b.accept(lfd, k), (a) => {
    if (isSysError(a)) return void res.errors.push(err('accept', a));
    receivePayload(w.b, a.fd, conn, 0, Number.POSITIVE_INFINITY, 64 * 1024, (c, eof, e) => {
      if (e) res.errors.push(err('server recv', e));
      res.received = c.offset;
      res.firstMismatch = c.firstMismatch;
      res.eof = eof;
      res.finishedAt = w.sim.now;
      res.done = true;
      w.b.close(a.fd);
    });
  });
  const cfd = w.a.socket('stream') as Fd;
  res.clientFd = cfd;
  callThen<0>((k) => w.a.connect(cfd, { addr: ADDR_B, port }, k), (r) => {
    if (isSysError(r)) {
      res.errors.push(err('connect', r));
      res.done = true;
      return;
    }
    res.connectedAt = w.sim.now;
    sendPayload(w.a, cfd, conn, 0, bytes, opts.chunk ?? 64 * 1024, (e) => {
      if (e) res.errors.push(err('client send', e));
      w.a.close(cfd);
    });
  });
  runUntilDone(w, () => res.done, (w.sim.now + (opts.limit ?? seconds(600))) as Nanos);
  return res;
}

/** `rounds` requests of `reqSize` bytes, each answered by `respSize` bytes, on one connection. */
export function runRequestResponse(
  w: TwoHostWorld, rounds: number, reqSize: number, respSize: number, opts: { port?: number; limit?: Nanos } = {},
): RrResult {
  const port = opts.port ?? 8080;
  const REQ = 11;
  const RESP = 12;
  const res: RrResult = { done: false, rounds: 0, requestMismatch: -1, responseMismatch: -1, errors: [], finishedAt: -1 };
  const lfd = w.b.socket('stream') as Fd;
  w.b.bind(lfd, { addr: 0, port });
  w.b.listen(lfd, 8);
  callThen<{ fd: Fd }>((k) => w.b.accept(lfd, k), (a) => {
    if (isSysError(a)) return void res.errors.push(err('accept', a));
    let i = 0;
    const serve = (): void => {
      receivePayload(w.b, a.fd, REQ, i * reqSize, reqSize, 16 * 1024, (c, eof, e) => {
        if (e) return void res.errors.push(err('server recv', e));
        if (eof) return void w.b.close(a.fd);
        if (!c.ok && res.requestMismatch < 0) res.requestMismatch = c.firstMismatch;
        sendPayload(w.b, a.fd, RESP, i * respSize, respSize, 64 * 1024, (e2) => {
          if (e2) return void res.errors.push(err('server send', e2));
          i += 1;
          serve();
        });
      });
    };
    serve();
  });
  const cfd = w.a.socket('stream') as Fd;
  w.a.setsockopt(cfd, 'TCP_NODELAY', true);
  callThen<0>((k) => w.a.connect(cfd, { addr: ADDR_B, port }, k), (r) => {
    if (isSysError(r)) {
      res.errors.push(err('connect', r));
      res.done = true;
      return;
    }
    const ask = (): void => {
      if (res.rounds === rounds) {
        w.a.close(cfd);
        res.finishedAt = w.sim.now;
        res.done = true;
        return;
      }
      const k = res.rounds;
      sendPayload(w.a, cfd, REQ, k * reqSize, reqSize, reqSize, (e) => {
        if (e) return void res.errors.push(err('client send', e));
        receivePayload(w.a, cfd, RESP, k * respSize, respSize, 16 * 1024, (c, eof, e2) => {
          if (e2) return void res.errors.push(err('client recv', e2));
          if (eof) return void res.errors.push('client recv: early end of stream');
          if (!c.ok && res.responseMismatch < 0) res.responseMismatch = c.firstMismatch;
          res.rounds += 1;
          ask();
        });
      });
    };
    ask();
  });
  runUntilDone(w, () => res.done, (w.sim.now + (opts.limit ?? seconds(600))) as Nanos);
  return res;
}
