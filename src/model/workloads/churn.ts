// Connection churn (DESIGN.md 1.7): N clients, each opening connections back
// to back: connect, send one request, read one response, close. The server
// accepts, reads the request, does its work, answers and closes when the
// client has closed. What it measures is connection set-up and tear-down:
// connections per second and the host cycles each costs. Latency runs from the
// connect to the last response byte.
import type { Fd } from '../../net/stack';
import { type AppCost, appWork, type LiveWorkloadUpdate, withApp, later, type Workload, type WorkloadContext, WorkloadStats } from './context';
import { closeQuietly, connectTcp, noteError, serveTcp, streamIdOf } from './sockets';
import { PayloadChecker, recvRange, sendRange } from './streams';

export interface ChurnParams {
  readonly requestBytes: number;
  readonly responseBytes: number;
  readonly connections: number;
  readonly app: AppCost;
}

const CHUNK = 65_536;
const RETRY_NS = 1_000_000;

export class ChurnWorkload implements Workload {
  readonly kind = 'churn';
  readonly stats = new WorkloadStats();

  constructor(private readonly ctx: WorkloadContext, private p: ChurnParams) {}

  update(u: LiveWorkloadUpdate): void {
    this.p = withApp(this.p, u);
  }

  start(): void {
    const { server, port } = this.ctx;
    serveTcp(server.api, server.addr, port, 128, this.stats, (fd) => this.serve(fd), true, () => {
      // The clients start once the server listens.
      for (let c = 0; c < this.p.connections; c++) this.client();
    });
  }

  private serve(fd: Fd): void {
    const { server } = this.ctx;
    const api = server.api;
    const stats = this.stats;
    const ck = new PayloadChecker(streamIdOf(api, fd, true, 1));
    const buf = new Uint8Array(Math.min(CHUNK, Math.max(1, this.p.requestBytes, this.p.responseBytes)));
    recvRange(api, fd, ck, this.p.requestBytes, buf, null, (eof, err) => {
      if (eof || noteError(stats, 'churn: recv', err)) return closeQuietly(api, fd);
      if (!ck.ok) stats.mismatch(ck.conn, ck.firstMismatch);
      stats.delivered(true, this.p.requestBytes);
      appWork(server, this.p.app, this.p.responseBytes, () => {
        sendRange(api, fd, streamIdOf(api, fd, true, 0), 0, this.p.responseBytes, buf, null, (e2) => {
          if (noteError(stats, 'churn: send', e2)) return closeQuietly(api, fd);
          // Wait for the client's FIN, then close: the client ends in TIME-WAIT, as with HTTP/1.0 clients that close first.
          recvRange(api, fd, ck, Infinity, buf, null, () => closeQuietly(api, fd));
        });
      });
    });
  }

  private client(): void {
    const { sim, peer, server, port } = this.ctx;
    const api = peer.api;
    const stats = this.stats;
    const buf = new Uint8Array(Math.min(CHUNK, Math.max(1, this.p.requestBytes, this.p.responseBytes)));
    const once = (): void => {
      const t0 = sim.now;
      connectTcp(api, { addr: server.addr, port }, stats, (fd) => {
        // A failed connect (say, every ephemeral port held in TIME-WAIT) is counted; the client tries again 1 ms later.
        if (fd === null) return later(sim, RETRY_NS, once);
        sendRange(api, fd, streamIdOf(api, fd, false, 1), 0, this.p.requestBytes, buf, null, (err) => {
          if (noteError(stats, 'churn: send', err)) return closeQuietly(api, fd);
          const ck = new PayloadChecker(streamIdOf(api, fd, false, 0));
          recvRange(api, fd, ck, this.p.responseBytes, buf, null, (eof, e2) => {
            if (eof && this.p.responseBytes > 0) stats.error('churn: response cut short');
            if (noteError(stats, 'churn: recv', e2)) return closeQuietly(api, fd);
            if (!ck.ok) stats.mismatch(ck.conn, ck.firstMismatch);
            stats.delivered(false, this.p.responseBytes);
            stats.requests += 1;
            this.ctx.recordLatency(sim.now - t0);
            closeQuietly(api, fd);
            once();
          });
        });
      }, true);
    };
    once();
  }
}
