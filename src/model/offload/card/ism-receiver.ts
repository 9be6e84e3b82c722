// The ISM's receive side: it fills the host receive-pool buffers the OSM
// lent (RECV) with what the ISM stack's socket holds and reports them to the
// host (RECV_DATA).
//
// The head lent buffer is filled with non-blocking reads, then a readiness
// wait; when it is full the DMA engine writes it into host memory across the
// bus. Filled buffers are reported together in one RECV_DATA when
// `batchBuffers` are ready, at end of stream or an error, when no lent buffer
// is left, or when the stream pauses for `fillTimeout` (a gap timer restarted
// by new data; a partly filled buffer then goes too): a burst shares DMAs and
// replies, a lone message waits at most `fillTimeout`. With no lent buffer the
// data waits in the stack's receive buffer and TCP's window closes:
// backpressure, never loss. End of stream is CLOSED(peer FIN), a connection
// error ERROR(errno), each after the data before it.
//
// Datagram sockets: each datagram is read whole from the stack into IOP
// memory, waits there until enough lent buffers are at hand, is written into
// them by one DMA (scattered buffer by buffer) and reported alone in a
// RECVFROM_DATA with its source address. While no buffer is lent, datagrams
// stay in the stack's socket buffer, which drops what overflows it, as UDP does.
import type { EventHandler, Nanos, Simulator } from '../../../sim';
import { CLOSED_PEER_FIN, type DmaBuffer } from '../../../i2o';
import { POLLIN, isPending, isSysError, type Stack } from '../../../net/stack';
import { BUS_TO_HOST } from '../../bus';
import { CTX_CONTROL, CTX_DATA, type HostMemory } from '../contexts';
import type { OffloadCounters } from '../counters';
import { errnoCode } from '../errno-codes';
import type { DmaEngine } from './dma-engine';
import type { IopMessaging } from './iop-messaging';
import type { IsmSocket } from './ism-socket';

const K_RECV_MOVED = 1;
const K_FILL_TIMER = 2;
const K_DATAGRAM_MOVED = 3;

/** The largest UDP payload over IPv4: the staging a whole datagram needs. */
const MAX_DATAGRAM = 65_535;

export class IsmReceiver implements EventHandler {
  /** Called when a close waiting for an in-flight DMA may finish. */
  onCloseReady: (s: IsmSocket) => void = () => undefined;

  constructor(
    private readonly sim: Simulator,
    private readonly stack: Stack,
    private readonly messaging: IopMessaging,
    private readonly dma: DmaEngine,
    private readonly host: HostMemory,
    private readonly rxBufferBytes: number,
    /** Longest a partly filled receive buffer waits for more data before it goes to the host. */
    private readonly fillTimeout: Nanos,
    /** Most filled buffers one RECV_DATA reports. */
    private readonly batchBuffers: number,
    /** Most buffers one RECVFROM_DATA reply frame can name (its SGL). */
    private readonly maxReplySgl: number,
    private readonly counters: OffloadCounters,
  ) {}

  onEvent(kind: number, arg: number, obj: unknown): void {
    if (kind === K_RECV_MOVED) this.recvMoved(obj as IsmSocket, arg);
    else if (kind === K_FILL_TIMER) this.fillTimedOut(obj as IsmSocket);
    else if (kind === K_DATAGRAM_MOVED) this.datagramMoved(obj as IsmSocket);
  }

  pump(s: IsmSocket): void {
    if (s.type === 'dgram') return this.pumpDatagrams(s);
    if (s.recvDma || s.rxDone || s.closed) return;
    if (s.lentHead >= s.lent.length) {
      // Every lent buffer is filled: the host must have them back before it can lend more.
      if (s.ready.length > 0) this.flushReady(s);
      return;
    }
    const b = s.lent[s.lentHead]!;
    if (s.staging === null) s.staging = new Uint8Array(this.rxBufferBytes);
    const cap = Math.min(b.length, s.staging.length);
    let progressed = false;
    for (;;) {
      const r = this.stack.recv(s.fd, s.staging.subarray(s.filled, cap));
      if (typeof r === 'number' && r > 0) {
        s.filled += r;
        progressed = true;
        if (s.filled === cap) return this.deliver(s);
        continue;
      }
      if (isSysError(r) && r.errno === 'EAGAIN') {
        // A gap timer: restarted whenever data came in.
        if ((s.filled > 0 || s.ready.length > 0) && (progressed || s.fillTimer < 0)) {
          if (s.fillTimer >= 0) this.sim.cancel(s.fillTimer);
          s.fillTimer = this.sim.schedule((this.sim.now + this.fillTimeout) as Nanos, this, K_FILL_TIMER, 0, s);
        }
        if (!s.waiting) {
          s.waiting = true;
          this.stack.wait(s.fd, POLLIN, s.waitCont);
        }
        return;
      }
      // End of stream (0) or a connection error: hand over what is filled, then report it.
      const env = { initiatorContext: CTX_CONTROL, transactionContext: s.handle };
      s.rxDone = true;
      s.endReply = isSysError(r)
        ? { op: 'ERROR', handle: s.handle, errno: errnoCode(r.errno), failed: 'RECV' }
        : { op: 'CLOSED', handle: s.handle, reason: CLOSED_PEER_FIN };
      s.endEnv = env;
      if (s.filled > 0) return this.deliver(s);
      return this.sendEnd(s);
    }
  }

