import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Nanos } from '../../sim/units';
import { seq, seqDiff, seqLe } from '../wire/seq';
import type { TcpRepr } from '../wire/types';
import type { TcpConnection } from './connection';
import { recvAll } from './testing/helpers';
import { REMOTE, rseq } from './testing/segments';
import {
  closeWaitSocket, closingSocket, establishedSocket, finWait1Socket, finWait2Socket, lastAckSocket, listenSocket,
  synReceivedSocket, synSentSocket, timeWaitSocket,
} from './testing/sockets';

const ALL_ON = { config: { sack: true, timestamps: true, windowScale: true }, peerOptions: { mss: 1460, sackPermitted: true, windowScale: 7, timestamps: { tsVal: 5, tsEcr: 0 } } };
const makers: (() => TcpConnection)[] = [
  () => listenSocket(ALL_ON), () => synSentSocket(ALL_ON), () => synReceivedSocket(ALL_ON), () => establishedSocket(ALL_ON),
  () => finWait1Socket(ALL_ON), () => finWait2Socket(ALL_ON), () => closeWaitSocket(ALL_ON), () => closingSocket(ALL_ON),
  () => lastAckSocket(ALL_ON), () => timeWaitSocket(ALL_ON), () => establishedSocket(),
];

const u32 = fc.integer({ min: 0, max: 0xffff_ffff });
/** Sequence numbers near the interesting places (RCV.NXT, SND.UNA) or anywhere. */
const nearSeq = fc.oneof(u32, fc.integer({ min: -3000, max: 70_000 }).map((d) => rseq(d) as number));
const segArb = fc.record({
  seq: nearSeq,
  ack: fc.oneof(u32, fc.integer({ min: 9000, max: 90_000 })),
  flags: fc.integer({ min: 0, max: 0xff }),
  window: fc.integer({ min: 0, max: 0xffff }),
  len: fc.integer({ min: 0, max: 3000 }),
  sack: fc.array(fc.tuple(u32, u32), { maxLength: 4 }),
  ts: fc.option(fc.tuple(u32, u32)),
  dt: fc.integer({ min: 0, max: 2_000_000_000 }),
});

describe('robustness', () => {
  it('hostile segments in any state never throw and keep the sequence invariants', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: makers.length - 1 }), fc.array(segArb, { maxLength: 25 }), (k, segs) => {
        const s = makers[k]!();
        let now = 0;
        for (const g of segs) {
          now += g.dt;
          const r: TcpRepr = {
            srcPort: REMOTE.port, dstPort: 80, seq: seq(g.seq), ack: seq(g.ack), flags: g.flags, window: g.window,
            urgentPointer: 0, payload: new Uint8Array(g.len),
            options: {
              sackBlocks: g.sack.map(([l, r2]) => ({ left: seq(l), right: seq(r2) })),
              timestamps: g.ts ? { tsVal: g.ts[0], tsEcr: g.ts[1] } : undefined,
            },
          };
          const child = s.process(r, now as Nanos, REMOTE);
          if (child) recvAll(child, now);
          recvAll(s, now);
          const t = s.tcb;
          expect(seqLe(t.sndUna, t.sndNxt) || t.state === 'CLOSED').toBe(true);
          expect(seqLe(t.sndNxt, t.sndMax)).toBe(true);
          expect(t.recvBuf.length).toBeLessThanOrEqual(t.recvBuf.capacity);
          expect(seqDiff(t.sndMax, t.sndUna)).toBeLessThanOrEqual(t.sendBuf.length + 2);
          expect(Number.isFinite(t.cc.cwnd) && t.cc.cwnd > 0).toBe(true);
        }
      }),
      { numRuns: 300, seed: 9293 },
    );
  });
});
