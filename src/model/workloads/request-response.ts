// Request/response (a web server, DESIGN.md 1.7): N clients on the peer, each
// in a closed loop: send a request of `messageBytes`, read the response, think,
// repeat; on persistent connections (HTTP/1.1 keep-alive) or one connection per
// request (HTTP/1.0). The server reads a request, does its work (cycles per
// request + per byte of the response) and writes the response.
//
// The request names the file the way a URL would: its first 4 bytes carry the
// response size (little-endian), drawn by the client from the scenario's size
// distribution on its own seeded stream; the rest of the request and the whole
// response are deterministic payload, checked on arrival. Latency runs from the
// request (or the connect, per-request) to the last response byte.
import type { Fd } from '../../net/stack';
import { drawSize, type SizeDistribution } from './sizes';
import { type AppCost, appWork, type LiveWorkloadUpdate, withApp, later, type Workload, type WorkloadContext, WorkloadStats } from './context';
import { closeQuietly, connectTcp, noteError, serveTcp, streamIdOf } from './sockets';
import { PayloadChecker, recvAll, recvRange, sendAll, sendRange } from './streams';
import { fillPayload } from '../../net/payload';

export interface RequestResponseParams {
  readonly requestBytes: number;
  readonly sizes: SizeDistribution;
  readonly connections: number;
  readonly persistent: boolean;
  readonly thinkTimeNs: number;
  readonly app: AppCost;
}

/** Response bytes per send call on the server (a sendfile-like chunk). */
const RESPONSE_CHUNK = 65_536;
const HEADER = 4;

export class RequestResponseWorkload implements Workload {
  readonly kind = 'request-response';
  readonly stats = new WorkloadStats();
  private readonly reqLen: number;

  constructor(private readonly ctx: WorkloadContext, private p: RequestResponseParams) {
    this.reqLen = Math.max(HEADER, p.requestBytes);
  }

  update(u: LiveWorkloadUpdate): void {
    const p = withApp(this.p, u);
    this.p = u.thinkTimeNs === undefined ? p : { ...p, thinkTimeNs: u.thinkTimeNs };
  }

  start(): void {
    const { server, port } = this.ctx;
    serveTcp(server.api, server.addr, port, Math.max(128, this.p.connections), this.stats, (fd) => this.serve(fd), true, () => {
      // The clients start once the server listens.
      for (let c = 0; c < this.p.connections; c++) this.client(c);
    });
  }

  /** The server side of one connection: requests until the client closes. */
  private serve(fd: Fd): void {
    const { server } = this.ctx;
    const api = server.api;
    const stats = this.stats;
    const inId = streamIdOf(api, fd, true, 1);
    const outId = streamIdOf(api, fd, true, 0);
    const head = new Uint8Array(HEADER);
    const body = new Uint8Array(Math.max(1, this.reqLen - HEADER));
    const out = new Uint8Array(RESPONSE_CHUNK);
    const checker = new PayloadChecker(inId);
    let inOff = 0;
    let outOff = 0;
    const next = (): void => {
      recvAll(api, fd, head, (eof, err) => {
        if (eof || noteError(stats, 'rr: recv', err)) return closeQuietly(api, fd);
        const size = new DataView(head.buffer).getUint32(0, true);
        checker.offset = inOff + HEADER;
        recvRange(api, fd, checker, this.reqLen - HEADER, body, null, (eof2, err2) => {
          if (eof2 || noteError(stats, 'rr: recv', err2)) return closeQuietly(api, fd);
          if (!checker.ok) stats.mismatch(inId, checker.firstMismatch);
          stats.delivered(true, this.reqLen);
          inOff += this.reqLen;
          appWork(server, this.p.app, size, () => {
            sendRange(api, fd, outId, outOff, size, out, null, (err3) => {
              if (noteError(stats, 'rr: send', err3)) return closeQuietly(api, fd);
              outOff += size;
              next();
            });
          });
        });
      });
    };
    next();
  }

  /** Client c's closed loop. */
  private client(c: number): void {
    const { sim, peer, server, port } = this.ctx;
    const api = peer.api;
    const stats = this.stats;
    const rng = sim.rng.stream(`workload:rr:client:${c}`);
    const req = new Uint8Array(this.reqLen);
    const buf = new Uint8Array(RESPONSE_CHUNK);
    const to = { addr: server.addr, port };
    let fd: Fd | null = null;
    let reqOff = 0;
    let respOff = 0;
    let checker: PayloadChecker | null = null;
    const request = (t0: number): void => {
      const f = fd!;
      const size = drawSize(this.p.sizes, rng);
      fillPayload(streamIdOf(api, f, false, 1), reqOff, req);
      new DataView(req.buffer).setUint32(0, size, true);
      sendAll(api, f, req, (err) => {
        if (noteError(stats, 'rr: send', err)) return;
        reqOff += this.reqLen;
        const ck = checker!;
        ck.offset = respOff;
        recvRange(api, f, ck, size, buf, null, (eof, err2) => {
          if (eof) stats.error('rr: response cut short');
          if (eof || noteError(stats, 'rr: recv', err2)) return;
          if (!ck.ok) stats.mismatch(ck.conn, ck.firstMismatch);
          respOff += size;
          stats.delivered(false, size);
          stats.requests += 1;
          this.ctx.recordLatency(sim.now - t0);
          if (!this.p.persistent) {
            closeQuietly(api, f);
            fd = null;
          }
          later(sim, this.p.thinkTimeNs, cycle);
        });
      });
    };
    const cycle = (): void => {
      const t0 = sim.now;
      if (fd !== null) return request(t0);
      connectTcp(api, to, stats, (f) => {
        // A failed connect is counted; the client tries again 1 ms later (as a benchmark client would).
        if (f === null) return later(sim, 1_000_000, cycle);
        fd = f;
        reqOff = 0;
        respOff = 0;
        checker = new PayloadChecker(streamIdOf(api, f, false, 0));
        request(t0);
      }, true);
    };
    cycle();
  }
}
