import { describe, expect, it } from 'vitest';
import type { Nanos } from '../../../sim/units';
import { seconds } from '../../../sim/units';
import { TCP_ACK, TCP_FIN, TCP_RST } from '../../wire/types';
import { recvNothing, recvSeg, sendSeg } from '../testing/helpers';
import { finSeg, lseq, pattern, rseq, rstSeg, seg } from '../testing/segments';
import {
  closeWaitSocket, closingSocket, establishedSocket, finWait1Socket, finWait2Socket, lastAckSocket, timeWaitSocket,
} from '../testing/sockets';

const t0 = 0 as Nanos;

describe('FIN-WAIT-1', () => {
  it('the FIN follows queued data in sequence space', () => {
    const s = establishedSocket({ config: { nodelay: true } });
    s.send(pattern(100), t0);
    s.close(t0);
    const d = recvSeg(s);
    expect(d.payload.length).toBe(100);
    expect(d.flags & TCP_FIN).toBe(TCP_FIN);
    expect(s.state).toBe('FIN-WAIT-1');
    sendSeg(s, seg({ ack: lseq(101) }));
    expect(s.state).toBe('FIN-WAIT-2');
  });

  it('moves to FIN-WAIT-2 when the FIN is acknowledged', () => {
    const s = finWait1Socket();
    sendSeg(s, seg({ ack: lseq(1) }));
    expect(s.state).toBe('FIN-WAIT-2');
    recvNothing(s);
  });

  it('stays in FIN-WAIT-1 on an ACK that does not cover the FIN', () => {
    const s = finWait1Socket();
    sendSeg(s, seg({ ack: lseq(0) }));
    expect(s.state).toBe('FIN-WAIT-1');
  });

  it('a FIN with an ACK of our FIN goes straight to TIME-WAIT', () => {
    const s = finWait1Socket();
    sendSeg(s, finSeg({ ack: lseq(1) }));
    expect(s.state).toBe('TIME-WAIT');
    expect(recvSeg(s).ack).toBe(rseq(1));
  });

  it('retransmits the FIN when it is not acknowledged', () => {
    const s = finWait1Socket();
    const at = s.pollAt();
    const fin = recvSeg(s, at);
    expect(fin.flags).toBe(TCP_FIN | TCP_ACK);
    expect(fin.seq).toBe(lseq(0));
  });

  it('still accepts data from the peer', () => {
    const s = finWait1Socket();
    sendSeg(s, seg({ ack: lseq(0), payload: pattern(10) }));
    expect(s.recvAvailable).toBe(10);
    expect(recvSeg(s).ack).toBe(rseq(10));
  });

  it('send() is refused once the FIN is queued', () => {
    const s = finWait1Socket();
    expect(s.send(pattern(10), t0)).toBe(0);
    expect(s.isWritable).toBe(false);
  });
});

describe('FIN-WAIT-2', () => {
  it('accepts data and reports EOF after the peer FIN', () => {
    const s = finWait2Socket();
    sendSeg(s, seg({ ack: lseq(1), payload: pattern(20) }));
    expect(recvSeg(s).ack).toBe(rseq(20));
    sendSeg(s, finSeg({ seq: rseq(20), ack: lseq(1) }));
    expect(s.state).toBe('TIME-WAIT');
    expect(recvSeg(s).ack).toBe(rseq(21));
    const buf = new Uint8Array(100);
    expect(s.recv(buf, t0)).toBe(20);
    expect(s.recv(buf, t0)).toBe(-1);
    expect(s.isEof).toBe(true);
  });

  it('a reset at RCV.NXT gives ECONNRESET', () => {
    const s = finWait2Socket();
    sendSeg(s, rstSeg({ seq: rseq(0) }));
    expect(s.error).toBe('ECONNRESET');
  });
});

