import { describe, expect, it } from 'vitest';
import type { Nanos } from '../../sim/units';
import { millis } from '../../sim/units';
import { TCP_ACK, TCP_SYN } from '../wire/types';
import type { TcpConfig } from './config';
import { resolveConfig } from './config';
import { negotiate, windowShiftFor } from './options';
import { recvAll, recvSeg, sendSeg } from './testing/helpers';
import { pattern, rseq, seg, synSeg } from './testing/segments';
import { establishedSocket, listenSocket, newSocket } from './testing/sockets';
import { REMOTE } from './testing/segments';

const ALL: TcpConfig = { windowScale: true, sack: true, timestamps: true };
const t0 = 0 as Nanos;

describe('option negotiation', () => {
  it('an active SYN offers MSS, window scale, SACK-permitted and timestamps as configured', () => {
    const s = newSocket({ config: { ...ALL, rcvBuf: 1 << 20 }, tsOffset: 1000 });
    s.connect(REMOTE, millis(5));
    const syn = recvSeg(s, millis(5));
    expect(syn.options.mss).toBe(1460);
    expect(syn.options.windowScale).toBe(5);
    expect(syn.options.sackPermitted).toBe(true);
    expect(syn.options.timestamps).toEqual({ tsVal: 1005, tsEcr: 0 });
    // RFC 7323 2.2: the SYN's own window is not scaled.
    expect(syn.window).toBe(65535);
  });

  for (const [name, peer, expectWs, expectTs, expectSack] of [
    ['all options', { mss: 1400, windowScale: 7, sackPermitted: true, timestamps: { tsVal: 9, tsEcr: 0 } }, true, true, true],
    ['MSS only', { mss: 1400 }, false, false, false],
    ['window scale only', { mss: 1400, windowScale: 3 }, true, false, false],
    ['timestamps only', { mss: 1400, timestamps: { tsVal: 9, tsEcr: 0 } }, false, true, false],
    ['SACK only', { mss: 1400, sackPermitted: true }, false, false, true],
  ] as const) {
    it(`a passive open echoes only what the SYN carried: ${name}`, () => {
      const l = listenSocket({ config: ALL });
      const child = sendSeg(l, synSeg({}, { ...peer }))!;
      const sa = recvSeg(child);
      expect(sa.flags).toBe(TCP_SYN | TCP_ACK);
      expect(sa.options.windowScale !== undefined).toBe(expectWs);
      expect(sa.options.timestamps !== undefined).toBe(expectTs);
      expect(sa.options.sackPermitted === true).toBe(expectSack);
      if (expectTs) expect(sa.options.timestamps!.tsEcr).toBe(9);
      // RFC 6691: the send MSS is the peer's MSS less the 12 timestamp bytes.
      expect(child.mss).toBe(expectTs ? 1388 : 1400);
    });
  }

  for (const [name, peer] of [
    ['all options', { mss: 1400, windowScale: 7, sackPermitted: true, timestamps: { tsVal: 9, tsEcr: 1 } }],
    ['MSS only', { mss: 1400 }],
    ['window scale and SACK', { mss: 1400, windowScale: 3, sackPermitted: true }],
    ['timestamps only', { mss: 1400, timestamps: { tsVal: 9, tsEcr: 1 } }],
  ] as const) {
    it(`an active open uses only what the SYN-ACK carried: ${name}`, () => {
      const s = establishedSocket({ config: ALL, peerOptions: { ...peer } });
      expect(s.tcb.wsOk).toBe('windowScale' in peer);
      expect(s.tcb.sackOk).toBe('sackPermitted' in peer);
      expect(s.tcb.tsOk).toBe('timestamps' in peer);
      expect(s.tcb.sndWscale).toBe('windowScale' in peer ? peer.windowScale : 0);
      s.send(pattern(2000), t0);
      const d = recvAll(s)[0]!;
      expect(d.payload.length).toBe('timestamps' in peer ? 1388 : 1400);
      expect(d.options.timestamps !== undefined).toBe('timestamps' in peer);
    });
  }

  it('an option we did not offer stays off even if the peer sends it', () => {
    const s = establishedSocket({ config: {}, peerOptions: { mss: 1460, windowScale: 2, sackPermitted: true, timestamps: { tsVal: 1, tsEcr: 0 } } });
    expect(s.tcb.wsOk).toBe(false);
    expect(s.tcb.sackOk).toBe(false);
    expect(s.tcb.tsOk).toBe(false);
  });

  it('without an MSS option the peer is assumed to take 536 bytes (RFC 9293 3.7.1)', () => {
    const s = establishedSocket({ peerOptions: {} });
    expect(s.mss).toBe(536);
  });

  it('the effective send MSS is the smaller of ours and the peer’s', () => {
    const s = establishedSocket({ config: { mss: 1200 }, peerOptions: { mss: 9000 } });
    expect(s.mss).toBe(1200);
  });
});

