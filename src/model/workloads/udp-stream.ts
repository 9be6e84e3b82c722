// UDP stream (DESIGN.md 1.7): one or more flows of datagrams of `messageBytes`,
// paced at the offered load (rateMbps; 0 = the wire's line rate including
// UDP/IP/Ethernet overhead). 'send': the server application sends (its work
// charged before each datagram) and the peer receives; 'receive': the other
// way, the server's work charged after each datagram. UDP does not retransmit:
// datagrams lost on the wire or refused by a full queue are simply missing
// (counted as `dropped` when the send call refuses them).
//
// Integrity: a datagram of 4 bytes or more carries its sequence number k in its
// first 4 bytes (little-endian) and the flow's payload from offset
// k * messageBytes + 4 after it, so each one is checked on its own whatever was
// lost before it; smaller datagrams all carry the flow's first bytes.
import { fillPayload, verifyPayload } from '../../net/payload';
import { isPending, isSysError, type Fd, type Received, type SysError } from '../../net/stack';
import type { Machine } from '../machine';
import type { EventHandler, EventId, Nanos } from '../../sim';
import { type AppCost, appWork, type LiveWorkloadUpdate, withApp, type Workload, type WorkloadContext, WorkloadStats } from './context';
import { controlCall } from './sockets';

export interface UdpStreamParams {
  readonly direction: 'send' | 'receive';
  readonly messageBytes: number;
  /** Offered load in bits per second of payload; 0 = line rate. */
  readonly rateBps: number;
  readonly lineRateBps: number;
  readonly flows: number;
  readonly app: AppCost;
}

/** One sending flow's pacing: when its next datagram is due and the event that will send it. */
interface Pacer {
  due: number;
  event: EventId | null;
  tick: () => void;
}

const FIRE: EventHandler = {
  onEvent(_kind, _arg, obj) {
    const p = obj as Pacer;
    p.event = null;
    p.tick();
  },
};

/** UDP 8 + IPv4 20 + Ethernet 14 + FCS 4 + preamble 8 + gap 12. */
const OVERHEAD = 66;
const FLOW_BASE = 0x40000000;

export class UdpStreamWorkload implements Workload {
  readonly kind = 'udp-stream';
  readonly stats = new WorkloadStats();
  /** Datagrams the sending socket refused (its queue was full). */
  dropped = 0;

  private readonly pacers: Pacer[] = [];

  constructor(private readonly ctx: WorkloadContext, private p: UdpStreamParams) {}

  /**
   * A new offered rate re-paces each flow at once: the datagram waiting for its
   * turn is due one new gap after the previous one was (now, if that is past).
   */
  update(u: LiveWorkloadUpdate): void {
    const before = this.gap();
    this.p = withApp(this.p, u);
    if (u.rateBps === undefined || u.rateBps === this.p.rateBps) return;
    this.p = { ...this.p, rateBps: u.rateBps };
    const after = this.gap();
    const { sim } = this.ctx;
    for (const pacer of this.pacers) {
      // A flow busy with its current datagram (its app work) takes the new gap after sending it.
      if (pacer.event === null) continue;
      pacer.due += after - before;
      sim.cancel(pacer.event);
      pacer.event = sim.schedule(Math.max(sim.now, Math.round(pacer.due)) as Nanos, FIRE, 0, 0, pacer);
    }
  }

  /** Gap between datagrams of one flow, in ns. */
  private gap(): number {
    const size = this.p.messageBytes;
    const frags = Math.max(1, Math.ceil(size / 1472));
    const perFlow = (this.p.rateBps > 0 ? this.p.rateBps : this.p.lineRateBps) / this.p.flows;
    const bits = this.p.rateBps > 0 ? size * 8 : (size + OVERHEAD * frags) * 8;
    return (bits * 1e9) / perFlow;
  }

