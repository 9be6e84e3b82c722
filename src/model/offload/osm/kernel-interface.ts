// The OSM's kernel interface (the article: "the point at which the OSM
// provides any services normally provided to the kernel by the TCP/IP stack").
// Here: the outbound-reply handler (called by the ISR, src/model/offload/
// host-transport.ts, for both of the OSM's InitiatorContexts), which updates
// the socket records from the card's completions and events, and the wake-ups
// of callers parked on a socket (a context switch each), with readiness for
// poll/wait.
import { Priority } from '../../../sim';
import type { DecodedSocketFrame, SocketReply } from '../../../i2o';
import { POLLERR, POLLHUP, sysError, type SysError } from '../../../net/stack';
import { CTX_CALL, CTX_CONTROL } from '../contexts';
import type { OffloadCounters } from '../counters';
import { errnoName } from '../errno-codes';
import type { ReplyHandler } from '../host-transport';
import type { HostWork } from './host-work';
import type { MemoryManagement } from './memory';
import type { MessageInterface } from './message-interface';
import { OsmSocket } from './osm-socket';

/** What the kernel interface needs from the user interface. */
export interface SocketTable {
  readonly byHandle: Map<number, OsmSocket>;
  /** Gives an accepted connection its descriptor (-1 when the table is full). */
  adopt(child: OsmSocket): number;
  /** Aborts a connection the card accepted for a listener that is gone. */
  abandon(child: OsmSocket): void;
  /** A connection the card accepted takes its listener's buffer sizes. */
  inherit(child: OsmSocket, listener: OsmSocket): void;
  /** Readiness as poll(2) reports it. */
  readiness(s: OsmSocket): number;
}

/** A control call sleeping for the card's reply (CTX_CALL). */
interface SleepingCall {
  readonly cont: (r: unknown) => void;
  /**
   * The call's result from the card's reply (COMPLETE, OPTVAL or ERROR), after
   * recording the OSM's side of a success (a listening state, shutdown flags).
   */
  readonly answer: (reply: SocketReply) => unknown;
}

export class KernelInterface implements ReplyHandler {
  /** Sockets with a send parked for want of transmit buffers. */
  readonly txWaiters = new Set<OsmSocket>();
  private readonly sleeping = new Map<number, SleepingCall>();
  private nextCall = 1;
  private readonly dirty: OsmSocket[] = [];
  table: SocketTable | null = null;

  constructor(
    private readonly work: HostWork,
    private readonly memory: MemoryManagement,
    private readonly msgs: MessageInterface,
    private readonly counters: OffloadCounters,
  ) {
    memory.tx.onRefill = () => this.inBatch(() => this.serviceTxWaiters());
    memory.rx.onRefill = () => this.inBatch(() => this.lendStarved());
  }

  /**
   * One reply, from the ISR: the socket records are updated now; the callers
   * they wake run once the ISR has drained the outbound queue (isrDone), so
   * a woken reader finds every buffer that interrupt delivered.
   */
  onReply(r: DecodedSocketFrame): void {
    this.work.begin(Priority.Kernel);
    try {
      this.dispatch(r);
    } finally {
      this.work.commit();
    }
  }

  /**
   * Puts a control call to sleep until the reply to its request (sent with
   * InitiatorContext CTX_CALL and the returned id as TransactionContext);
   * `answer` turns the reply into the call's result.
   */
  sleep<T>(cont: (r: T | SysError) => void, answer: (reply: SocketReply) => T | SysError): number {
    const id = this.nextCall;
    this.nextCall = this.nextCall >= 0x7fffffff ? 1 : this.nextCall + 1;
    this.sleeping.set(id, { cont: cont as (r: unknown) => void, answer });
    return id;
  }

  /** Calls still sleeping (for tests). */
  get sleepingCalls(): number {
    return this.sleeping.size;
  }

  /** The ISR read the outbound port empty: run the wake-ups. */
  isrDone(): void {
    if (this.dirty.length > 0) this.inBatch(() => undefined);
  }