describe('window scale math (RFC 7323 2)', () => {
  it('picks the smallest shift that covers the buffer, at most 14', () => {
    expect(windowShiftFor(65535)).toBe(0);
    expect(windowShiftFor(65536)).toBe(1);
    expect(windowShiftFor(128 * 1024)).toBe(2);
    expect(windowShiftFor(16 << 20)).toBe(9);
    expect(windowShiftFor(2 ** 31)).toBe(14);
  });

  it('scales only when both SYNs carry the option', () => {
    const cfg = resolveConfig({ windowScale: true, rcvBuf: 1 << 20 });
    expect(negotiate(cfg, { windowScale: 3 })).toMatchObject({ sndWscale: 3, rcvWscale: 5, windowScale: true });
    expect(negotiate(cfg, {})).toMatchObject({ sndWscale: 0, rcvWscale: 0, windowScale: false });
    expect(negotiate(cfg, { windowScale: 20 }).sndWscale).toBe(14);
  });

  it('applies the peer’s shift to every non-SYN window and ours to what we advertise', () => {
    const s = establishedSocket({
      config: { windowScale: true, rcvBuf: 1 << 20 },
      peerOptions: { mss: 1460, windowScale: 4 },
      peerWindow: 1000,
    });
    // The SYN-ACK's window was taken unscaled.
    expect(s.tcb.sndWnd).toBe(1000);
    sendSeg(s, seg({ window: 1000 }));
    expect(s.tcb.sndWnd).toBe(16000);
    sendSeg(s, seg({ payload: pattern(100) }));
    const a = recvSeg(s);
    expect(a.window).toBe(((1 << 20) - 100) >> 5);
  });
});

describe('timestamps (RFC 7323 3-5)', () => {
  const ts = (tsVal: number, tsEcr: number) => ({ timestamps: { tsVal, tsEcr } });

  it('TSval follows the clock from `now` plus the offset; TSecr echoes TS.Recent', () => {
    const s = establishedSocket({ config: { timestamps: true }, tsOffset: 500, peerOptions: { mss: 1460, ...ts(70, 500) } });
    sendSeg(s, seg({ options: ts(80, 500), payload: pattern(10) }), millis(3));
    const a = recvSeg(s, millis(3));
    expect(a.options.timestamps).toEqual({ tsVal: 503, tsEcr: 80 });
  });

  it('PAWS: a segment with an older TSval is dropped and acknowledged', () => {
    const s = establishedSocket({ config: { timestamps: true }, peerOptions: { mss: 1460, ...ts(1000, 0) } });
    sendSeg(s, seg({ options: ts(900, 0), payload: pattern(10) }));
    expect(s.recvAvailable).toBe(0);
    const a = recvSeg(s);
    expect(a.ack).toBe(rseq(0));
    expect(s.counters.segmentsRejected).toBe(1);
  });

  it('TS.Recent is only taken from a segment covering Last.ACK.sent (RFC 7323 4.3)', () => {
    const s = establishedSocket({ config: { timestamps: true, sack: true }, peerOptions: { mss: 1460, sackPermitted: true, ...ts(10, 0) } });
    // Out of order: beyond Last.ACK.sent, so TS.Recent stays 10.
    sendSeg(s, seg({ seq: rseq(1000), options: ts(30, 0), payload: pattern(10) }));
    expect(recvSeg(s).options.timestamps!.tsEcr).toBe(10);
    sendSeg(s, seg({ options: ts(40, 0), payload: pattern(10) }));
    expect(recvSeg(s).options.timestamps!.tsEcr).toBe(40);
  });

  it('data segments carry at most MSS minus 12 bytes of payload', () => {
    const s = establishedSocket({ config: { timestamps: true }, peerOptions: { mss: 1460, ...ts(1, 0) } });
    s.send(pattern(3000), t0);
    // The 104-byte tail goes too: no short segment is outstanding (Minshall's Nagle).
    expect(recvAll(s).map((x) => x.payload.length)).toEqual([1448, 1448, 104]);
  });
});

