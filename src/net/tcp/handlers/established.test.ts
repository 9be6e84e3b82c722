import { describe, expect, it } from 'vitest';
import type { Nanos } from '../../../sim/units';
import { millis } from '../../../sim/units';
import { seq, seqAdd } from '../../wire/seq';
import { TCP_ACK, TCP_PSH, TCP_RST, TCP_SYN } from '../../wire/types';
import { recvAll, recvNothing, recvSeg, sendSeg } from '../testing/helpers';
import { lseq, pattern, rseq, rstSeg, seg } from '../testing/segments';
import { establishedSocket } from '../testing/sockets';

const t0 = 0 as Nanos;

describe('ESTABLISHED: receiving', () => {
  it('delivers in-order data and acknowledges it', () => {
    const s = establishedSocket();
    sendSeg(s, seg({ payload: pattern(500) }));
    const a = recvSeg(s);
    expect(a.ack).toBe(rseq(500));
    const buf = new Uint8Array(1000);
    expect(s.recv(buf, t0)).toBe(500);
    expect(buf.subarray(0, 500)).toEqual(pattern(500));
    expect(s.recv(buf, t0)).toBe(0);
  });

  it('answers a segment outside the window with an ACK and drops it', () => {
    const s = establishedSocket();
    sendSeg(s, seg({ seq: rseq(200_000), payload: pattern(10) }));
    const a = recvSeg(s);
    expect(a.ack).toBe(rseq(0));
    expect(s.recvAvailable).toBe(0);
    expect(s.counters.segmentsRejected).toBe(1);
  });

  it('acknowledges an old duplicate without delivering it twice', () => {
    const s = establishedSocket();
    sendSeg(s, seg({ payload: pattern(100) }));
    recvSeg(s);
    sendSeg(s, seg({ payload: pattern(100) }));
    expect(recvSeg(s).ack).toBe(rseq(100));
    expect(s.recvAvailable).toBe(100);
  });

  it('trims a segment that starts before RCV.NXT and keeps only the new bytes', () => {
    const s = establishedSocket();
    sendSeg(s, seg({ payload: pattern(100) }));
    recvSeg(s);
    sendSeg(s, seg({ payload: pattern(300) }));
    expect(recvSeg(s).ack).toBe(rseq(300));
    const buf = new Uint8Array(300);
    expect(s.recv(buf, t0)).toBe(300);
    expect(buf).toEqual(pattern(300));
  });

  it('trims data beyond the receive buffer (RFC 9293 3.10.7.4)', () => {
    const s = establishedSocket({ config: { rcvBuf: 1000 } });
    sendSeg(s, seg({ payload: pattern(1400) }));
    const a = recvSeg(s);
    expect(a.ack).toBe(rseq(1000));
    expect(a.window).toBe(0);
    expect(s.recvAvailable).toBe(1000);
  });

  it('an ACK for data never sent earns an ACK and the segment is dropped', () => {
    const s = establishedSocket();
    sendSeg(s, seg({ ack: lseq(5000), payload: pattern(10) }));
    const a = recvSeg(s);
    expect(a.ack).toBe(rseq(0));
    expect(s.recvAvailable).toBe(0);
  });

  it('holds out-of-order data, ACKs at once, and delivers it when the hole fills', () => {
    const s = establishedSocket({ config: { delayedAck: true } });
    sendSeg(s, seg({ seq: rseq(1000), payload: pattern(1000, 1000) }));
    expect(recvSeg(s).ack).toBe(rseq(0));
    sendSeg(s, seg({ payload: pattern(1000) }));
    // RFC 5681 4.2: a segment that fills a hole is acknowledged immediately.
    expect(recvSeg(s).ack).toBe(rseq(2000));
    const buf = new Uint8Array(2000);
    expect(s.recv(buf, t0)).toBe(2000);
    expect(buf).toEqual(pattern(2000));
  });
});

