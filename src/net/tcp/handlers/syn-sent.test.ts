import { describe, expect, it } from 'vitest';
import type { Nanos } from '../../../sim/units';
import { millis, seconds } from '../../../sim/units';
import { seq, seqAdd } from '../../wire/seq';
import { TCP_ACK, TCP_RST, TCP_SYN } from '../../wire/types';
import { recvAll, recvNothing, recvSeg, sendSeg } from '../testing/helpers';
import { LOCAL_ISS, REMOTE, REMOTE_ISS, lseq, rseq, rstSeg, seg, synAckSeg, synSeg } from '../testing/segments';
import { newSocket, synSentSocket } from '../testing/sockets';

describe('SYN-SENT', () => {
  it('connect() sends <SEQ=ISS><CTL=SYN> with the MSS option', () => {
    const s = newSocket();
    s.connect(REMOTE, 0 as Nanos);
    expect(s.state).toBe('SYN-SENT');
    const syn = recvSeg(s);
    expect(syn.flags).toBe(TCP_SYN);
    expect(syn.seq).toBe(LOCAL_ISS);
    expect(syn.options.mss).toBe(1460);
    expect(syn.options.windowScale).toBeUndefined();
    recvNothing(s);
  });

  it('a SYN-ACK acknowledging our SYN completes the handshake with an ACK', () => {
    const s = synSentSocket();
    sendSeg(s, synAckSeg());
    expect(s.state).toBe('ESTABLISHED');
    const ack = recvSeg(s);
    expect(ack.flags).toBe(TCP_ACK);
    expect(ack.seq).toBe(lseq(0));
    expect(ack.ack).toBe(rseq(0));
  });

  it('an ACK outside (ISS, SND.NXT] earns <SEQ=SEG.ACK><CTL=RST> and is otherwise ignored', () => {
    const s = synSentSocket();
    sendSeg(s, synAckSeg({ ack: seq(5) }));
    const r = recvSeg(s);
    expect(r.flags).toBe(TCP_RST);
    expect(r.seq).toBe(5);
    expect(s.state).toBe('SYN-SENT');
    sendSeg(s, synAckSeg({ ack: LOCAL_ISS }));
    expect(recvSeg(s).seq).toBe(LOCAL_ISS);
    expect(s.state).toBe('SYN-SENT');
  });

  it('a reset acknowledging the SYN refuses the connection with ECONNREFUSED', () => {
    const s = synSentSocket();
    sendSeg(s, rstSeg({ flags: TCP_RST | TCP_ACK, ack: lseq(0), seq: seq(0) }));
    expect(s.state).toBe('CLOSED');
    expect(s.error).toBe('ECONNREFUSED');
    recvNothing(s);
  });

  it('a reset without ACK is ignored', () => {
    const s = synSentSocket();
    sendSeg(s, rstSeg({ seq: REMOTE_ISS }));
    expect(s.state).toBe('SYN-SENT');
    expect(s.error).toBeNull();
  });

  it('simultaneous open: a bare SYN leads to SYN-RECEIVED, a SYN-ACK, then ESTABLISHED', () => {
    const s = synSentSocket();
    sendSeg(s, synSeg());
    expect(s.state).toBe('SYN-RECEIVED');
    const sa = recvSeg(s);
    expect(sa.flags).toBe(TCP_SYN | TCP_ACK);
    expect(sa.seq).toBe(LOCAL_ISS);
    expect(sa.ack).toBe(seqAdd(REMOTE_ISS, 1));
    // The peer, also in SYN-RECEIVED, sends its SYN-ACK; its ACK completes ours
    // (RFC 9293 Figure 8) and nothing more needs to be said.
    sendSeg(s, synAckSeg());
    expect(s.state).toBe('ESTABLISHED');
    recvNothing(s);
    sendSeg(s, seg());
    expect(s.state).toBe('ESTABLISHED');
    recvNothing(s);
  });

  it('simultaneous open then a reset in SYN-RECEIVED gives ECONNREFUSED', () => {
    const s = synSentSocket();
    sendSeg(s, synSeg());
    recvSeg(s);
    sendSeg(s, rstSeg({ seq: rseq(0) }));
    expect(s.state).toBe('CLOSED');
    expect(s.error).toBe('ECONNREFUSED');
  });

  it('retransmits the SYN with a doubling timeout, then fails with ETIMEDOUT after maxRetries', () => {
    const s = synSentSocket({ config: { maxRetries: 3, rtoInitial: seconds(1) } });
    expect(s.pollAt()).toBe(seconds(1));
    const times: number[] = [];
    let t = 0;
    for (let i = 0; i < 3; i++) {
      t = s.pollAt();
      const syn = recvSeg(s, t);
      expect(syn.flags).toBe(TCP_SYN);
      expect(syn.seq).toBe(LOCAL_ISS);
      times.push(t);
    }
    expect(times).toEqual([seconds(1), seconds(3), seconds(7)]);
    t = s.pollAt();
    expect(t).toBe(seconds(15));
    expect(recvAll(s, t)).toEqual([]);
    expect(s.state).toBe('CLOSED');
    expect(s.error).toBe('ETIMEDOUT');
    expect(s.pollAt()).toBe(Infinity);
  });

  it('after a retransmitted SYN the initial window is one segment (RFC 5681 3.1)', () => {
    const s = synSentSocket({ config: { nodelay: true } });
    recvSeg(s, seconds(1));
    sendSeg(s, synAckSeg(), seconds(1) + millis(1));
    expect(s.cwnd).toBe(1460);
    const fresh = synSentSocket();
    sendSeg(fresh, synAckSeg());
    expect(fresh.cwnd).toBe(14600);
  });
});