  private deliver(s: IsmSocket): void {
    if (s.fillTimer >= 0) {
      this.sim.cancel(s.fillTimer);
      s.fillTimer = -1;
    }
    s.recvDma = true;
    this.dma.transfer(BUS_TO_HOST, s.filled, this, K_RECV_MOVED, s.filled, s);
  }

  private sendEnd(s: IsmSocket): void {
    const m = s.endReply;
    if (m === null || s.closed || (m.op === 'ERROR' && m.errno === errnoCode('EBADF'))) return;
    s.endReply = null;
    this.messaging.reply(m, s.endEnv);
  }

  private recvMoved(s: IsmSocket, n: number): void {
    const b = s.lent[s.lentHead++]!;
    this.host.write(b.address, s.staging!.subarray(0, n));
    if (s.lentHead > 64 && s.lentHead * 2 > s.lent.length) {
      s.lent.splice(0, s.lentHead);
      s.lentHead = 0;
    }
    s.filled = 0;
    s.recvDma = false;
    s.ready.push({ address: b.address, length: n });
    if (s.ready.length >= this.batchBuffers || s.flushAfterDma || s.endReply !== null || s.closePending) this.flushReady(s);
    if (s.endReply !== null) this.sendEnd(s);
    if (s.closePending) {
      s.closePending = false;
      this.onCloseReady(s);
      return;
    }
    this.pump(s);
  }

  private pumpDatagrams(s: IsmSocket): void {
    const size = this.rxBufferBytes;
    while (!s.recvDma && !s.closed) {
      if (s.datagram === null) {
        if (s.staging === null || s.staging.length < MAX_DATAGRAM) s.staging = new Uint8Array(MAX_DATAGRAM);
        const r = this.stack.recvfrom(s.fd, s.staging);
        if (isPending(r)) return; // not without a continuation: kept for the type
        if (isSysError(r)) {
          if (r.errno === 'EAGAIN' && !s.waiting) {
            s.waiting = true;
            this.stack.wait(s.fd, POLLIN, s.waitCont);
          }
          return;
        }
        const need = Math.max(1, Math.ceil(r.bytes / size));
        if (need > this.maxReplySgl) {
          this.counters.datagramsTooLarge += 1;
          continue;
        }
        s.datagram = { length: r.bytes, addr: r.from.addr >>> 0, port: r.from.port, buffers: [] };
      }
      const d = s.datagram;
      const need = Math.max(1, Math.ceil(d.length / size));
      // Not enough buffers lent yet: the datagram waits on the card for the next RECV.
      if (s.lent.length - s.lentHead < need) return;
      for (let k = 0; k < need; k++) {
        const b = s.lent[s.lentHead++]!;
        d.buffers.push({ address: b.address, length: Math.min(b.length, size, d.length - k * size) });
      }
      if (s.lentHead > 64 && s.lentHead * 2 > s.lent.length) {
        s.lent.splice(0, s.lentHead);
        s.lentHead = 0;
      }
      if (d.length === 0) {
        this.reportDatagram(s);
        continue;
      }
      s.recvDma = true;
      this.dma.transfer(BUS_TO_HOST, d.length, this, K_DATAGRAM_MOVED, 0, s);
    }
  }

  private datagramMoved(s: IsmSocket): void {
    s.recvDma = false;
    const d = s.datagram!;
    let at = 0;
    for (const b of d.buffers) {
      this.host.write(b.address, s.staging!.subarray(at, at + b.length));
      at += b.length;
    }
    this.reportDatagram(s);
    if (s.closePending) {
      s.closePending = false;
      this.onCloseReady(s);
      return;
    }
    this.pump(s);
  }

  /** One RECVFROM_DATA per datagram: the buffers it fills and its source. */
  private reportDatagram(s: IsmSocket): void {
    const d = s.datagram!;
    s.datagram = null;
    const buffers: DmaBuffer[] = d.buffers;
    this.messaging.reply(
      { op: 'RECVFROM_DATA', handle: s.handle, flags: 0, addr: d.addr, port: d.port, buffers },
      { initiatorContext: CTX_DATA, transactionContext: s.handle },
    );
  }

  /** The stream paused: what is filled goes to the host. */
  private fillTimedOut(s: IsmSocket): void {
    s.fillTimer = -1;
    if (s.closed) return;
    if (s.recvDma) s.flushAfterDma = true;
    else if (s.filled > 0) {
      s.flushAfterDma = true;
      this.deliver(s);
    } else this.flushReady(s);
  }

  /** One RECV_DATA for every buffer the DMA engine has filled since the last. */
  flushReady(s: IsmSocket): void {
    s.flushAfterDma = false;
    if (s.ready.length === 0) return;
    const buffers = s.ready;
    s.ready = [];
    this.messaging.reply({ op: 'RECV_DATA', handle: s.handle, flags: 0, buffers }, { initiatorContext: CTX_DATA, transactionContext: s.handle });
  }
}
