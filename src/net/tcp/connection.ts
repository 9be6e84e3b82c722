// TcpConnection: one TCP endpoint as a pure protocol machine (tcp-api.md).
//
// Contract: it never reads a clock and never schedules itself. The stack calls
// `process(seg, now, from)` for each arriving segment, `dispatch(now, emit)` to
// collect what is due, and asks `pollAt()` for the next time it needs
// dispatch. Emitted reprs are reused: `emit` must serialise them at once. The
// per-state rules live in handlers/, output in output.ts and sender.ts.
import type { Nanos } from '../../sim/units';
import type { SeqNumber } from '../wire/seq';
import { seqAdd } from '../wire/seq';
import type { TcpRepr } from '../wire/types';
import type { CongestionName, TcpConfig } from './config';
import { resolveConfig } from './config';
import { judgeListen, openChild, processSynSent, processSynchronized } from './handlers';
import type { EmitFn } from './output';
import { dispatchTcb, hasImmediateWork } from './output';
import { noteApplicationRead } from './quick-ack';
import { resetFor } from './reset';
import { SegmentWriter } from './segment-writer';
import { newPlan } from './sender';
import type { TcpState } from './state';
import { acceptsSend } from './state';
import { Tcb } from './tcb';
import { abortConnection, closeSend, openActive } from './user-calls';
import type { Endpoint, TcpCounters, TcpError, TcpTraceEvent } from './types';

export interface TcpConnectionOptions {
  config?: TcpConfig;
  local: Endpoint;
  remote?: Endpoint;
  /** Initial send sequence number, drawn by the stack from its seeded generator. */
  iss: SeqNumber;
  /** Offset added to the timestamp clock (RFC 7323 5.4, per connection). */
  tsOffset?: number;
  /** ISS for each child a LISTEN socket creates (the stack passes its seeded draw). */
  nextIss?: () => SeqNumber;
}

/** Resets a listener owes to peers that sent it bad segments (bounded queue). */
const MAX_LISTENER_RESETS = 16;

export class TcpConnection {
  /** The protocol variables; exposed for tests and trace sources, not for the stack to write. */
  readonly tcb: Tcb;
  private readonly writer = new SegmentWriter();
  private readonly plan = newPlan();
  private readonly nextIssFn: (() => SeqNumber) | undefined;
  private childCount = 0;
  private readonly listenerResets: { to: Endpoint; srcPort: number; seq: SeqNumber; ack: SeqNumber | null }[] = [];

  constructor(opts: TcpConnectionOptions) {
    const cfg = resolveConfig(opts.config);
    this.tcb = new Tcb(cfg, { ...opts.local }, opts.remote ? { ...opts.remote } : { addr: 0, port: 0 }, opts.iss, opts.tsOffset ?? 0);
    this.nextIssFn = opts.nextIss;
  }

  // ---------------------------------------------------------------- application side

  connect(remote: Endpoint, now: Nanos): void {
    if (this.tcb.state !== 'CLOSED') return;
    this.tcb.tick(now);
    openActive(this.tcb, remote);
  }

  listen(): void {
    if (this.tcb.state === 'CLOSED') this.tcb.setState('LISTEN');
  }

  send(data: Uint8Array, now: Nanos): number {
    const t = this.tcb;
    t.tick(now);
    if (!acceptsSend(t.state) || t.finQueued) return 0;
    return t.sendBuf.write(data);
  }

  /** Bytes copied out; 0 when nothing is buffered; -1 at end of stream (FIN read). */
  recv(into: Uint8Array, now: Nanos): number {
    const t = this.tcb;
    t.tick(now);
    const n = t.recvBuf.read(into);
    if (n > 0) {
      noteApplicationRead(t, n);
      return n;
    }
    return t.finReceived && into.length > 0 ? -1 : 0;
  }

  /** Queue our FIN after the data (RFC 9293 3.10.4 CLOSE, half-close). */
  shutdownWrite(now: Nanos): void {
    this.tcb.tick(now);
    closeSend(this.tcb);
  }

  /**
   * Full close. With unread received data the connection is reset instead
   * (RFC 2525 2.17, as Linux does), so the peer learns its data was not read.
   */
  close(now: Nanos): void {
    if (this.tcb.recvBuf.length > 0 && this.tcb.state !== 'LISTEN') {
      this.abort(now);
      return;
    }
    this.shutdownWrite(now);
  }

  /** RFC 9293 3.10.5 ABORT: a reset from the synchronized states, then CLOSED. */
  abort(now: Nanos): void {
    this.tcb.tick(now);
    abortConnection(this.tcb);
  }

  setNoDelay(on: boolean): void {
    this.tcb.nodelay = on;
  }

  setCongestionControl(name: CongestionName): void {
    this.tcb.cfg.congestion = name;
    if (this.tcb.cc.name !== name) this.tcb.replaceCongestion(name);
  }

  /** Buffer sizes may change only before the handshake; returns false otherwise. */
  setBuffers(sndBuf: number, rcvBuf: number): boolean {
    const t = this.tcb;
    if (t.state !== 'CLOSED' && t.state !== 'LISTEN') return false;
    t.cfg.sndBuf = Math.max(1, Math.floor(sndBuf));
    t.cfg.rcvBuf = Math.max(1, Math.floor(rcvBuf));
    t.resizeBuffers();
    return true;
  }

