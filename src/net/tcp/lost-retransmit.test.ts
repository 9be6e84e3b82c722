import { describe, expect, it } from 'vitest';
import type { Nanos } from '../../sim/units';
import { seqAdd, seq } from '../wire/seq';
import type { TcpSackBlock } from '../wire/types';
import { runTransfer } from './testing/transfer';
import { recvAll, recvSeg, sendSeg } from './testing/helpers';
import { lseq, pattern, seg } from './testing/segments';
import { establishedSocket } from './testing/sockets';

const MSS = 1460;
const sackOpts = { config: { sack: true }, peerOptions: { mss: 1460, sackPermitted: true } };
const blk = (from: number, to: number): TcpSackBlock => ({ left: lseq(from * MSS), right: lseq(to * MSS) });
const dupAck = (...b: TcpSackBlock[]) => seg({ ack: lseq(0), options: { sackBlocks: b } });
const segNo = (x: { seq: number }) => (x.seq - lseq(0)) / MSS;

/** Ten segments out, segment 0 lost, recovery retransmits it, then new data 10..13 leaves. */
function inRecoveryWithNewData() {
  const s = establishedSocket(sackOpts);
  s.send(pattern(30 * MSS), 0 as Nanos);
  expect(recvAll(s).length).toBe(10);
  sendSeg(s, dupAck(blk(1, 2)));
  sendSeg(s, dupAck(blk(1, 3)));
  sendSeg(s, dupAck(blk(1, 4)));
  expect(segNo(recvSeg(s))).toBe(0);
  // Everything but segment 0 SACKed: pipe = 1 (the retransmission), cwnd = 5.
  sendSeg(s, dupAck(blk(1, 10)));
  expect(recvAll(s).map(segNo)).toEqual([10, 11, 12, 13]);
  return s;
}

describe('lost retransmissions in SACK recovery (RFC 8985 6.2 idea, by send order)', () => {
  it('resends a retransmission at once when data sent after it is SACKed and its hole stays open', () => {
    const s = inRecoveryWithNewData();
    // Segment 10 left after the retransmission of 0 and has arrived: 0 was lost again.
    sendSeg(s, dupAck(blk(1, 11)));
    const out = recvAll(s);
    expect(out.map(segNo)).toEqual([0, 14]);
    expect(s.tcb.counters.lostRetransmits).toBe(1);
    expect(s.rtoCount).toBe(0);
  });

  it('does not resend while only data sent before the retransmission is SACKed', () => {
    const s = inRecoveryWithNewData();
    sendSeg(s, dupAck(blk(1, 10)));
    expect(recvAll(s).map(segNo)).not.toContain(0);
    expect(s.tcb.counters.lostRetransmits).toBe(0);
  });

  it('detects the resend lost again, and recovery ends with the ACK of everything', () => {
    const s = inRecoveryWithNewData();
    sendSeg(s, dupAck(blk(1, 11)));
    expect(recvAll(s).map(segNo)).toEqual([0, 14]);
    // Segment 14 left after the second retransmission of 0; it arrives, 0 does not.
    sendSeg(s, dupAck(blk(1, 12), blk(14, 15)));
    expect(recvAll(s).map(segNo)[0]).toBe(0);
    expect(s.tcb.counters.lostRetransmits).toBe(2);
    sendSeg(s, seg({ ack: lseq(16 * MSS) }));
    expect(s.tcb.inRecovery).toBe(false);
    expect(s.tcb.rtxLog.size).toBe(0);
  });

  it('a one-way transfer survives a lost retransmission without an RTO', () => {
    // Segment 40 of the stream is dropped, and so is its first retransmission.
    const victim = seqAdd(seq(1001), 40 * 1448) as number;
    let drops = 0;
    const r = runTransfer({
      bytes: 200_000,
      client: { sack: true },
      drop: (x, from) => from === 0 && x.seq === victim && x.payload.length > 0 && drops++ < 2,
    });
    expect(drops).toBeGreaterThanOrEqual(2);
    expect(r.received).toEqual(r.expected);
    expect(r.client.rtoCount).toBe(0);
    expect(r.client.tcb.counters.lostRetransmits).toBe(1);
  });
});
