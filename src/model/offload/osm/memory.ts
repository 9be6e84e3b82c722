// The OSM's memory management (the article's fourth subsystem): the transmit
// and receive DMA pools, the one copy between user memory and a pool buffer,
// and the lending of receive buffers to the card.
//
// Transmit: send() copies user bytes into transmit buffers (charged 'copy'
// and a free-list operation per buffer) and the message interface names them
// in SEND requests' SGLs; a SEND's completion gives them back. A socket holds
// at most its share of buffers; the pool running
// dry is backpressure: the caller blocks or gets EAGAIN.
//
// Socket buffers: SO_SNDBUF and SO_RCVBUF keep their meaning: a part of each
// (cardSharePercent, the scenario's inic.cardBufferSharePercent, half by
// default: ../config.ts CARD_BUFFER_SHARE says why) goes to the card's socket,
// the rest is the socket's share of the pool, so that a sender can push ahead
// no more than the native socket would let it.
//
// Receive: each connected socket keeps its share of buffers lent to the card
// (RECV requests), topped up once enough have come back (the LAN OSM's repost
// threshold, at most half the share), as the LAN OSM reposts buckets. RECV_DATA hands filled buffers to the socket;
// recv() copies them out and the buffers return to the pool. When the pool
// is dry nothing is lent: the card holds the data and TCP's window closes.
// A bound datagram socket lends its share the same way; each datagram comes
// back whole in a RECVFROM_DATA (its buffers and its source) and recvfrom()
// copies one datagram out.
import { LAYER, TRACE_KIND, type Simulator } from '../../../sim';
import type { DmaBuffer } from '../../../i2o';
import type { Received, SockAddr } from '../../../net/stack';
import type { HostMemory } from '../contexts';
import { CTX_DATA } from '../contexts';
import { CARD_BUFFER_SHARE } from '../config';
import type { OffloadCounters } from '../counters';
import type { DmaPool } from './dma-pool';
import type { HostWork } from './host-work';
import type { MessageInterface } from './message-interface';
import type { OsmSocket } from './osm-socket';

interface SendRecord {
  sock: OsmSocket;
  buffers: number[];
}

export class MemoryManagement implements HostMemory {
  /** Most buffers one socket may have lent to the card (LAN OSM buckets, a quarter of the pool). */
  readonly rxCap: number;
  private readonly sends = new Map<number, SendRecord>();
  private nextSend = 1;
  /** Connected sockets that receive through the pool (for its fair division). */
  private readonly receivers = new Set<OsmSocket>();
  /** Sockets that could not lend receive buffers for want of them. */
  readonly rxStarved = new Set<OsmSocket>();

  constructor(
    readonly tx: DmaPool,
    readonly rx: DmaPool,
    private readonly work: HostWork,
    private readonly msgs: MessageInterface,
    private readonly counters: OffloadCounters,
    receiveBuckets: number,
    private readonly repostThreshold: number,
    /** Where copies are recorded (the trace) and the host CPU's id. */
    private readonly sim: Simulator,
    private readonly cpuId: number,
    /** Percent of each socket buffer the card's socket holds (1-99; the scenario's inic.cardBufferSharePercent). */
    readonly cardSharePercent = CARD_BUFFER_SHARE.value,
  ) {
    this.rxCap = Math.max(1, Math.min(receiveBuckets, Math.floor(rx.count / 4)));
  }

  /** SEND and SENDTO requests whose completion has not come back. */
  get sendsInFlight(): number {
    return this.sends.size;
  }

  /**
   * The card's part of a socket buffer of `bytes`: cardSharePercent of it,
   * rounded up, at least 1 (half, ceil(bytes/2), by default). `bytes * percent`
   * is a whole number, so the division is exact where it should be.
   */
  cardShare(bytes: number): number {
    return Math.max(1, Math.ceil((bytes * this.cardSharePercent) / 100));
  }

  /** Sets the socket's pool shares from its buffer sizes: the part the card does not hold, in buffers. */
  setShares(s: OsmSocket): void {
    const txBytes = s.sndBuf - this.cardShare(s.sndBuf);
    const rxBytes = s.rcvBuf - this.cardShare(s.rcvBuf);
    s.txShare = Math.max(1, Math.min(this.tx.count, Math.floor(txBytes / this.tx.bufferBytes)));
    s.rxShare = Math.max(1, Math.min(this.rxCap, Math.floor(rxBytes / this.rx.bufferBytes)));
  }