  start(): void {
    const { server, peer, port } = this.ctx;
    const serverSends = this.p.direction === 'send';
    const tx = serverSends ? server : peer;
    const rx = serverSends ? peer : server;
    for (let f = 0; f < this.p.flows; f++) {
      // Each flow's sender starts once its receiver is bound (bind may sleep for the card's reply).
      this.bindReceiver(rx, port + f, FLOW_BASE + f, !serverSends, () => {
        this.sender(tx, rx.addr, port + f, FLOW_BASE + f, serverSends);
      });
    }
  }

  /** Binds a receiver for the flow on `port` and reads it for ever; `bound()` once bound (not on error, counted). */
  private bindReceiver(m: Machine, port: number, conn: number, isServer: boolean, bound: () => void): void {
    const api = m.api;
    const fd = api.socket('dgram');
    if (isSysError(fd)) return this.stats.error(`udp: socket: ${fd.errno}`);
    controlCall((k) => api.bind(fd, { addr: m.addr, port }, k), (b) => {
      if (isSysError(b)) return this.stats.error(`udp: bind: ${b.errno}`);
      this.receive(m, fd, conn, isServer);
      bound();
    });
  }

  private receive(m: Machine, fd: Fd, conn: number, isServer: boolean): void {
    const api = m.api;
    const stats = this.stats;
    const size = this.p.messageBytes;
    const buf = new Uint8Array(size);
    const view = new DataView(buf.buffer);
    const handle = (r: Received | SysError): r is Received => {
      if (isSysError(r)) {
        stats.error(`udp: recvfrom: ${r.errno}`);
        return false;
      }
      const d = buf.subarray(0, r.bytes);
      let bad: number;
      if (size >= 4) {
        const k = view.getUint32(0, true);
        bad = r.length !== size ? 0 : verifyPayload(conn, k * size + 4, d.subarray(4));
      } else bad = r.length !== size ? 0 : verifyPayload(conn, 0, d);
      if (bad >= 0) stats.mismatch(conn, bad);
      stats.delivered(isServer, r.bytes);
      stats.requests += 1;
      return true;
    };
    const next = (): void => {
      for (;;) {
        const r = api.recvfrom(fd, buf, after);
        if (isPending(r)) return;
        if (!handle(r)) return;
        if (isServer) return appWork(m, this.p.app, r.bytes, next);
      }
    };
    const after = (r: Received | SysError): void => {
      if (!handle(r)) return;
      if (isServer) appWork(m, this.p.app, r.bytes, next);
      else next();
    };
    next();
  }

  private sender(m: Machine, to: number, port: number, conn: number, isServer: boolean): void {
    const { sim } = this.ctx;
    const api = m.api;
    const stats = this.stats;
    const fd = api.socket('dgram');
    if (isSysError(fd)) return stats.error(`udp: socket: ${fd.errno}`);
    const c = api.connect(fd, { addr: to, port });
    if (isSysError(c)) return stats.error(`udp: connect: ${c.errno}`);
    const size = this.p.messageBytes;
    const buf = new Uint8Array(size);
    const view = new DataView(buf.buffer);
    let k = 0;
    const pacer: Pacer = { due: sim.now, event: null, tick: () => {} };
    this.pacers.push(pacer);
    const send = (): void => {
      if (size >= 4) {
        view.setUint32(0, k >>> 0, true);
        fillPayload(conn, k * size + 4, buf.subarray(4));
      } else fillPayload(conn, 0, buf);
      const r = api.send(fd, buf);
      if (isSysError(r)) {
        if (r.errno === 'EAGAIN') this.dropped += 1;
        else return stats.error(`udp: send: ${r.errno}`);
      }
      k += 1;
      // The gap is read per datagram, so a live rate change applies from the next one.
      pacer.due += this.gap();
      const at = Math.round(pacer.due);
      if (at <= sim.now) tick();
      else pacer.event = sim.schedule(at as Nanos, FIRE, 0, 0, pacer);
    };
    const tick = (): void => {
      if (isServer) appWork(m, this.p.app, size, send);
      else send();
    };
    pacer.tick = tick;
    tick();
  }
}
