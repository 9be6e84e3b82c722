import { describe, expect, it } from 'vitest';
import { seconds } from '../../../sim/units';
import { seq } from '../../wire/seq';
import { TCP_ACK, TCP_FIN, TCP_RST, TCP_SYN } from '../../wire/types';
import { recvNothing, recvSeg, sendSeg } from '../testing/helpers';
import { LOCAL_ISS, lseq, pattern, rseq, rstSeg, seg, synSeg } from '../testing/segments';
import { synReceivedSocket } from '../testing/sockets';

describe('SYN-RECEIVED', () => {
  it('the ACK of our SYN-ACK moves to ESTABLISHED', () => {
    const s = synReceivedSocket();
    sendSeg(s, seg());
    expect(s.state).toBe('ESTABLISHED');
    recvNothing(s);
  });

  it('the completing ACK may carry data, which is delivered and acknowledged', () => {
    const s = synReceivedSocket();
    sendSeg(s, seg({ payload: pattern(100) }));
    expect(s.state).toBe('ESTABLISHED');
    expect(s.recvAvailable).toBe(100);
    expect(recvSeg(s).ack).toBe(rseq(100));
  });

  it('an unacceptable ACK earns <SEQ=SEG.ACK><CTL=RST>', () => {
    const s = synReceivedSocket();
    sendSeg(s, seg({ ack: lseq(5) }));
    const r = recvSeg(s);
    expect(r.flags).toBe(TCP_RST);
    expect(r.seq).toBe(lseq(5));
    expect(s.state).toBe('SYN-RECEIVED');
  });

  it('a reset at RCV.NXT ends a passively opened child without an error', () => {
    const s = synReceivedSocket();
    sendSeg(s, rstSeg({ seq: rseq(0) }));
    expect(s.state).toBe('CLOSED');
    expect(s.error).toBeNull();
  });

  it('a repeated SYN makes it send the SYN-ACK again', () => {
    const s = synReceivedSocket();
    sendSeg(s, synSeg());
    const sa = recvSeg(s);
    expect(sa.flags).toBe(TCP_SYN | TCP_ACK);
    expect(sa.seq).toBe(LOCAL_ISS);
  });

  it('retransmits the SYN-ACK when its timer expires', () => {
    const s = synReceivedSocket();
    expect(s.pollAt()).toBe(seconds(1));
    const sa = recvSeg(s, seconds(1));
    expect(sa.flags).toBe(TCP_SYN | TCP_ACK);
    expect(s.retransmits).toBe(1);
  });

  it('close() before the handshake completes sends the FIN once established', () => {
    const s = synReceivedSocket();
    s.close(0 as never);
    recvNothing(s);
    sendSeg(s, seg());
    expect(s.state).toBe('FIN-WAIT-1');
    const fin = recvSeg(s);
    expect(fin.flags).toBe(TCP_FIN | TCP_ACK);
    expect(fin.seq).toBe(lseq(0));
  });

  it('a segment outside the window earns an ACK and changes nothing', () => {
    const s = synReceivedSocket();
    sendSeg(s, seg({ seq: seq(12345), payload: pattern(10) }));
    const a = recvSeg(s);
    expect(a.flags).toBe(TCP_ACK);
    expect(s.state).toBe('SYN-RECEIVED');
  });
});