describe('SACK blocks (RFC 2018)', () => {
  const sackSocket = () => establishedSocket({ config: { sack: true, delayedAck: true }, peerOptions: { mss: 1460, sackPermitted: true } });

  it('reports out-of-order blocks, the most recent first', () => {
    const s = sackSocket();
    sendSeg(s, seg({ seq: rseq(1000), payload: pattern(500) }));
    expect(recvSeg(s).options.sackBlocks).toEqual([{ left: rseq(1000), right: rseq(1500) }]);
    sendSeg(s, seg({ seq: rseq(3000), payload: pattern(500) }));
    expect(recvSeg(s).options.sackBlocks).toEqual([
      { left: rseq(3000), right: rseq(3500) },
      { left: rseq(1000), right: rseq(1500) },
    ]);
    sendSeg(s, seg({ seq: rseq(1500), payload: pattern(200) }));
    // The block that grew is the most recent one.
    expect(recvSeg(s).options.sackBlocks).toEqual([
      { left: rseq(1000), right: rseq(1700) },
      { left: rseq(3000), right: rseq(3500) },
    ]);
  });

  it('reports at most 4 blocks without timestamps and 3 with them', () => {
    const s = sackSocket();
    for (let i = 0; i < 5; i++) {
      sendSeg(s, seg({ seq: rseq(1000 * (i + 1)), payload: pattern(100) }));
      recvSeg(s);
    }
    sendSeg(s, seg({ seq: rseq(7000), payload: pattern(100) }));
    const a = recvSeg(s);
    expect(a.options.sackBlocks!.length).toBe(4);
    expect(a.options.sackBlocks![0]).toEqual({ left: rseq(7000), right: rseq(7100) });
    const t = establishedSocket({ config: { sack: true, timestamps: true }, peerOptions: { mss: 1460, sackPermitted: true, timestamps: { tsVal: 1, tsEcr: 0 } } });
    for (let i = 0; i < 5; i++) {
      sendSeg(t, seg({ seq: rseq(1000 * (i + 1)), payload: pattern(100), options: { timestamps: { tsVal: 1, tsEcr: 0 } } }));
      recvSeg(t);
    }
    sendSeg(t, seg({ seq: rseq(7000), payload: pattern(100), options: { timestamps: { tsVal: 1, tsEcr: 0 } } }));
    expect(recvSeg(t).options.sackBlocks!.length).toBe(3);
  });

  it('drops blocks once the hole before them fills', () => {
    const s = sackSocket();
    sendSeg(s, seg({ seq: rseq(100), payload: pattern(100) }));
    recvSeg(s);
    sendSeg(s, seg({ payload: pattern(100) }));
    const a = recvSeg(s);
    expect(a.ack).toBe(rseq(200));
    expect(a.options.sackBlocks).toBeUndefined();
  });
});
