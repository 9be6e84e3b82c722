// The transmission control block (RFC 9293 3.3.1): every variable of one
// connection, in one plain object that the per-state handlers and the output
// path operate on. Internal to src/net/tcp; the public face is TcpConnection.
import type { Nanos } from '../../sim/units';
import type { SeqNumber } from '../wire/seq';
import { seq, seqAdd, seqDiff, seqGt } from '../wire/seq';
import { Assembler } from './assembler';
import type { ResolvedTcpConfig } from './config';
import type { CongestionControl } from './congestion';
import { createCongestionControl } from './congestion';
import { RetransmitLog } from './lost-retransmit';
import { RecvBuffer } from './recv-buffer';
import { RttEstimator } from './rtt';
import { SackScoreboard } from './sack-scoreboard';
import { SendBuffer } from './send-buffer';
import type { TcpState } from './state';
import { Timers } from './timers';
import type { Endpoint, TcpCounters, TcpError, TcpTraceEvent } from './types';
import { newCounters } from './types';

export class Tcb {
  cfg: ResolvedTcpConfig;
  local: Endpoint;
  remote: Endpoint;
  state: TcpState = 'CLOSED';
  error: TcpError | null = null;
  /** Opened by connect() (active) rather than through LISTEN (passive). */
  active = false;
  /** Latest `now` seen on any call. */
  now = 0 as Nanos;
  onTrace: ((ev: TcpTraceEvent) => void) | undefined;
  readonly counters: TcpCounters = newCounters();

  // ---- send sequence space (RFC 9293 3.3.1) ----
  iss: SeqNumber;
  sndUna: SeqNumber;
  /** Next sequence number to send; rewound to SND.UNA after an RTO (go-back-N). */
  sndNxt: SeqNumber;
  /** Highest sequence number sent plus one (ns-3's m_highTxMark, RFC 6675 HighData). */
  sndMax: SeqNumber;
  /** Peer's window in bytes, already scaled. */
  sndWnd = 0;
  sndWl1: SeqNumber = seq(0);
  sndWl2: SeqNumber = seq(0);
  /** Largest window the peer ever offered (sender SWS avoidance, RFC 9293 3.8.6.2.1). */
  maxSndWnd = 0;
  sendBuf: SendBuffer;
  /** Sequence number of the send buffer's first byte (ISS + 1 + data acknowledged). */
  bufSeq: SeqNumber;
  /** Application asked to close the send side: a FIN follows the data. */
  finQueued = false;

  // ---- receive sequence space ----
  irs: SeqNumber = seq(0);
  rcvNxt: SeqNumber = seq(0);
  recvBuf: RecvBuffer;
  assembler = new Assembler(16);
  /** Right edge of the window we last advertised (never moved left, RFC 9293 3.8.6.2.2). */
  rcvAdvRight: SeqNumber = seq(0);
  /** Sequence number of the peer's FIN once seen (possibly before the hole closes). */
  peerFinSeq: SeqNumber | null = null;
  finReceived = false;
  /** Largest segment payload received: the receiver's MSS estimate for delayed ACKs. */
  rcvMss: number;

  // ---- negotiated options ----
  sndMss: number;
  sndWscale = 0;
  rcvWscale = 0;
  tsOk = false;
  sackOk = false;
  wsOk = false;
  tsOffset: number;
  /** TS.Recent and Last.ACK.sent (RFC 7323 4.3). */
  tsRecent = 0;
  lastAckSent: SeqNumber = seq(0);
  /** Options the peer's SYN carried, kept for the SYN-ACK we send (passive open). */
  peerSynOptions: { windowScale: boolean; timestamps: boolean; sack: boolean } | null = null;

  // ---- timers, RTT, congestion ----
  timers = new Timers();
  rtt: RttEstimator;
  cc: CongestionControl;
  /** Segment being timed for an RTT sample (Karn: cleared when it is retransmitted). */
  rttSeq: SeqNumber | null = null;
  rttStart = 0;
  /** One past the highest byte retransmitted and not yet acknowledged (for RTTM). */
  rtxHigh: SeqNumber | null = null;
  /** TSval of our latest retransmission: older echoes cannot time anything (RFC 7323 4.1). */
  lastRtxTsVal = 0;
  /** Consecutive RTO expiries of the oldest outstanding segment (RFC 1122 R2). */
  retries = 0;
  /** SYN was retransmitted: the initial window drops to one segment (RFC 5681 3.1). */
  synRetransmitted = false;

  // ---- loss recovery ----
  dupAcks = 0;
  inRecovery = false;
  /** RFC 6582 `recover` / RFC 6675 RecoveryPoint. */
  recover: SeqNumber;
  /** A retransmission of SND.UNA is due (fast retransmit or partial ACK). */
  retransmitUna = false;
  scoreboard = new SackScoreboard();
  /** Retransmissions of this recovery with HighData when each left (lost-retransmit.ts). */
  rtxLog = new RetransmitLog();
  /** Retransmissions found lost: unSACKed bytes in [lostRtxNext, lostRtxEnd) go again. */
  lostRtxNext: SeqNumber | null = null;
  lostRtxEnd: SeqNumber = seq(0);