describe('ESTABLISHED: delayed ACK (RFC 1122 4.2.3.2)', () => {
  it('delays the ACK of one segment until the timeout', () => {
    const s = establishedSocket({ config: { delayedAck: true, quickAcks: 0, delayedAckTimeout: millis(40) } });
    sendSeg(s, seg({ payload: pattern(1460) }), millis(1));
    recvNothing(s, millis(1));
    expect(s.pollAt()).toBe(millis(41));
    expect(recvSeg(s, millis(41)).ack).toBe(rseq(1460));
  });

  it('acknowledges at least every second full-sized segment at once', () => {
    const s = establishedSocket({ config: { delayedAck: true, quickAcks: 0 } });
    sendSeg(s, seg({ payload: pattern(1460) }));
    recvNothing(s);
    sendSeg(s, seg({ seq: rseq(1460), payload: pattern(1460) }));
    expect(recvSeg(s).ack).toBe(rseq(2920));
    expect(s.pollAt()).toBe(Infinity);
  });

  it('with timestamps, a full-sized segment is MSS - 12 bytes and every second one is ACKed', () => {
    const ts = { timestamps: { tsVal: 1, tsEcr: 0 } };
    const s = establishedSocket({ config: { delayedAck: true, quickAcks: 0, timestamps: true }, peerOptions: { mss: 1460, ...ts } });
    sendSeg(s, seg({ payload: pattern(1448), options: ts }));
    recvNothing(s);
    sendSeg(s, seg({ seq: rseq(1448), payload: pattern(1448), options: ts }));
    expect(recvSeg(s).ack).toBe(rseq(2896));
  });

  it('piggybacks the pending ACK on data', () => {
    const s = establishedSocket({ config: { delayedAck: true } });
    sendSeg(s, seg({ payload: pattern(100) }));
    s.send(pattern(50), t0);
    const d = recvSeg(s);
    expect(d.payload.length).toBe(50);
    expect(d.ack).toBe(rseq(100));
    expect(s.pollAt()).toBeGreaterThan(millis(100));
  });
});

describe('ESTABLISHED: resets and SYNs (RFC 5961)', () => {
  it('a reset at exactly RCV.NXT aborts with ECONNRESET', () => {
    const s = establishedSocket();
    sendSeg(s, rstSeg({ seq: rseq(0) }));
    expect(s.state).toBe('CLOSED');
    expect(s.error).toBe('ECONNRESET');
    expect(s.isReadable).toBe(true);
  });

  it('a reset elsewhere in the window earns a challenge ACK', () => {
    const s = establishedSocket();
    sendSeg(s, rstSeg({ seq: rseq(100) }));
    expect(s.state).toBe('ESTABLISHED');
    const a = recvSeg(s);
    expect(a.flags).toBe(TCP_ACK);
    expect(a.ack).toBe(rseq(0));
    expect(s.counters.challengeAcks).toBe(1);
  });

  it('a reset outside the window is ignored silently', () => {
    const s = establishedSocket();
    sendSeg(s, rstSeg({ seq: rseq(1_000_000) }));
    expect(s.state).toBe('ESTABLISHED');
    recvNothing(s);
  });

  it('a SYN in the window earns a challenge ACK and nothing else', () => {
    const s = establishedSocket();
    sendSeg(s, seg({ flags: TCP_SYN, seq: rseq(10) }));
    expect(s.state).toBe('ESTABLISHED');
    expect(recvSeg(s).flags).toBe(TCP_ACK);
  });

  it('an ACK older than SND.UNA - MAX.SND.WND is answered and the segment dropped (RFC 5961 5.2)', () => {
    const s = establishedSocket({ peerWindow: 1000 });
    sendSeg(s, seg({ ack: seqAdd(lseq(0), -5000), payload: pattern(10) }));
    expect(s.recvAvailable).toBe(0);
    expect(recvSeg(s).ack).toBe(rseq(0));
  });

  it('abort() sends <SEQ=SND.NXT><CTL=RST> and closes', () => {
    const s = establishedSocket();
    s.abort(t0);
    const r = recvSeg(s);
    expect(r.flags & TCP_RST).toBe(TCP_RST);
    expect(r.seq).toBe(lseq(0));
    expect(s.state).toBe('CLOSED');
  });

  it('close() with unread data resets the connection (RFC 2525 2.17)', () => {
    const s = establishedSocket();
    sendSeg(s, seg({ payload: pattern(10) }));
    recvSeg(s);
    s.close(t0);
    expect(recvSeg(s).flags & TCP_RST).toBe(TCP_RST);
  });
});

