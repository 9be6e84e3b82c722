import { describe, expect, it } from 'vitest';
import type { Nanos } from '../../sim/units';
import { millis } from '../../sim/units';
import type { TcpSackBlock } from '../wire/types';
import { recvAll, recvSeg, sendSeg } from './testing/helpers';
import { lseq, pattern, seg } from './testing/segments';
import { establishedSocket } from './testing/sockets';

const MSS = 1460;
const sackOpts = { config: { sack: true }, peerOptions: { mss: 1460, sackPermitted: true } };
const blk = (from: number, to: number): TcpSackBlock => ({ left: lseq(from * MSS), right: lseq(to * MSS) });
const segNo = (x: { seq: number }) => (x.seq - lseq(0)) / MSS;

/** Six segments out; the receiver SACKs segment `held` once (too little to start recovery), then the RTO fires. */
function afterRto(held: number) {
  const s = establishedSocket(sackOpts);
  s.send(pattern(6 * MSS), 0 as Nanos);
  expect(recvAll(s).length).toBe(6);
  sendSeg(s, seg({ ack: lseq(0), options: { sackBlocks: [blk(held, held + 1)] } }), millis(1));
  expect(s.tcb.inRecovery).toBe(false);
  expect(segNo(recvSeg(s, millis(200)))).toBe(0);
  expect(s.rtoCount).toBe(1);
  return s;
}

describe('go-back-N after an RTO keeps the SACK scoreboard (RFC 6675 5.1)', () => {
  it('resends from SND.UNA but skips what the receiver has SACKed', () => {
    const s = afterRto(4);
    sendSeg(s, seg({ ack: lseq(MSS), options: { sackBlocks: [blk(4, 5)] } }), millis(210));
    expect(recvAll(s, millis(210)).map(segNo)).toEqual([1, 2]);
    sendSeg(s, seg({ ack: lseq(3 * MSS), options: { sackBlocks: [blk(4, 5)] } }), millis(220));
    // Segment 4 is held by the receiver: 3 and then 5 go.
    expect(recvAll(s, millis(220)).map(segNo)).toEqual([3, 5]);
    expect(s.retransmits).toBe(5);
  });

  it('a receiver that reneges on its SACK gets the data again (RFC 2018 8, Linux tcp_check_sack_reneging)', () => {
    const s = afterRto(3);
    sendSeg(s, seg({ ack: lseq(MSS), options: { sackBlocks: [blk(3, 4)] } }), millis(210));
    expect(recvAll(s, millis(210)).map(segNo)).toEqual([1, 2]);
    // The cumulative ACK stops exactly where the SACKed segment 3 begins: it was dropped.
    sendSeg(s, seg({ ack: lseq(3 * MSS) }), millis(220));
    expect(s.tcb.counters.sackRenegings).toBe(1);
    expect(recvAll(s, millis(220)).map(segNo)).toEqual([3, 4, 5]);
  });
});
