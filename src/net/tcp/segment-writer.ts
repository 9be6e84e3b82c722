// Builds outgoing segments into one reused TcpRepr (the hot path allocates
// nothing per segment: the options object, the timestamp pair and the SACK
// block arrays are preallocated and overwritten).
//
// Contract: the repr returned by `build` is valid until the next build; the
// emit callback must serialise it at once (tcp-api.md).
import { seq } from '../wire/seq';
import type { SeqNumber } from '../wire/seq';
import type { TcpOptions, TcpRepr, TcpSackBlock } from '../wire/types';
import { TCP_ACK, TCP_RST, TCP_SYN } from '../wire/types';
import { maxSackBlocks, sackOptionBytes, windowShiftFor } from './options';
import { noteAckSent } from './quick-ack';
import type { Tcb } from './tcb';
import { advertiseWindow } from './window';

const EMPTY = new Uint8Array(0);

export class SegmentWriter {
  private readonly opts: TcpOptions = {
    mss: undefined,
    windowScale: undefined,
    sackPermitted: undefined,
    sackBlocks: undefined,
    timestamps: undefined,
  };
  private readonly ts = { tsVal: 0, tsEcr: 0 };
  private readonly blocks: TcpSackBlock[] = [0, 1, 2, 3].map(() => ({ left: seq(0), right: seq(0) }));
  private readonly blockViews: TcpSackBlock[][] = [0, 1, 2, 3, 4].map((n) => this.blocks.slice(0, n));
  readonly repr: TcpRepr = {
    srcPort: 0,
    dstPort: 0,
    seq: seq(0),
    ack: seq(0),
    flags: 0,
    window: 0,
    urgentPointer: 0,
    options: this.opts,
    payload: EMPTY,
  };

  /** Option bytes the SACK blocks of the next ACK will take (reduces the payload). */
  sackBytes(tcb: Tcb): number {
    if (!tcb.sackOk || tcb.assembler.isEmpty) return 0;
    return sackOptionBytes(Math.min(tcb.assembler.rangeCount, maxSackBlocks(tcb.tsOk)));
  }

  build(tcb: Tcb, seqNo: SeqNumber, flags: number, payload: Uint8Array | null): TcpRepr {
    const r = this.repr;
    const o = this.opts;
    r.srcPort = tcb.local.port;
    r.dstPort = tcb.remote.port;
    r.seq = seqNo;
    r.flags = flags;
    r.ack = flags & TCP_ACK ? tcb.rcvNxt : seq(0);
    r.urgentPointer = 0;
    r.payload = payload ?? EMPTY;
    o.mss = undefined;
    o.windowScale = undefined;
    o.sackPermitted = undefined;
    o.sackBlocks = undefined;
    o.timestamps = undefined;
    const syn = (flags & TCP_SYN) !== 0;
    r.window = advertiseWindow(tcb, syn);
    if (syn) {
      // RFC 9293 3.7.1: MSS only on SYNs. A SYN offers what the config allows; a
      // SYN-ACK only echoes what both SYNs carry (RFC 7323 2.2, 3.2; RFC 2018 2).
      const synAck = (flags & TCP_ACK) !== 0;
      o.mss = tcb.cfg.mss;
      if (synAck ? tcb.wsOk : tcb.cfg.windowScale) o.windowScale = synAck ? tcb.rcvWscale : windowShiftFor(tcb.cfg.rcvBuf);
      if (synAck ? tcb.sackOk : tcb.cfg.sack) o.sackPermitted = true;
      if (synAck ? tcb.tsOk : tcb.cfg.timestamps) {
        this.ts.tsVal = tcb.tsVal();
        // RFC 7323 3.2: TSecr is zero unless the ACK bit is set.
        this.ts.tsEcr = synAck ? tcb.tsRecent : 0;
        o.timestamps = this.ts;
      }
    } else if (tcb.tsOk && (flags & TCP_RST) === 0) {
      this.ts.tsVal = tcb.tsVal();
      this.ts.tsEcr = tcb.tsRecent;
      o.timestamps = this.ts;
    }
    if (!syn && (flags & TCP_ACK) !== 0 && (flags & TCP_RST) === 0 && tcb.sackOk && !tcb.assembler.isEmpty) {
      const n = tcb.assembler.sackBlocks(this.blocks, maxSackBlocks(tcb.tsOk));
      o.sackBlocks = this.blockViews[n];
    }
    if (flags & TCP_ACK) {
      tcb.lastAckSent = tcb.rcvNxt;
      tcb.ackNow = false;
      tcb.unackedBytes = 0;
      tcb.timers.stopDelayedAck();
      noteAckSent(tcb);
    }
    tcb.counters.segmentsSent++;
    return r;
  }

  /** A bare reset, for replies that have no TCB behind them. */
  buildReset(srcPort: number, dstPort: number, seqNo: SeqNumber, ack: SeqNumber | null): TcpRepr {
    const r = this.repr;
    const o = this.opts;
    r.srcPort = srcPort;
    r.dstPort = dstPort;
    r.seq = seqNo;
    r.ack = ack ?? seq(0);
    r.flags = TCP_RST | (ack !== null ? TCP_ACK : 0);
    r.window = 0;
    r.urgentPointer = 0;
    r.payload = EMPTY;
    o.mss = undefined;
    o.windowScale = undefined;
    o.sackPermitted = undefined;
    o.sackBlocks = undefined;
    o.timestamps = undefined;
    return r;
  }
}