  /** Completes every parked call on `s` that can complete now (inside an open batch). */
  service(s: OsmSocket): void {
    const t = this.table!;
    if (s.connectW !== null && s.state === 'connected') {
      const w = s.connectW;
      s.connectW = null;
      this.wake(w, 0);
    }
    if (s.acceptW !== null && s.acceptQueue.length > 0) {
      const child = s.acceptQueue.shift()!;
      const fd = t.adopt(child);
      const w = s.acceptW;
      s.acceptW = null;
      if (fd < 0) {
        t.abandon(child);
        this.wake(w, sysError('EMFILE'));
      } else {
        this.msgs.request({ op: 'ACCEPT', handle: s.handle }, CTX_CONTROL, s.handle);
        this.wake(w, { fd, remote: { ...child.remote! } });
      }
    }
    const tr = this.work.trace;
    const prev = tr.current;
    if (s.datagramW !== null && s.datagrams.length > 0) {
      const w = s.datagramW;
      tr.current = w.span;
      s.datagramW = null;
      const r = this.memory.copyOutDatagram(s, w.into);
      this.wake(w.cont, r);
      this.memory.lend(s);
      this.lendStarved();
    }
    if (s.recvW !== null) {
      const w = s.recvW;
      // The copy out of the pool is the parked call's (its span), as is everything until it returns.
      tr.current = w.span;
      let r: number | SysError | null = null;
      if (s.rxBytes > 0) r = this.memory.copyOut(s, w.into);
      else if (s.rdShut) r = 0;
      else if (s.pendingError !== null) r = this.takeError(s);
      else if (s.rxEof) r = 0;
      if (r !== null) {
        s.recvW = null;
        this.wake(w.cont, r);
        this.memory.lend(s);
        this.lendStarved();
      }
    }
    if (s.sendW !== null) {
      const w = s.sendW;
      tr.current = w.span;
      let r: number | SysError | null = null;
      if (s.wrShut) r = w.done > 0 ? w.done : sysError('EPIPE');
      else if (s.pendingError !== null) r = w.done > 0 ? w.done : this.takeError(s);
      else if (w.to !== undefined) {
        if (this.memory.copyInDatagram(s, w.data, w.to)) r = w.data.length;
      } else if (s.state === 'connected') {
        w.done += this.memory.copyIn(s, w.data, w.done);
        if (w.done === w.data.length) r = w.done;
      }
      if (r === null) this.txWaiters.add(s);
      else {
        s.sendW = null;
        this.txWaiters.delete(s);
        this.wake(w.cont, r);
      }
    }
    tr.current = prev;
    if (s.pollW.length > 0) {
      const ev = t.readiness(s);
      const keep = [];
      for (const w of s.pollW) {
        if ((ev & (w.events | POLLERR | POLLHUP)) !== 0) this.wake(w.cont, ev);
        else keep.push(w);
      }
      s.pollW = keep;
    }
  }

  /** Runs fn inside a kernel-priority batch (the wake-ups run in process context). */
  inBatch(fn: () => void): void {
    this.work.begin(Priority.Kernel);
    try {
      fn();
      this.flush();
    } finally {
      this.work.commit();
    }
  }

  /** Services the sockets touched so far (inside an open batch). */
  flush(): void {
    while (this.dirty.length > 0) this.service(this.dirty.pop()!);
  }

  markDirty(s: OsmSocket): void {
    if (this.dirty.indexOf(s) < 0) this.dirty.push(s);
  }

  takeError(s: OsmSocket): SysError {
    const e = sysError(s.pendingError!);
    s.pendingError = null;
    return e;
  }

  /** Wakes a parked caller with `v`: a context switch (inside an open batch). */
  wake<T>(cont: (v: T) => void, v: T): void {
    this.work.op('contextSwitch');
    this.counters.contextSwitches += 1;
    this.work.complete(cont, v);
  }

