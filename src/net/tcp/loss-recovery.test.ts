import { describe, expect, it } from 'vitest';
import type { Nanos } from '../../sim/units';
import { millis } from '../../sim/units';
import type { TcpSackBlock } from '../wire/types';
import { recvAll, recvNothing, recvSeg, sendSeg } from './testing/helpers';
import { lseq, pattern, seg } from './testing/segments';
import { establishedSocket } from './testing/sockets';
import type { TcpTraceEvent } from './types';

const t0 = 0 as Nanos;
const MSS = 1460;

function loaded(opts: Parameters<typeof establishedSocket>[0] = {}, bytes = 10 * MSS) {
  const s = establishedSocket(opts);
  const trace: TcpTraceEvent[] = [];
  s.onTrace = (e) => trace.push(e);
  s.send(pattern(bytes), t0);
  const out = recvAll(s);
  return { s, trace, out };
}

const dupAck = (sackBlocks?: TcpSackBlock[]) => seg({ ack: lseq(0), options: sackBlocks ? { sackBlocks } : {} });
const blk = (from: number, to: number): TcpSackBlock => ({ left: lseq(from * MSS), right: lseq(to * MSS) });

describe('fast retransmit and NewReno recovery (RFC 5681 3.2, RFC 6582)', () => {
  it('retransmits SND.UNA on the third duplicate ACK and sets ssthresh and cwnd', () => {
    const { s, trace, out } = loaded();
    expect(out.length).toBe(10);
    sendSeg(s, dupAck());
    sendSeg(s, dupAck());
    recvNothing(s);
    sendSeg(s, dupAck());
    const r = recvSeg(s);
    expect(r.seq).toBe(lseq(0));
    expect(r.payload.length).toBe(MSS);
    expect(s.ssthresh).toBe(5 * MSS);
    expect(s.cwnd).toBe(8 * MSS);
    expect(s.fastRetransmits).toBe(1);
    expect(s.dupAcksReceived).toBe(3);
    expect(trace.map((e) => e.kind)).toEqual(['fast-retransmit', 'recovery-enter']);
  });

  it('does not count an ACK with data or a window change as a duplicate', () => {
    const { s } = loaded();
    sendSeg(s, dupAck());
    sendSeg(s, seg({ ack: lseq(0), window: 60000 }));
    sendSeg(s, seg({ ack: lseq(0), payload: pattern(10) }));
    expect(s.dupAcksReceived).toBe(1);
    expect(s.fastRetransmits).toBe(0);
  });

  it('inflates cwnd per further duplicate ACK and sends new data when it allows', () => {
    const { s } = loaded({}, 20 * MSS);
    for (let i = 0; i < 3; i++) sendSeg(s, dupAck());
    recvSeg(s);
    // cwnd = 8 segments, 10 in flight: two more dup ACKs open room for one new segment.
    sendSeg(s, dupAck());
    sendSeg(s, dupAck());
    recvNothing(s);
    sendSeg(s, dupAck());
    const n = recvSeg(s);
    expect(n.seq).toBe(lseq(10 * MSS));
  });

  it('a partial ACK retransmits the next hole at once and deflates cwnd (RFC 6582 step 5)', () => {
    const { s, trace } = loaded();
    for (let i = 0; i < 4; i++) sendSeg(s, dupAck());
    recvSeg(s);
    expect(s.cwnd).toBe(9 * MSS);
    sendSeg(s, seg({ ack: lseq(2 * MSS) }));
    const r = recvSeg(s);
    expect(r.seq).toBe(lseq(2 * MSS));
    expect(s.cwnd).toBe(9 * MSS - 2 * MSS + MSS);
    // Full ACK: cwnd = min(ssthresh, max(FlightSize, SMSS) + SMSS).
    sendSeg(s, seg({ ack: lseq(10 * MSS) }));
    expect(s.cwnd).toBe(2 * MSS);
    expect(trace.map((e) => e.kind)).toEqual(['fast-retransmit', 'recovery-enter', 'recovery-exit']);
  });

  it('duplicate ACKs after recovery for data sent before it do not start a new one (RFC 6582 4)', () => {
    const { s } = loaded();
    for (let i = 0; i < 3; i++) sendSeg(s, dupAck());
    recvSeg(s);
    sendSeg(s, seg({ ack: lseq(5 * MSS) }));
    recvSeg(s);
    sendSeg(s, seg({ ack: lseq(10 * MSS) }));
    expect(s.fastRetransmits).toBe(1);
  });
});

