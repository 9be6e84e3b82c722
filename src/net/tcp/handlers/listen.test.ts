import { describe, expect, it } from 'vitest';
import type { Nanos } from '../../../sim/units';
import { seq, seqAdd } from '../../wire/seq';
import { TCP_ACK, TCP_RST, TCP_SYN } from '../../wire/types';
import { recvNothing, recvSeg, sendSeg } from '../testing/helpers';
import { LOCAL_ISS, REMOTE, REMOTE_ISS, rstSeg, seg, synSeg } from '../testing/segments';
import { listenSocket } from '../testing/sockets';

describe('LISTEN', () => {
  it('ignores a reset', () => {
    const l = listenSocket();
    expect(sendSeg(l, rstSeg())).toBeNull();
    recvNothing(l);
    expect(l.state).toBe('LISTEN');
  });

  it('answers any ACK with <SEQ=SEG.ACK><CTL=RST> and stays listening', () => {
    const l = listenSocket();
    sendSeg(l, seg({ ack: seq(777) }));
    const r = recvSeg(l);
    expect(r.flags).toBe(TCP_RST);
    expect(r.seq).toBe(777);
    expect(l.state).toBe('LISTEN');
  });

  it('creates a child in SYN-RECEIVED that sends <SEQ=ISS><ACK=RCV.NXT><CTL=SYN,ACK>', () => {
    const l = listenSocket();
    const child = sendSeg(l, synSeg());
    expect(child).not.toBeNull();
    expect(child!.state).toBe('SYN-RECEIVED');
    expect(l.state).toBe('LISTEN');
    const sa = recvSeg(child!);
    expect(sa.flags).toBe(TCP_SYN | TCP_ACK);
    expect(sa.ack).toBe(seqAdd(REMOTE_ISS, 1));
    expect(sa.options.mss).toBe(1460);
    recvNothing(l);
  });

  it('gives each child the ISS the stack supplies', () => {
    const isses = [seq(111), seq(222)];
    const l = listenSocket({ nextIss: () => isses.shift()! });
    const a = sendSeg(l, synSeg())!;
    const b = l.process(synSeg({ srcPort: 5000 }), 0 as Nanos, { addr: REMOTE.addr, port: 5000 })!;
    expect(recvSeg(a).seq).toBe(111);
    const sb = recvSeg(b);
    expect(sb.seq).toBe(222);
    expect(sb.dstPort).toBe(5000);
    expect(sb.seq).not.toBe(LOCAL_ISS);
  });

  it('drops a segment with neither SYN, ACK nor RST', () => {
    const l = listenSocket();
    expect(sendSeg(l, seg({ flags: 0 }))).toBeNull();
    recvNothing(l);
  });
});