describe('ESTABLISHED: sending', () => {
  it('segments data at the MSS; the short tail goes when no short segment is unacknowledged (Minshall)', () => {
    const s = establishedSocket();
    expect(s.send(pattern(3000), t0)).toBe(3000);
    const out = recvAll(s);
    expect(out.map((x) => x.payload.length)).toEqual([1460, 1460, 80]);
    expect(out[0]!.seq).toBe(lseq(0));
    expect(out[1]!.seq).toBe(lseq(1460));
    expect(out[1]!.payload).toEqual(pattern(1460, 1460));
    expect(out[2]!.flags & TCP_PSH).toBe(TCP_PSH);
  });

  it('Nagle holds a short tail while an earlier short segment is unacknowledged, even if full ones are acked', () => {
    const s = establishedSocket();
    s.send(pattern(100), t0);
    expect(recvSeg(s).payload.length).toBe(100);
    s.send(pattern(3000, 100), t0);
    // Full segments are never held; the 40-byte tail waits for the ACK of the first 100 bytes.
    expect(recvAll(s).map((x) => x.payload.length)).toEqual([1460, 1460]);
    sendSeg(s, seg({ ack: lseq(50) }));
    recvNothing(s);
    sendSeg(s, seg({ ack: lseq(100) }));
    const tail = recvSeg(s);
    expect(tail.seq).toBe(lseq(3020));
    expect(tail.payload.length).toBe(80);
  });

  it('with TCP_NODELAY sends a small segment even with data in flight', () => {
    const s = establishedSocket();
    s.setNoDelay(true);
    s.send(pattern(100), t0);
    recvSeg(s);
    s.send(pattern(100), t0);
    expect(recvSeg(s).payload.length).toBe(100);
  });

  it('without TCP_NODELAY a second small write waits for the ACK', () => {
    const s = establishedSocket();
    s.send(pattern(100), t0);
    recvSeg(s);
    s.send(pattern(100), t0);
    recvNothing(s);
    sendSeg(s, seg({ ack: lseq(100) }));
    expect(recvSeg(s).payload.length).toBe(100);
  });

  it('never sends beyond the peer window', () => {
    const s = establishedSocket({ peerWindow: 2920 });
    s.send(pattern(5000), t0);
    const out = recvAll(s);
    expect(out.reduce((n, x) => n + x.payload.length, 0)).toBe(2920);
  });

  it('sender SWS avoidance: a window-limited sliver under half the max window waits', () => {
    const s = establishedSocket({ peerWindow: 2000 });
    s.send(pattern(5000), t0);
    expect(recvAll(s).map((x) => x.payload.length)).toEqual([1460]);
    // The ACK leaves 2000 bytes of window with nothing in flight: send a full one and
    // the 540-byte rest only once nothing is outstanding.
    sendSeg(s, seg({ ack: lseq(1460), window: 2000 }));
    expect(recvAll(s).map((x) => x.payload.length)).toEqual([1460]);
    sendSeg(s, seg({ ack: lseq(2920), window: 2000 }));
    expect(recvAll(s).map((x) => x.payload.length)).toEqual([1460]);
  });

  it('send() accepts only what fits in the send buffer', () => {
    const s = establishedSocket({ config: { sndBuf: 1000 } });
    expect(s.send(pattern(1500), t0)).toBe(1000);
    expect(s.sendSpace).toBe(0);
    expect(s.send(pattern(10), t0)).toBe(0);
  });

  it('frees send-buffer space as data is acknowledged', () => {
    const s = establishedSocket({ config: { sndBuf: 3000 } });
    s.send(pattern(3000), t0);
    recvAll(s);
    sendSeg(s, seg({ ack: lseq(1460) }));
    expect(s.sendSpace).toBe(1460);
    expect(s.bytesAcked).toBe(1460);
  });
});

