import { describe, expect, it } from 'vitest';
import type { Nanos } from '../../sim/units';
import { micros, millis } from '../../sim/units';
import { seq } from '../wire/seq';
import type { TcpConfig } from './config';
import { TcpConnection } from './connection';
import { recvNothing, recvSeg, sendSeg } from './testing/helpers';
import { Loopback } from './testing/loopback';
import { lseq, pattern, rseq, seg } from './testing/segments';
import { establishedSocket } from './testing/sockets';

const t0 = 0 as Nanos;
const delayed = { config: { delayedAck: true } };

describe('quick-ACK mode at the start of a connection (Linux tcp_incr_quickack; RFC 1122 4.2.3.2 allows ACKing sooner)', () => {
  it('ACKs each of the first 16 data segments at once, then delays', () => {
    const s = establishedSocket(delayed);
    for (let i = 0; i < 16; i++) {
      sendSeg(s, seg({ seq: rseq(100 * i), payload: pattern(100) }), i);
      expect(recvSeg(s, i).ack).toBe(rseq(100 * (i + 1)));
    }
    sendSeg(s, seg({ seq: rseq(1600), payload: pattern(100) }), 16);
    recvNothing(s, 16);
    expect(s.pollAt()).toBe(16 + millis(40));
  });

  it('grants no more quick ACKs than rcv_wnd / (2 * rcv_mss), at least 2', () => {
    const s = establishedSocket({ config: { delayedAck: true, rcvBuf: 2000 } });
    for (let i = 0; i < 2; i++) {
      sendSeg(s, seg({ seq: rseq(100 * i), payload: pattern(100) }));
      expect(recvSeg(s).ack).toBe(rseq(100 * (i + 1)));
    }
    sendSeg(s, seg({ seq: rseq(200), payload: pattern(100) }));
    recvNothing(s);
  });

  it('quickAcks: 0 turns the mode off', () => {
    const s = establishedSocket({ config: { delayedAck: true, quickAcks: 0 } });
    sendSeg(s, seg({ payload: pattern(100) }));
    recvNothing(s);
  });

  it('a retransmitted segment we already hold re-enters quick-ACK mode (Linux tcp_data_queue)', () => {
    const s = establishedSocket({ config: { delayedAck: true, quickAcks: 2 } });
    for (let i = 0; i < 2; i++) {
      sendSeg(s, seg({ seq: rseq(100 * i), payload: pattern(100) }));
      recvSeg(s);
    }
    sendSeg(s, seg({ seq: rseq(200), payload: pattern(100) }));
    recvNothing(s);
    sendSeg(s, seg({ seq: rseq(200), payload: pattern(100) }));
    expect(recvSeg(s).ack).toBe(rseq(300));
    sendSeg(s, seg({ seq: rseq(300), payload: pattern(100) }));
    expect(recvSeg(s).ack).toBe(rseq(400));
  });

  it('data after an idle gap longer than the RTO is ACKed at once again', () => {
    const s = establishedSocket({ config: { delayedAck: true, quickAcks: 1 } });
    sendSeg(s, seg({ payload: pattern(100) }));
    recvSeg(s);
    sendSeg(s, seg({ seq: rseq(100), payload: pattern(100) }), millis(1));
    recvNothing(s, millis(1));
    recvSeg(s, millis(41));
    sendSeg(s, seg({ seq: rseq(200), payload: pattern(100) }), millis(1500));
    expect(recvSeg(s, millis(1500)).ack).toBe(rseq(300));
  });
});

describe('ping-pong mode (Linux tcp_event_data_sent)', () => {
  it('a reply sent within the delayed-ACK timeout suspends quick ACKs so ACKs ride on replies', () => {
    const s = establishedSocket(delayed);
    sendSeg(s, seg({ payload: pattern(100) }));
    expect(recvSeg(s).payload.length).toBe(0);
    s.send(pattern(50), micros(10));
    expect(recvSeg(s, micros(10)).payload.length).toBe(50);
    sendSeg(s, seg({ seq: rseq(100), ack: lseq(50), payload: pattern(100) }), micros(20));
    recvNothing(s, micros(20));
    s.send(pattern(50), micros(30));
    const reply = recvSeg(s, micros(30));
    expect(reply.payload.length).toBe(50);
    expect(reply.ack).toBe(rseq(200));
  });

  it('a delayed-ACK timer that fires ends ping-pong mode', () => {
    const s = establishedSocket(delayed);
    sendSeg(s, seg({ payload: pattern(100) }));
    recvSeg(s);
    s.send(pattern(50), micros(10));
    recvSeg(s, micros(10));
    sendSeg(s, seg({ seq: rseq(100), ack: lseq(50), payload: pattern(100) }), micros(20));
    recvNothing(s, micros(20));
    expect(s.tcb.pingpong).toBe(true);
    recvSeg(s, micros(20) + millis(40));
    expect(s.tcb.pingpong).toBe(false);
    sendSeg(s, seg({ seq: rseq(200), ack: lseq(50), payload: pattern(100) }), millis(50));
    expect(recvSeg(s, millis(50)).ack).toBe(rseq(300));
  });
});