  // ------------------------------------------------------------ transmit

  /**
   * Copies as much of data[from..] as the pool and the socket's share allow
   * into transmit buffers and queues SEND requests for them. Returns the
   * bytes taken (0 when none could be).
   */
  copyIn(s: OsmSocket, data: Uint8Array, from: number): number {
    const size = this.tx.bufferBytes;
    let off = from;
    let batch: DmaBuffer[] = [];
    let indices: number[] = [];
    while (off < data.length && s.txHeld < s.txShare) {
      const i = this.tx.take();
      if (i < 0) break;
      const n = Math.min(size, data.length - off);
      this.tx.memory.set(data.subarray(off, off + n), i * size);
      this.work.op('osmMemoryManagement');
      this.work.op('copy', 1, n);
      this.counters.copies += 1;
      this.counters.bytesCopied += n;
      s.txHeld += 1;
      off += n;
      batch.push({ address: this.tx.address(i), length: n });
      indices.push(i);
      if (batch.length === this.msgs.maxSgl) {
        this.sendRequest(s, batch, indices);
        batch = [];
        indices = [];
      }
    }
    if (batch.length > 0) this.sendRequest(s, batch, indices);
    const tr = this.sim.trace;
    if (off > from && tr.enabled) tr.record(this.sim.now, tr.current, LAYER.app, LAYER.osm, TRACE_KIND.copy, off - from, 0, this.cpuId);
    // Backpressure: the pool ran dry (nothing left for any socket: exhaustion),
    // or the socket used up its own share with buffers still free in the pool,
    // which is a full send buffer: TCP's ordinary flow control.
    if (off < data.length) {
      if (this.tx.available === 0) this.counters.poolExhausted += 1;
      else this.counters.sendBufferFull += 1;
    }
    return off - from;
  }

  /**
   * Whether a datagram of `bytes` can go through the pool as one SENDTO: it
   * fits one frame's SGL and the socket's share. Others (and empty ones) are
   * handed to the ISM at the call (the user interface's fallback).
   */
  datagramFits(s: OsmSocket, bytes: number): boolean {
    const n = Math.ceil(bytes / this.tx.bufferBytes);
    return bytes > 0 && n <= this.msgs.maxDatagramSgl && n <= s.txShare;
  }

  /**
   * Copies one whole datagram into transmit buffers and queues a SENDTO for
   * `to`; false (nothing taken) when the pool or the socket's share cannot
   * hold all of it now: a datagram is never split.
   */
  copyInDatagram(s: OsmSocket, data: Uint8Array, to: SockAddr): boolean {
    const size = this.tx.bufferBytes;
    const n = Math.ceil(data.length / size);
    if (s.txHeld + n > s.txShare || this.tx.available < n) {
      if (this.tx.available < n) this.counters.poolExhausted += 1;
      else this.counters.sendBufferFull += 1;
      return false;
    }
    const batch: DmaBuffer[] = [];
    const indices: number[] = [];
    for (let off = 0; off < data.length; off += size) {
      const i = this.tx.take();
      const len = Math.min(size, data.length - off);
      this.tx.memory.set(data.subarray(off, off + len), i * size);
      this.work.op('osmMemoryManagement');
      this.work.op('copy', 1, len);
      this.counters.copies += 1;
      this.counters.bytesCopied += len;
      batch.push({ address: this.tx.address(i), length: len });
      indices.push(i);
    }
    s.txHeld += n;
    const id = this.nextSend;
    this.nextSend = this.nextSend >= 0x7fffffff ? 1 : this.nextSend + 1;
    this.sends.set(id, { sock: s, buffers: indices });
    this.msgs.request({ op: 'SENDTO', handle: s.handle, flags: 0, addr: to.addr >>> 0, port: to.port & 0xffff, buffers: batch }, CTX_DATA, id);
    const tr = this.sim.trace;
    if (tr.enabled) tr.record(this.sim.now, tr.current, LAYER.app, LAYER.osm, TRACE_KIND.copy, data.length, 0, this.cpuId);
    return true;
  }

