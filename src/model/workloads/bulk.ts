// Bulk stream (iperf-like, DESIGN.md 1.7): N connections from the peer to the
// server, each moving payload one way in calls of `messageBytes`. 'send': the
// server application writes (its work charged before each send call), the
// peer reads and checks; 'receive': the peer writes, the server reads, checks
// and does its work after each recv call. totalBytes = 0 runs for ever;
// otherwise each connection moves that many bytes, then the writer closes and
// the reader reads to end of stream.
import { type AppCost, appWork, type LiveWorkloadUpdate, withApp, type Workload, type WorkloadContext, WorkloadStats } from './context';
import { connectTcp, closeQuietly, noteError, serveTcp, streamIdOf } from './sockets';
import { PayloadChecker, recvRange, sendRange } from './streams';
import type { Fd, SocketApi } from '../../net/stack';
import type { Machine } from '../machine';

export interface BulkParams {
  readonly direction: 'send' | 'receive';
  readonly messageBytes: number;
  readonly connections: number;
  /** Bytes per connection; 0 = unlimited. */
  readonly totalBytes: number;
  readonly app: AppCost;
}


export class BulkWorkload implements Workload {
  readonly kind = 'bulk';
  readonly stats = new WorkloadStats();
  constructor(private readonly ctx: WorkloadContext, private p: BulkParams) {}

  update(u: LiveWorkloadUpdate): void {
    this.p = withApp(this.p, u);
  }

  start(): void {
    const { server, peer, port } = this.ctx;
    const sending = this.p.direction === 'send';
    serveTcp(server.api, server.addr, port, Math.max(16, this.p.connections), this.stats, (fd) => {
      const id = streamIdOf(server.api, fd, true, sending ? 0 : 1);
      if (sending) this.write(server, fd, id, true);
      else this.read(server, fd, id, true);
    }, false, () => {
      // The clients start once the server listens.
      for (let i = 0; i < this.p.connections; i++) {
        connectTcp(peer.api, { addr: server.addr, port }, this.stats, (fd) => {
          if (fd === null) return;
          const id = streamIdOf(peer.api, fd, false, sending ? 0 : 1);
          if (sending) this.read(peer, fd, id, false);
          else this.write(peer, fd, id, false);
        });
      }
    });
  }

  private write(m: Machine, fd: Fd, id: number, isServer: boolean): void {
    const total = this.p.totalBytes > 0 ? this.p.totalBytes : Number.MAX_SAFE_INTEGER;
    const buf = new Uint8Array(this.p.messageBytes);
    const before = isServer ? (n: number, go: () => void) => appWork(m, this.p.app, n, go) : null;
    sendRange(m.api, fd, id, 0, total, buf, before, (err) => {
      if (!noteError(this.stats, 'bulk: send', err)) closeQuietly(m.api, fd);
    });
  }

  private read(m: Machine, fd: Fd, id: number, isServer: boolean): void {
    const checker = new PayloadChecker(id);
    const buf = new Uint8Array(this.p.messageBytes);
    const stats = this.stats;
    const api: SocketApi = m.api;
    recvRange(api, fd, checker, Infinity, buf, (n, go) => {
      stats.delivered(isServer, n);
      if (!checker.ok) stats.mismatch(checker.conn, checker.firstMismatch);
      // The cost is read per call, so a live change applies from the next one.
      if (isServer) appWork(m, this.p.app, n, go);
      else go();
    }, (_eof, err) => {
      if (!noteError(stats, 'bulk: recv', err)) closeQuietly(api, fd);
    });
  }
}