describe('SACK-based recovery (RFC 6675)', () => {
  const sackOpts = { config: { sack: true }, peerOptions: { mss: 1460, sackPermitted: true } };

  it('enters recovery on three SACK duplicate ACKs and retransmits only lost holes within pipe', () => {
    const { s, trace } = loaded(sackOpts);
    sendSeg(s, dupAck([blk(1, 2)]));
    sendSeg(s, dupAck([blk(3, 4), blk(1, 2)]));
    recvNothing(s);
    sendSeg(s, dupAck([blk(3, 5), blk(1, 2)]));
    const r = recvSeg(s);
    expect(r.seq).toBe(lseq(0));
    expect(s.cwnd).toBe(5 * MSS);
    expect(s.ssthresh).toBe(5 * MSS);
    expect(trace[1]).toMatchObject({ kind: 'recovery-enter', sack: true });
    // Segment 2 becomes lost once more than (DupThresh-1)*SMSS bytes are SACKed
    // above it. pipe = segments 8, 9 (not lost) + segment 0 (retransmitted) = 3
    // segments, so cwnd (5) leaves room for the retransmission of segment 2 and
    // nothing else is eligible: all between it and the highest SACK is SACKed.
    sendSeg(s, dupAck([blk(3, 8), blk(1, 2)]));
    const r2 = recvSeg(s);
    expect(r2.seq).toBe(lseq(2 * MSS));
    expect(s.tcb.scoreboard.pipe(s.tcb.sndUna, s.tcb.sndMax, MSS)).toBe(4 * MSS);
    // Recovery ends with the ACK of everything sent before it.
    sendSeg(s, seg({ ack: lseq(10 * MSS) }));
    expect(trace.at(-1)!.kind).toBe('recovery-exit');
  });

  it('sends new data during recovery once pipe falls below cwnd (NextSeg rule 2)', () => {
    const { s } = loaded(sackOpts, 20 * MSS);
    sendSeg(s, dupAck([blk(1, 2)]));
    sendSeg(s, dupAck([blk(1, 3)]));
    sendSeg(s, dupAck([blk(1, 4)]));
    expect(recvSeg(s).seq).toBe(lseq(0));
    // Everything but segment 0 is SACKed: pipe = 1 (the retransmission), cwnd = 5.
    sendSeg(s, dupAck([blk(1, 10)]));
    const out = recvAll(s);
    expect(out.map((x) => (x.seq - lseq(0)) / MSS)).toEqual([10, 11, 12, 13]);
    expect(s.retransmits).toBe(1);
  });

  it('without SACK blocks falls back to NewReno inflation', () => {
    const { s } = loaded();
    expect(s.tcb.sackOk).toBe(false);
  });
});