  /** The transmit buffers of a completed (or failed) SEND go back to the pool. */
  finishSend(transactionContext: number): OsmSocket | null {
    const r = this.sends.get(transactionContext);
    if (r === undefined) return null;
    this.sends.delete(transactionContext);
    for (const i of r.buffers) {
      this.tx.give(i);
      this.work.op('osmMemoryManagement');
    }
    r.sock.txHeld -= r.buffers.length;
    return r.sock;
  }

  private sendRequest(s: OsmSocket, buffers: DmaBuffer[], indices: number[]): void {
    const id = this.nextSend;
    this.nextSend = this.nextSend >= 0x7fffffff ? 1 : this.nextSend + 1;
    this.sends.set(id, { sock: s, buffers: indices });
    this.msgs.request({ op: 'SEND', handle: s.handle, flags: 0, buffers }, CTX_DATA, id);
  }

  // ------------------------------------------------------------ receive

  /** Tops up the buffers lent to the card for `s` (only when `repostAfter` are missing, or none is lent). */
  lend(s: OsmSocket): void {
    if ((s.type === 'dgram' ? !s.bound : s.state !== 'connected') || s.rxEof || s.released) return;
    this.receivers.add(s);
    // Fairness: with many connections each gets an equal part of the pool, so
    // buffers parked on idle connections cannot starve a new one for ever.
    const share = Math.min(s.rxShare, Math.max(1, Math.floor(this.rx.count / this.receivers.size)));
    const want = share - s.lent.length;
    const repostAfter = Math.max(1, Math.min(this.repostThreshold, Math.floor(share / 2)));
    if (want <= 0 || (want < repostAfter && s.lent.length > 0)) return;
    let batch: DmaBuffer[] = [];
    for (let k = 0; k < want; k++) {
      const i = this.rx.take();
      if (i < 0) {
        if (!this.rxStarved.has(s)) this.counters.poolExhausted += 1;
        this.rxStarved.add(s);
        break;
      }
      this.work.op('osmMemoryManagement');
      s.lent.push(i);
      batch.push({ address: this.rx.address(i), length: this.rx.bufferBytes });
      if (batch.length === this.msgs.maxSgl) {
        this.msgs.request({ op: 'RECV', handle: s.handle, flags: 0, buffers: batch }, CTX_DATA, s.handle);
        batch = [];
      }
    }
    if (batch.length > 0) this.msgs.request({ op: 'RECV', handle: s.handle, flags: 0, buffers: batch }, CTX_DATA, s.handle);
    if (s.lent.length >= share) this.rxStarved.delete(s);
  }

  /** A receive buffer the card handed back: its pool index (-1 if not of the pool), no longer lent to `s`. */
  private returned(s: OsmSocket | undefined, b: DmaBuffer): number {
    const i = this.rx.indexOf(b.address);
    if (i >= 0 && s !== undefined) {
      const at = s.lent.indexOf(i);
      if (at >= 0) s.lent.splice(at, 1);
    }
    return i;
  }

  /** RECV_DATA: the card filled `buffers`; their bytes join the socket's unread data. */
  received(s: OsmSocket | undefined, buffers: readonly DmaBuffer[]): void {
    for (const b of buffers) {
      const i = this.returned(s, b);
      if (i < 0) continue;
      if (s === undefined || s.released || b.length === 0) {
        this.rx.give(i);
        continue;
      }
      s.rxBuf.push(i);
      s.rxOff.push(0);
      s.rxEnd.push(b.length);
      s.rxBytes += b.length;
    }
  }

