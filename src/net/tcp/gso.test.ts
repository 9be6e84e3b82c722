import { describe, expect, it } from 'vitest';
import type { Nanos } from '../../sim/units';
import { recvAll, recvNothing, sendSeg } from './testing/helpers';
import { lseq, pattern, seg } from './testing/segments';
import { establishedSocket } from './testing/sockets';

const t0 = 0 as Nanos;
const MSS = 1460;

describe('TSO/GSO super-segments (gsoMaxBytes)', () => {
  it('are off by default: every segment is at most one MSS', () => {
    const s = establishedSocket();
    s.send(pattern(20_000), t0);
    expect(recvAll(s).every((x) => x.payload.length <= MSS)).toBe(true);
  });

  it('send the window as one super-segment of whole MSS multiples', () => {
    const s = establishedSocket({ config: { gsoMaxBytes: 65536 } });
    s.send(pattern(100_000), t0);
    const out = recvAll(s);
    expect(out.map((x) => x.payload.length)).toEqual([10 * MSS]);
    expect(out[0]!.payload).toEqual(pattern(10 * MSS));
  });

  it('defer a window-limited send below a third of the window while data is in flight', () => {
    const s = establishedSocket({ config: { gsoMaxBytes: 65536 } });
    s.send(pattern(100_000), t0);
    recvAll(s);
    // One MSS acknowledged: slow start opens 2 MSS, less than a third of cwnd.
    sendSeg(s, seg({ ack: lseq(MSS) }));
    recvNothing(s);
    sendSeg(s, seg({ ack: lseq(10 * MSS) }));
    const out = recvAll(s);
    expect(out.length).toBe(1);
    expect(out[0]!.payload.length % MSS).toBe(0);
    expect(out[0]!.payload.length).toBe(12 * MSS);
  });

  it('stay off while the peer’s MSS clamps ours', () => {
    const s = establishedSocket({ config: { gsoMaxBytes: 65536 }, peerOptions: { mss: 1000 } });
    s.send(pattern(20_000), t0);
    expect(recvAll(s).every((x) => x.payload.length <= 1000)).toBe(true);
  });
});