  // ---- pending output ----
  /** Immediate ACKs left in Linux-style quick-ACK mode (quick-ack.ts). */
  quickAcks = 0;
  /** Interactive (ping-pong) mode: ACKs wait to ride on replies (quick-ack.ts). */
  pingpong = false;
  /** When in-order data last arrived, or -1 before any (Linux icsk_ack.lrcvtime). */
  lastDataRecvAt = -1;
  /** Short pushed segments received since our last ACK, capped at 2 (Linux ICSK_ACK_PUSHED/PUSHED2). */
  ackPushed = 0;
  /** An ACK must go out at the next dispatch. */
  ackNow = false;
  /** In-order bytes received since the last ACK we sent. */
  unackedBytes = 0;
  /** Pending RST for the peer (abort, or a reply to an unacceptable segment). */
  rstPending: { seq: SeqNumber; ack: SeqNumber; withAck: boolean } | null = null;
  /** A zero-window probe is due. */
  probeDue = false;
  /** End of the last short segment of new data sent (Minshall's Nagle, Linux tp->snd_sml). */
  sndSml: SeqNumber;
  /** Application asked for TCP_NODELAY. */
  nodelay: boolean;

  constructor(cfg: ResolvedTcpConfig, local: Endpoint, remote: Endpoint, iss: SeqNumber, tsOffset: number) {
    this.cfg = cfg;
    this.local = local;
    this.remote = remote;
    this.iss = iss;
    this.sndUna = iss;
    this.sndNxt = iss;
    this.sndMax = iss;
    this.recover = iss;
    this.sndSml = iss;
    this.bufSeq = seqAdd(iss, 1);
    this.tsOffset = tsOffset >>> 0;
    this.nodelay = cfg.nodelay;
    this.sendBuf = new SendBuffer(cfg.sndBuf, Math.max(cfg.mss, cfg.gsoMaxBytes));
    this.recvBuf = new RecvBuffer(cfg.rcvBuf);
    this.rcvMss = Math.min(cfg.mss, 536);
    this.sndMss = Math.min(cfg.mss, 536);
    this.rtt = new RttEstimator(cfg.rtoInitial, cfg.rtoMin, cfg.rtoMax);
    this.cc = createCongestionControl(cfg.congestion, this.sndMss, cfg.initialCwndSegments);
  }

  setState(to: TcpState): void {
    const from = this.state;
    if (from === to) return;
    this.state = to;
    this.onTrace?.({ kind: 'state', at: this.now, from, to });
  }

  /** Ends the connection with an errno (RFC 9293 3.10.7: "enter CLOSED, delete the TCB"). */
  fail(error: TcpError | null): void {
    if (error !== null && this.error === null) {
      this.error = error;
      this.onTrace?.({ kind: 'error', at: this.now, error });
    }
    this.enterClosed();
  }

  enterClosed(): void {
    this.setState('CLOSED');
    this.timers.clearAll();
    this.ackNow = false;
    this.probeDue = false;
    this.retransmitUna = false;
  }

  /** Sequence number of the first byte held in the send buffer. */
  get dataStart(): SeqNumber {
    return this.bufSeq;
  }

  /** One past the last data byte queued. */
  get dataEnd(): SeqNumber {
    return seqAdd(this.dataStart, this.sendBuf.length);
  }

  /** Sequence number our FIN occupies (valid when finQueued). */
  get finSeq(): SeqNumber {
    return this.dataEnd;
  }

  /** Our FIN has been sent at least once. */
  get finSent(): boolean {
    return this.finQueued && seqGt(this.sndMax, this.finSeq);
  }

  /** Our FIN has been acknowledged. */
  get finAcked(): boolean {
    return this.finQueued && seqGt(this.sndUna, this.finSeq);
  }

  /** Bytes sent and not yet acknowledged (RFC 5681 FlightSize). */
  get flightSize(): number {
    return seqDiff(this.sndMax, this.sndUna);
  }

  /** The receive window we can offer now: free space in the receive buffer. */
  get rcvWndAvailable(): number {
    return this.recvBuf.free;
  }

  /** TSval for a segment sent now (RFC 7323 5.4: a clock derived from `now`, plus an offset). */
  tsVal(): number {
    return (Math.floor(this.now / this.cfg.tsTick) + this.tsOffset) >>> 0;
  }

  /** Resets the timing state after negotiation fixed the MSS. */
  applyMss(sndMss: number): void {
    this.sndMss = sndMss;
    this.cc.setMss(sndMss);
  }

  /** New buffer sizes (only before the handshake, see TcpConnection.setBuffers). */
  resizeBuffers(): void {
    this.sendBuf = new SendBuffer(this.cfg.sndBuf, Math.max(this.cfg.mss, this.cfg.gsoMaxBytes));
    this.recvBuf = new RecvBuffer(this.cfg.rcvBuf);
  }

  replaceCongestion(name: 'newreno' | 'cubic'): void {
    const cwnd = this.cc.cwnd;
    this.cc = createCongestionControl(name, this.sndMss, 1);
    this.cc.setInitialWindow(cwnd);
  }

  /** Latest time: calls must not move time backwards; a stale `now` is clamped. */
  tick(now: Nanos): void {
    if (now > this.now) this.now = now;
  }
}