  get state(): TcpState {
    return this.tcb.state;
  }
  get error(): TcpError | null {
    return this.tcb.error;
  }
  get local(): Endpoint {
    return this.tcb.local;
  }
  get remote(): Endpoint {
    return this.tcb.remote;
  }
  get sendSpace(): number {
    return acceptsSend(this.tcb.state) && !this.tcb.finQueued ? this.tcb.sendBuf.free : 0;
  }
  get recvAvailable(): number {
    return this.tcb.recvBuf.length;
  }
  get isReadable(): boolean {
    return this.tcb.recvBuf.length > 0 || this.tcb.finReceived || this.tcb.error !== null;
  }
  get isWritable(): boolean {
    const s = this.tcb.state;
    return (s === 'ESTABLISHED' || s === 'CLOSE-WAIT') && !this.tcb.finQueued && this.tcb.sendBuf.free > 0;
  }
  get isEof(): boolean {
    return this.tcb.finReceived && this.tcb.recvBuf.length === 0;
  }
  /** Everything written has been acknowledged (for SO_LINGER-style waits). */
  get allAcked(): boolean {
    return this.tcb.sendBuf.length === 0 && (!this.tcb.finQueued || this.tcb.finAcked);
  }

  // ---------------------------------------------------------------- network side

  /**
   * One arriving segment addressed to this connection. For a LISTEN socket,
   * `from` names the peer and the new child (in SYN-RECEIVED) is returned.
   */
  process(seg: TcpRepr, now: Nanos, from?: Endpoint): TcpConnection | null {
    const t = this.tcb;
    t.tick(now);
    t.counters.segmentsReceived++;
    switch (t.state) {
      case 'CLOSED': {
        // RFC 9293 3.10.7.1: a segment for a closed connection earns a reset.
        const r = resetFor(seg);
        if (r) t.rstPending = { seq: r.seq, ack: r.ack ?? r.seq, withAck: r.ack !== null };
        return null;
      }
      case 'LISTEN':
        return this.processListen(seg, now, from ?? { addr: 0, port: seg.srcPort });
      case 'SYN-SENT':
        processSynSent(t, seg, now);
        return null;
      default:
        processSynchronized(t, seg, now);
        return null;
    }
  }

  private processListen(seg: TcpRepr, now: Nanos, from: Endpoint): TcpConnection | null {
    const verdict = judgeListen(seg);
    if (verdict === 'reset') {
      if (this.listenerResets.length < MAX_LISTENER_RESETS) {
        this.listenerResets.push({ to: { ...from }, srcPort: this.tcb.local.port, seq: seg.ack, ack: null });
      }
      return null;
    }
    if (verdict !== 'accept') return null;
    this.childCount++;
    const iss = this.nextIssFn ? this.nextIssFn() : seqAdd(this.tcb.iss, this.childCount * 64000);
    const child = new TcpConnection({
      config: { ...this.tcb.cfg },
      local: this.tcb.local,
      remote: from,
      iss,
      tsOffset: (this.tcb.tsOffset + this.childCount * 0x9e3779b1) >>> 0,
    });
    child.tcb.onTrace = this.tcb.onTrace;
    child.tcb.tick(now);
    child.tcb.nodelay = this.tcb.nodelay;
    openChild(child.tcb, seg);
    return child;
  }

  /** Emits every segment due now; returns how many. */
  dispatch(now: Nanos, emit: EmitFn): number {
    let n = 0;
    if (this.listenerResets.length > 0) {
      for (const r of this.listenerResets) {
        emit(this.writer.buildReset(r.srcPort, r.to.port, r.seq, r.ack), r.to);
        this.tcb.counters.resetsSent++;
        n++;
      }
      this.listenerResets.length = 0;
    }
    return n + dispatchTcb(this.tcb, this.writer, this.plan, now, emit);
  }

  /** The next time dispatch is needed: the latest `now` if work is due, Infinity if none. */
  pollAt(): Nanos {
    if (this.listenerResets.length > 0 || hasImmediateWork(this.tcb, this.writer, this.plan)) return this.tcb.now;
    if (this.tcb.state === 'CLOSED') return Infinity as Nanos;
    return this.tcb.timers.next() as Nanos;
  }

  // ---------------------------------------------------------------- observability

  set onTrace(fn: ((ev: TcpTraceEvent) => void) | undefined) {
    this.tcb.onTrace = fn;
  }
  get onTrace(): ((ev: TcpTraceEvent) => void) | undefined {
    return this.tcb.onTrace;
  }
  get cwnd(): number {
    return this.tcb.cc.cwnd;
  }
  get ssthresh(): number {
    return this.tcb.cc.ssthresh;
  }
  /** Smoothed RTT in ns (0 before the first sample). */
  get srtt(): number {
    return this.tcb.rtt.srtt;
  }
  get rttvar(): number {
    return this.tcb.rtt.rttvar;
  }
  get rto(): Nanos {
    return this.tcb.rtt.rto;
  }
  get counters(): Readonly<TcpCounters> {
    return this.tcb.counters;
  }
  get bytesAcked(): number {
    return this.tcb.counters.bytesAcked;
  }
  get bytesReceived(): number {
    return this.tcb.counters.bytesReceived;
  }
  get retransmits(): number {
    return this.tcb.counters.retransmits;
  }
  get fastRetransmits(): number {
    return this.tcb.counters.fastRetransmits;
  }
  get rtoCount(): number {
    return this.tcb.counters.rtoCount;
  }
  get dupAcksReceived(): number {
    return this.tcb.counters.dupAcksReceived;
  }
  /** Effective send MSS after negotiation. */
  get mss(): number {
    return this.tcb.sndMss;
  }
}