  private serviceTxWaiters(): void {
    for (const s of [...this.txWaiters]) this.markDirty(s);
  }

  lendStarved(): void {
    for (const s of [...this.memory.rxStarved]) this.memory.lend(s);
  }

  private dispatch(r: DecodedSocketFrame): void {
    const m = r.socket;
    const t = this.table!;
    const ctx = r.frame.transactionContext;
    if (r.frame.initiatorContext === CTX_CALL) {
      // The answer a sleeping control call waited for: its errno is the card's.
      const c = this.sleeping.get(ctx);
      if (c === undefined || (m.op !== 'COMPLETE' && m.op !== 'ERROR' && m.op !== 'OPTVAL')) return;
      this.sleeping.delete(ctx);
      this.wake(c.cont, c.answer(m));
      return;
    }
    switch (m.op) {
      case 'COMPLETE': {
        if (m.request === 'SEND' || m.request === 'SENDTO') {
          const s = this.memory.finishSend(ctx);
          if (s !== null) this.markDirty(s);
          this.serviceTxWaiters();
        } else if (m.request === 'CLOSE') {
          const s = t.byHandle.get(m.handle);
          if (s === undefined) return;
          t.byHandle.delete(m.handle);
          this.memory.reclaim(s);
          this.lendStarved();
          if (s.closeW !== null) {
            const w = s.closeW;
            s.closeW = null;
            this.wake(w, 0);
          }
        }
        return;
      }
      case 'RECV_DATA': {
        const s = t.byHandle.get(m.handle);
        this.memory.received(s, m.buffers);
        if (s !== undefined) this.markDirty(s);
        return;
      }
      case 'RECVFROM_DATA': {
        const s = t.byHandle.get(m.handle);
        this.memory.receivedDatagram(s, { addr: m.addr, port: m.port }, m.buffers);
        if (s !== undefined) this.markDirty(s);
        return;
      }
      case 'CONNECTED': {
        const s = t.byHandle.get(m.handle);
        if (s === undefined || s.released) return;
        s.state = 'connected';
        s.remote = { addr: m.remoteAddr, port: m.remotePort };
        this.memory.lend(s);
        this.markDirty(s);
        return;
      }
      case 'ACCEPTED': {
        const child = new OsmSocket(m.handle, 'stream');
        child.state = 'connected';
        child.remote = { addr: m.remoteAddr, port: m.remotePort };
        t.byHandle.set(m.handle, child);
        const l = t.byHandle.get(m.listenHandle);
        if (l === undefined || l.released || l.state !== 'listening') {
          t.abandon(child);
          return;
        }
        t.inherit(child, l);
        l.acceptQueue.push(child);
        this.memory.lend(child);
        this.markDirty(l);
        return;
      }
      case 'CLOSED': {
        const s = t.byHandle.get(m.handle);
        if (s === undefined) return;
        s.rxEof = true;
        this.markDirty(s);
        return;
      }
      case 'ERROR': {
        const errno = errnoName(m.errno);
        if (m.failed === 'SEND' || m.failed === 'SENDTO') {
          const s = this.memory.finishSend(ctx);
          if (s !== null && !s.released && errno !== 'EBADF') s.pendingError ??= errno;
          if (s !== null) this.markDirty(s);
          this.serviceTxWaiters();
          return;
        }
        const s = t.byHandle.get(m.handle);
        if (s === undefined || s.released) return;
        if (m.failed === 'CONNECT') {
          s.state = 'idle';
          if (s.connectW !== null) {
            const w = s.connectW;
            s.connectW = null;
            this.wake(w, sysError(errno));
          } else {
            s.pendingError = errno;
          }
        } else if (m.failed === 'RECV') {
          s.rxEof = true;
          if (errno !== 'EBADF') s.pendingError ??= errno;
        } else if (errno !== 'EBADF') {
          s.pendingError ??= errno;
        }
        this.markDirty(s);
        return;
      }
      default:
        return;
    }
  }
}
