// Storage (iSCSI-like, DESIGN.md 1.7): the peer is the initiator, the server
// the target. Each connection keeps `queueDepth` commands outstanding. A read
// is a small command PDU answered by a header and a block of data; a write is
// a command carrying its block, answered by a small status PDU. With op
// 'mixed' each command is a read with probability readFraction, drawn by the
// initiator on its own seeded stream.
//
// PDU header (a reduced Basic Header Segment, RFC 7143 11.2): byte 0 the
// opcode (1 read, 2 write, 0x21 read response, 0x22 write status), bytes 4-7
// the data segment length (little-endian), the rest zero; at least 8 bytes
// whatever headerBytes says. Headers are checked field by field, data blocks
// byte by byte against the deterministic payload of the connection's stream.
import type { Fd, SocketApi } from '../../net/stack';
import { type AppCost, appWork, type LiveWorkloadUpdate, withApp, type Workload, type WorkloadContext, WorkloadStats } from './context';
import { closeQuietly, connectTcp, noteError, serveTcp, streamIdOf } from './sockets';
import { PayloadChecker, recvAll, recvRange, sendAll, sendRange } from './streams';

export interface StorageParams {
  readonly op: 'read' | 'write' | 'mixed';
  readonly readFraction: number;
  readonly blockBytes: number;
  readonly headerBytes: number;
  readonly queueDepth: number;
  readonly connections: number;
  readonly app: AppCost;
}

const OP_READ = 1;
const OP_WRITE = 2;
const RESP = 0x20;
const CHUNK = 65_536;

function writeHeader(h: Uint8Array, op: number, len: number): void {
  h.fill(0);
  h[0] = op;
  new DataView(h.buffer, h.byteOffset, h.byteLength).setUint32(4, len, true);
}

/** The header's opcode and length, or null when any reserved byte is not zero. */
function readHeader(h: Uint8Array): { op: number; len: number } | null {
  for (let i = 1; i < h.length; i++) if (i < 4 || i >= 8) if (h[i] !== 0) return null;
  return { op: h[0]!, len: new DataView(h.buffer, h.byteOffset, h.byteLength).getUint32(4, true) };
}

export class StorageWorkload implements Workload {
  readonly kind = 'storage';
  readonly stats = new WorkloadStats();
  private readonly hdr: number;

  constructor(private readonly ctx: WorkloadContext, private p: StorageParams) {
    this.hdr = Math.max(8, p.headerBytes);
  }

  update(u: LiveWorkloadUpdate): void {
    this.p = withApp(this.p, u);
  }

  start(): void {
    const { server, port } = this.ctx;
    serveTcp(server.api, server.addr, port, Math.max(16, this.p.connections), this.stats, (fd) => this.target(fd), true, () => {
      // The initiators connect once the target listens.
      for (let c = 0; c < this.p.connections; c++) {
        connectTcp(this.ctx.peer.api, { addr: server.addr, port }, this.stats, (fd) => {
          if (fd !== null) this.initiator(c, fd);
        }, true);
      }
    });
  }

  private target(fd: Fd): void {
    const { server } = this.ctx;
    const api: SocketApi = server.api;
    const stats = this.stats;
    const head = new Uint8Array(this.hdr);
    const resp = new Uint8Array(this.hdr);
    const data = new Uint8Array(CHUNK);
    const inCk = new PayloadChecker(streamIdOf(api, fd, true, 1));
    const outId = streamIdOf(api, fd, true, 0);
    let outOff = 0;
    const next = (): void => {
      recvAll(api, fd, head, (eof, err) => {
        if (eof || noteError(stats, 'storage: recv', err)) return closeQuietly(api, fd);
        const h = readHeader(head);
        if (h === null || (h.op !== OP_READ && h.op !== OP_WRITE)) {
          stats.mismatch(inCk.conn, inCk.offset);
          return closeQuietly(api, fd);
        }
        stats.delivered(true, this.hdr);
        const write = h.op === OP_WRITE;
        const serve = (): void => appWork(server, this.p.app, h.len, () => {
          writeHeader(resp, RESP | h.op, write ? 0 : h.len);
          sendAll(api, fd, resp, (e1) => {
            if (noteError(stats, 'storage: send', e1)) return closeQuietly(api, fd);
            if (write) return next();
            sendRange(api, fd, outId, outOff, h.len, data, null, (e2) => {
              if (noteError(stats, 'storage: send', e2)) return closeQuietly(api, fd);
              outOff += h.len;
              next();
            });
          });
        });
        if (!write) return serve();
        recvRange(api, fd, inCk, h.len, data, null, (eof2, e3) => {
          if (eof2 || noteError(stats, 'storage: recv', e3)) return closeQuietly(api, fd);
          if (!inCk.ok) stats.mismatch(inCk.conn, inCk.firstMismatch);
          stats.delivered(true, h.len);
          serve();
        });
      });
    };
    next();
  }

  private initiator(c: number, fd: Fd): void {
    const { sim, peer } = this.ctx;
    const api = peer.api;
    const stats = this.stats;
    const rng = sim.rng.stream(`workload:storage:initiator:${c}`);
    const block = this.p.blockBytes;
    const cmd = new Uint8Array(this.hdr);
    const head = new Uint8Array(this.hdr);
    const data = new Uint8Array(Math.min(CHUNK, block));
    const outId = streamIdOf(api, fd, false, 1);
    const inCk = new PayloadChecker(streamIdOf(api, fd, false, 0));
    let outOff = 0;
    // Commands in flight, oldest first: issue time and opcode (responses come back in order).
    const times: number[] = [];
    const ops: number[] = [];
    let sending = false;
    let dead = false;
    const pickOp = (): number => {
      if (this.p.op === 'read') return OP_READ;
      if (this.p.op === 'write') return OP_WRITE;
      return rng.next() < this.p.readFraction ? OP_READ : OP_WRITE;
    };
    const issue = (): void => {
      if (sending || dead || ops.length >= this.p.queueDepth) return;
      const op = pickOp();
      times.push(sim.now);
      ops.push(op);
      writeHeader(cmd, op, block);
      sending = true;
      sendAll(api, fd, cmd, (e1) => {
        if (noteError(stats, 'storage: send', e1)) return void (dead = true);
        const done = (): void => {
          sending = false;
          issue();
        };
        if (op === OP_READ) return done();
        sendRange(api, fd, outId, outOff, block, data, null, (e2) => {
          if (noteError(stats, 'storage: send', e2)) return void (dead = true);
          outOff += block;
          done();
        });
      });
    };
    const collect = (): void => {
      recvAll(api, fd, head, (eof, err) => {
        if (eof || noteError(stats, 'storage: recv', err)) return void (dead = true);
        const h = readHeader(head);
        const op = ops.shift();
        const t0 = times.shift() ?? sim.now;
        const expect = op === OP_READ ? block : 0;
        if (h === null || op === undefined || h.op !== (RESP | op) || h.len !== expect) {
          stats.mismatch(inCk.conn, inCk.offset);
          dead = true;
          return closeQuietly(api, fd);
        }
        stats.delivered(false, this.hdr);
        const finish = (): void => {
          stats.requests += 1;
          this.ctx.recordLatency(sim.now - t0);
          issue();
          collect();
        };
        if (expect === 0) return finish();
        recvRange(api, fd, inCk, expect, data, null, (eof2, e2) => {
          if (eof2 || noteError(stats, 'storage: recv', e2)) return void (dead = true);
          if (!inCk.ok) stats.mismatch(inCk.conn, inCk.firstMismatch);
          stats.delivered(false, expect);
          finish();
        });
      });
    };
    issue();
    collect();
  }
}