describe('reading pushed short data (Linux tcp_cleanup_rbuf)', () => {
  it('sends the pending ACK once the application has read the queue empty', () => {
    const s = establishedSocket({ config: { delayedAck: true, quickAcks: 0 } });
    sendSeg(s, seg({ payload: pattern(64) }));
    recvNothing(s);
    const buf = new Uint8Array(32);
    expect(s.recv(buf, t0)).toBe(32);
    recvNothing(s);
    expect(s.recv(buf, t0)).toBe(32);
    expect(recvSeg(s).ack).toBe(rseq(64));
  });

  it('does not hurry a full-sized segment', () => {
    const s = establishedSocket({ config: { delayedAck: true, quickAcks: 0 } });
    sendSeg(s, seg({ payload: pattern(1460) }));
    expect(s.recv(new Uint8Array(2000), t0)).toBe(1460);
    recvNothing(s);
  });
});

/**
 * A sender writing 64-byte messages with Nagle on as fast as its send buffer
 * takes them, a receiver reading as data arrives, 50 us each way. Returns the
 * sender's data segments in each 40 ms delayed-ACK period and the bytes read.
 */
function smallMessages(sndBuf: number, receiver: TcpConfig): { segments: number[]; bytes: number } {
  const client = new TcpConnection({ config: { sndBuf }, local: { addr: 1, port: 40000 }, iss: seq(1000) });
  const listener = new TcpConnection({ config: receiver, local: { addr: 2, port: 80 }, iss: seq(0), nextIss: () => seq(5000) });
  listener.listen();
  client.connect({ addr: 2, port: 80 }, t0);
  const segments: number[] = [0, 0, 0, 0, 0, 0];
  const lb = new Loopback(client, listener, {
    delay: micros(50),
    drop: (s, from) => {
      if (from === 0 && s.payload.length > 0) segments[Math.floor(lb.now / millis(40))]! += 1;
      return false;
    },
  });
  const msg = pattern(64);
  const buf = new Uint8Array(4096);
  let bytes = 0;
  lb.run(millis(200), (now) => {
    const [c, s] = lb.ends;
    if (c.state === 'ESTABLISHED') while (c.sendSpace >= 64) c.send(msg, now as Nanos);
    if (s !== listener) for (let n = s.recv(buf, now as Nanos); n > 0; n = s.recv(buf, now as Nanos)) bytes += n;
  });
  return { segments: segments.slice(0, 5), bytes };
}

describe('64-byte messages with Nagle on are not paced by the 40 ms delayed-ACK timer', () => {
  it('a 256-byte send buffer (never a full segment) moves hundreds of segments per 40 ms', () => {
    // The receiver ACKs pushed short data as soon as it is read: one segment
    // per 100 us round trip, ~400 per period rather than one per timeout.
    const r = smallMessages(256, { quickAcks: 0 });
    for (const n of r.segments) expect(n).toBeGreaterThan(300);
    expect(r.bytes).toBeGreaterThan(400_000);
  });

  it('a 2000-byte send buffer: the short tail beside a full segment is not held (Minshall)', () => {
    // Classic Nagle would hold the tail behind the odd full segment, whose ACK
    // the receiver delays by 40 ms; Minshall's rule only waits for the short one.
    const r = smallMessages(2000, { quickAcks: 0 });
    for (const n of r.segments) expect(n).toBeGreaterThan(300);
    expect(r.bytes).toBeGreaterThan(2_000_000);
  });

  it('with quick-ACK mode on as well (the default)', () => {
    const r = smallMessages(2000, {});
    for (const n of r.segments) expect(n).toBeGreaterThan(300);
  });
});
