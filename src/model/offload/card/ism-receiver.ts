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
import type { EventHandler, Nanos, Simulator } from '../../../sim';
import { CLOSED_PEER_FIN } from '../../../i2o';
import { POLLIN, isSysError, type Stack } from '../../../net/stack';
import { BUS_TO_HOST } from '../../bus';
import { CTX_CONTROL, CTX_DATA, type HostMemory } from '../contexts';
import { errnoCode } from '../errno-codes';
import type { DmaEngine } from './dma-engine';
import type { IopMessaging } from './iop-messaging';
import type { IsmSocket } from './ism-socket';

const K_RECV_MOVED = 1;
const K_FILL_TIMER = 2;

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
  ) {}

  onEvent(kind: number, arg: number, obj: unknown): void {
    if (kind === K_RECV_MOVED) this.recvMoved(obj as IsmSocket, arg);
    else if (kind === K_FILL_TIMER) this.fillTimedOut(obj as IsmSocket);
  }

  pump(s: IsmSocket): void {
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