  /** The one copy on receive: unread bytes into `into`; emptied buffers go back to the pool. */
  copyOut(s: OsmSocket, into: Uint8Array): number {
    let got = 0;
    const size = this.rx.bufferBytes;
    while (got < into.length && s.rxHead < s.rxBuf.length) {
      const h = s.rxHead;
      const i = s.rxBuf[h]!;
      const off = s.rxOff[h]!;
      const n = Math.min(into.length - got, s.rxEnd[h]! - off);
      into.set(this.rx.memory.subarray(i * size + off, i * size + off + n), got);
      got += n;
      if (off + n === s.rxEnd[h]) {
        s.rxHead += 1;
        this.rx.give(i);
        this.work.op('osmMemoryManagement');
      } else {
        s.rxOff[h] = off + n;
      }
    }
    if (s.rxHead === s.rxBuf.length) {
      s.rxBuf.length = s.rxOff.length = s.rxEnd.length = 0;
      s.rxHead = 0;
    }
    s.rxBytes -= got;
    if (got > 0) {
      const tr = this.sim.trace;
      if (tr.enabled) tr.record(this.sim.now, tr.current, LAYER.osm, LAYER.app, TRACE_KIND.copy, got, 0, this.cpuId);
      this.work.op('copy', 1, got);
      this.counters.copies += 1;
      this.counters.bytesCopied += got;
    }
    return got;
  }

  /** RECVFROM_DATA: one datagram in `buffers` (their lengths say how much) from `from`. */
  receivedDatagram(s: OsmSocket | undefined, from: SockAddr, buffers: readonly DmaBuffer[]): void {
    const idx: number[] = [];
    const lengths: number[] = [];
    let length = 0;
    for (const b of buffers) {
      const i = this.returned(s, b);
      if (i < 0) continue;
      idx.push(i);
      lengths.push(b.length);
      length += b.length;
    }
    if (s === undefined || s.released) {
      for (const i of idx) this.rx.give(i);
      return;
    }
    s.datagrams.push({ buffers: idx, lengths, length, from: { ...from } });
  }

  /**
   * The one copy of a datagram receive: the oldest datagram into `into` (a
   * short buffer truncates it, as MSG_TRUNC reports); its buffers go back to the pool.
   */
  copyOutDatagram(s: OsmSocket, into: Uint8Array): Received {
    const d = s.datagrams.shift()!;
    const size = this.rx.bufferBytes;
    let got = 0;
    for (let k = 0; k < d.buffers.length; k++) {
      const i = d.buffers[k]!;
      const n = Math.min(d.lengths[k]!, into.length - got);
      if (n > 0) into.set(this.rx.memory.subarray(i * size, i * size + n), got);
      got += n;
      this.rx.give(i);
      this.work.op('osmMemoryManagement');
    }
    const tr = this.sim.trace;
    if (tr.enabled) tr.record(this.sim.now, tr.current, LAYER.osm, LAYER.app, TRACE_KIND.copy, got, 0, this.cpuId);
    this.work.op('copy', 1, got);
    this.counters.copies += 1;
    this.counters.bytesCopied += got;
    return { bytes: got, length: d.length, from: { ...d.from } };
  }

  /** Unread data of a closed socket goes back to the pool. */
  discard(s: OsmSocket): void {
    for (const d of s.datagrams) for (const i of d.buffers) this.rx.give(i);
    s.datagrams.length = 0;
    for (let h = s.rxHead; h < s.rxBuf.length; h++) this.rx.give(s.rxBuf[h]!);
    s.rxBuf.length = s.rxOff.length = s.rxEnd.length = 0;
    s.rxHead = 0;
    s.rxBytes = 0;
  }

  /** The card's close completed: every buffer still lent to it is ours again. */
  reclaim(s: OsmSocket): void {
    for (const i of s.lent) this.rx.give(i);
    s.lent.length = 0;
    this.rxStarved.delete(s);
    this.receivers.delete(s);
  }

  // ------------------------------------------------------------ HostMemory (the DMA engine's view)

  read(address: number, length: number): Uint8Array | null {
    const p = this.poolOf(address);
    if (p === null) return null;
    const off = address - p.base;
    return p.memory.subarray(off, off + length);
  }

  write(address: number, bytes: Uint8Array): boolean {
    const p = this.poolOf(address);
    if (p === null) return false;
    p.memory.set(bytes, address - p.base);
    return true;
  }

  private poolOf(address: number): DmaPool | null {
    if (address >= this.tx.base && address < this.tx.base + this.tx.memory.length) return this.tx;
    if (address >= this.rx.base && address < this.rx.base + this.rx.memory.length) return this.rx;
    return null;
  }
}