describe('ESTABLISHED: zero window and persist (RFC 9293 3.8.6.1)', () => {
  it('probes a zero window with one byte, backing off, until the window opens', () => {
    const s = establishedSocket();
    sendSeg(s, seg({ window: 0 }));
    s.send(pattern(3000), t0);
    recvNothing(s);
    const rto = s.rto;
    expect(s.pollAt()).toBe(rto);
    const p1 = recvSeg(s, rto);
    expect(p1.payload.length).toBe(1);
    expect(p1.seq).toBe(lseq(0));
    // Still closed: the next probe comes after twice the interval.
    sendSeg(s, seg({ window: 0 }), rto + 1);
    expect(s.pollAt()).toBe(rto + 2 * rto);
    const p2 = recvSeg(s, 3 * rto);
    expect(p2.seq).toBe(lseq(0));
    expect(p2.payload.length).toBe(1);
    // The window opens and takes the probe byte: data flows again.
    sendSeg(s, seg({ ack: lseq(1), window: 65535 }), 3 * rto + 1);
    const out = recvAll(s, 3 * rto + 1);
    expect(out[0]!.seq).toBe(lseq(1));
    expect(out.map((x) => x.payload.length)).toEqual([1460, 1460, 79]);
    expect(s.pollAt()).toBe(3 * rto + 1 + s.rto);
  });

  it('advertises a zero window when the buffer is full and updates it once read', () => {
    const s = establishedSocket({ config: { rcvBuf: 4000 } });
    sendSeg(s, seg({ payload: pattern(1460) }));
    recvSeg(s);
    sendSeg(s, seg({ seq: rseq(1460), payload: pattern(1460) }));
    recvSeg(s);
    sendSeg(s, seg({ seq: rseq(2920), payload: pattern(1080) }));
    expect(recvSeg(s).window).toBe(0);
    const buf = new Uint8Array(4000);
    // Receiver SWS avoidance: a small read does not reopen the window.
    expect(s.recv(buf.subarray(0, 100), t0)).toBe(100);
    recvNothing(s);
    expect(s.recv(buf.subarray(0, 1400), t0)).toBe(1400);
    const up = recvSeg(s);
    expect(up.flags).toBe(TCP_ACK);
    expect(up.window).toBe(1500);
  });

  it('processes the ACK of a segment that arrives at a zero window', () => {
    const s = establishedSocket({ config: { rcvBuf: 1000 } });
    sendSeg(s, seg({ payload: pattern(1000) }));
    recvSeg(s);
    s.send(pattern(10), t0);
    recvSeg(s);
    sendSeg(s, seg({ seq: rseq(1000), ack: lseq(10), payload: pattern(1) }));
    expect(s.bytesAcked).toBe(10);
    expect(recvSeg(s).ack).toBe(rseq(1000));
  });
});

describe('ESTABLISHED: sequence wrap-around', () => {
  it('sends and acknowledges across 2^32 when the ISS is near the top', () => {
    const iss = 0xffff_fd00;
    const s = establishedSocket({ iss });
    s.send(pattern(3000), t0);
    const out = recvAll(s);
    expect(out[0]!.seq).toBe(seqAdd(seq(iss), 1));
    expect(out[1]!.seq).toBe(seqAdd(seq(iss), 1461));
    expect(out[1]!.seq).toBeLessThan(iss);
    expect(out[2]!.seq).toBe(seqAdd(seq(iss), 2921));
    sendSeg(s, seg({ ack: seqAdd(seq(iss), 2921) }));
    expect(s.bytesAcked).toBe(2920);
    sendSeg(s, seg({ ack: seqAdd(seq(iss), 3001) }));
    expect(s.bytesAcked).toBe(3000);
    expect(s.pollAt()).toBe(Infinity);
  });
});