describe('retransmission timeout (RFC 6298)', () => {
  it('backs off exponentially, resets cwnd to one segment, and traces each RTO', () => {
    const { s, trace } = loaded({}, 2 * MSS);
    expect(s.pollAt()).toBe(millis(200));
    const first = recvSeg(s, millis(200));
    expect(first.seq).toBe(lseq(0));
    expect(s.cwnd).toBe(MSS);
    expect(s.ssthresh).toBe(2 * MSS);
    expect(s.pollAt()).toBe(millis(600));
    recvSeg(s, millis(600));
    expect(s.pollAt()).toBe(millis(1400));
    expect(trace.filter((e) => e.kind === 'rto').map((e) => (e as { rto: number }).rto)).toEqual([millis(400), millis(800)]);
    expect(s.rtoCount).toBe(2);
  });

  it('Karn: no RTT sample from a retransmitted segment, and the backoff stays until a fresh sample', () => {
    const { s } = loaded({}, MSS);
    recvSeg(s, millis(200));
    const samples = s.tcb.rtt.samples;
    sendSeg(s, seg({ ack: lseq(MSS) }), millis(250));
    expect(s.tcb.rtt.samples).toBe(samples);
    expect(s.rto).toBe(millis(400));
    s.send(pattern(100), millis(300));
    recvSeg(s, millis(300));
    sendSeg(s, seg({ ack: lseq(MSS + 100) }), millis(310));
    expect(s.tcb.rtt.samples).toBe(samples + 1);
    expect(s.rto).toBe(millis(200));
    expect(s.srtt).toBeCloseTo(millis(10) / 8, 0);
  });

  it('with timestamps, the echo times a retransmitted segment (RFC 7323 4.1)', () => {
    const ts = { tsVal: 1, tsEcr: 0 };
    const { s } = loaded({ config: { timestamps: true }, peerOptions: { mss: 1460, timestamps: ts } }, 1000);
    const r = recvSeg(s, millis(200));
    const samples = s.tcb.rtt.samples;
    sendSeg(s, seg({ ack: lseq(1000), options: { timestamps: { tsVal: 2, tsEcr: r.options.timestamps!.tsVal } } }), millis(250));
    expect(s.tcb.rtt.samples).toBe(samples + 1);
    expect(s.rto).toBe(millis(200));
  });

  it('an echo older than the latest retransmission (a stale TS.Recent) gives no sample', () => {
    const ts = { tsVal: 1, tsEcr: 0 };
    const { s, out } = loaded({ config: { timestamps: true }, tsOffset: 1000, peerOptions: { mss: 1460, timestamps: ts } }, 1000);
    const firstTsVal = out[0]!.options.timestamps!.tsVal;
    expect(firstTsVal).toBe(1000);
    recvSeg(s, millis(200));
    const samples = s.tcb.rtt.samples;
    sendSeg(s, seg({ ack: lseq(1000), options: { timestamps: { tsVal: 2, tsEcr: firstTsVal } } }), millis(250));
    expect(s.tcb.rtt.samples).toBe(samples);
    expect(s.rto).toBe(millis(400));
  });

  it('gives up with ETIMEDOUT after maxRetries retransmissions of data', () => {
    const { s } = loaded({ config: { maxRetries: 2 } }, MSS);
    recvSeg(s, s.pollAt());
    recvSeg(s, s.pollAt());
    expect(recvAll(s, s.pollAt())).toEqual([]);
    expect(s.state).toBe('CLOSED');
    expect(s.error).toBe('ETIMEDOUT');
  });

  it('after an RTO resends from SND.UNA in slow start (go-back-N)', () => {
    const { s } = loaded({}, 4 * MSS);
    expect(recvSeg(s, millis(200)).seq).toBe(lseq(0));
    sendSeg(s, seg({ ack: lseq(MSS) }), millis(210));
    const out = recvAll(s, millis(210));
    expect(out.map((x) => (x.seq - lseq(0)) / MSS)).toEqual([1, 2]);
  });
});

describe('SACK-aware retransmission of SND.UNA', () => {
  it('stops at the first SACKed byte instead of resending what the receiver holds', () => {
    const s = establishedSocket({ config: { sack: true }, peerOptions: { mss: 1460, sackPermitted: true } });
    s.send(pattern(3000), t0);
    s.setNoDelay(true);
    recvAll(s);
    // The first 500 bytes are missing; everything from 500 is SACKed.
    const sack = [{ left: lseq(500), right: lseq(3000) }];
    for (let i = 0; i < 3; i++) sendSeg(s, seg({ ack: lseq(0), options: { sackBlocks: sack } }));
    const r = recvSeg(s);
    expect(r.seq).toBe(lseq(0));
    expect(r.payload.length).toBe(500);
  });
});

describe('Limited Transmit (RFC 3042, RFC 5681 3.2)', () => {
  it('sends one new segment on each of the first two duplicate ACKs, cwnd unchanged, then retransmits on the third', () => {
    const { s, out } = loaded({}, 20 * MSS);
    expect(out.length).toBe(10);
    const cwnd = s.cwnd;
    sendSeg(s, dupAck());
    expect(recvSeg(s).seq).toBe(lseq(10 * MSS));
    sendSeg(s, dupAck());
    expect(recvSeg(s).seq).toBe(lseq(11 * MSS));
    expect(s.cwnd).toBe(cwnd);
    expect(s.fastRetransmits).toBe(0);
    sendSeg(s, dupAck());
    const r = recvSeg(s);
    expect(r.seq).toBe(lseq(0));
    expect(s.fastRetransmits).toBe(1);
  });

  it('lets a window too small for three duplicate ACKs reach fast retransmit instead of the timer', () => {
    // Two segments in flight and the first lost: one duplicate ACK comes back. Without
    // Limited Transmit the sender would wait for the RTO (200 ms); with it, each
    // duplicate ACK's new segment draws the next one.
    const { s, out } = loaded({ config: { initialCwndSegments: 2 } }, 6 * MSS);
    expect(out.length).toBe(2);
    sendSeg(s, dupAck());
    expect(recvSeg(s).seq).toBe(lseq(2 * MSS));
    sendSeg(s, dupAck());
    expect(recvSeg(s).seq).toBe(lseq(3 * MSS));
    sendSeg(s, dupAck());
    // Fast retransmit (and the inflated window of RFC 5681 3.2 step 3 may add new data).
    expect(recvAll(s)[0]!.seq).toBe(lseq(0));
    expect(s.fastRetransmits).toBe(1);
  });
});