describe('CLOSE-WAIT', () => {
  it('reads return the data then -1 (EOF)', () => {
    const s = establishedSocket();
    sendSeg(s, finSeg({ payload: pattern(5) }));
    expect(s.state).toBe('CLOSE-WAIT');
    expect(recvSeg(s).ack).toBe(rseq(6));
    const buf = new Uint8Array(10);
    expect(s.recv(buf, t0)).toBe(5);
    expect(s.recv(buf, t0)).toBe(-1);
  });

  it('may still send data (half-close)', () => {
    const s = closeWaitSocket();
    expect(s.send(pattern(100), t0)).toBe(100);
    expect(recvSeg(s).payload.length).toBe(100);
  });

  it('ignores further text from the peer', () => {
    const s = closeWaitSocket();
    sendSeg(s, seg({ seq: rseq(1), payload: pattern(10) }));
    expect(s.recvAvailable).toBe(0);
  });

  it('close() sends the FIN and moves to LAST-ACK', () => {
    const s = closeWaitSocket();
    s.close(t0);
    expect(s.state).toBe('LAST-ACK');
    const fin = recvSeg(s);
    expect(fin.flags).toBe(TCP_FIN | TCP_ACK);
    expect(fin.seq).toBe(lseq(0));
  });
});

describe('LAST-ACK', () => {
  it('the ACK of our FIN closes the connection without error', () => {
    const s = lastAckSocket();
    sendSeg(s, seg({ seq: rseq(1), ack: lseq(1) }));
    expect(s.state).toBe('CLOSED');
    expect(s.error).toBeNull();
    expect(s.pollAt()).toBe(Infinity);
  });

  it('a reset closes it without error', () => {
    const s = lastAckSocket();
    sendSeg(s, rstSeg({ seq: rseq(1) }));
    expect(s.state).toBe('CLOSED');
    expect(s.error).toBeNull();
  });
});

describe('CLOSING (simultaneous close)', () => {
  it('the ACK of our FIN moves to TIME-WAIT', () => {
    const s = closingSocket();
    sendSeg(s, seg({ seq: rseq(1), ack: lseq(1) }));
    expect(s.state).toBe('TIME-WAIT');
  });

  it('two endpoints closing at once both pass through CLOSING to TIME-WAIT', () => {
    const s = finWait1Socket();
    // The peer's FIN crossed ours: it does not acknowledge our FIN yet.
    sendSeg(s, finSeg({ ack: lseq(0) }));
    expect(s.state).toBe('CLOSING');
    expect(recvSeg(s).ack).toBe(rseq(1));
    sendSeg(s, seg({ seq: rseq(1), ack: lseq(1) }));
    expect(s.state).toBe('TIME-WAIT');
  });
});

describe('TIME-WAIT', () => {
  it('closes after 2*MSL', () => {
    const s = timeWaitSocket({ config: { msl: seconds(30) } });
    expect(s.pollAt()).toBe(seconds(60));
    recvNothing(s, seconds(60) - 1);
    expect(s.state).toBe('TIME-WAIT');
    recvNothing(s, seconds(60));
    expect(s.state).toBe('CLOSED');
    expect(s.pollAt()).toBe(Infinity);
  });

  it('acknowledges a retransmitted FIN and restarts the 2*MSL timer', () => {
    const s = timeWaitSocket({ config: { msl: seconds(1) } });
    sendSeg(s, finSeg({ ack: lseq(1) }), seconds(1));
    const a = recvSeg(s, seconds(1));
    expect(a.ack).toBe(rseq(1));
    expect(s.pollAt()).toBe(seconds(3));
  });

  it('a reset closes it', () => {
    const s = timeWaitSocket();
    sendSeg(s, rstSeg({ seq: rseq(1) }));
    expect(s.state).toBe('CLOSED');
  });
});

describe('CLOSED', () => {
  it('answers a segment with a reset (RFC 9293 3.10.7.1)', () => {
    const s = lastAckSocket();
    sendSeg(s, seg({ seq: rseq(1), ack: lseq(1) }));
    sendSeg(s, seg({ seq: rseq(1), ack: lseq(7), payload: pattern(3) }));
    const r = recvSeg(s);
    expect(r.flags).toBe(TCP_RST);
    expect(r.seq).toBe(lseq(7));
  });

  it('answers a segment without ACK with <SEQ=0><ACK=SEG.SEQ+SEG.LEN><CTL=RST,ACK>', () => {
    const s = lastAckSocket();
    sendSeg(s, seg({ seq: rseq(1), ack: lseq(1) }));
    sendSeg(s, seg({ flags: 0, seq: rseq(1), payload: pattern(3) }));
    const r = recvSeg(s);
    expect(r.flags).toBe(TCP_RST | TCP_ACK);
    expect(r.seq).toBe(0);
    expect(r.ack).toBe(rseq(4));
  });
});
