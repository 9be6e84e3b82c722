import { describe, expect, it } from 'vitest';
import { seqAdd, seq } from '../../wire/seq';
import type { TcpRepr } from '../../wire/types';
import { runTransfer } from './transfer';

const MB = 1 << 20;

/** Drops the first transmission of the segment whose sequence number is `s` (client to server). */
function dropOnce(s: number): (seg: TcpRepr, from: 0 | 1) => boolean {
  let done = false;
  return (seg, from) => {
    if (done || from !== 0 || seg.seq !== s || seg.payload.length === 0) return false;
    done = true;
    return true;
  };
}

function same(a: Uint8Array, b: Uint8Array): boolean {
  return Buffer.from(a.buffer, a.byteOffset, a.length).equals(Buffer.from(b.buffer, b.byteOffset, b.length));
}

describe('two endpoints over a loopback', () => {
  it('move 1 MB intact with every option on, and both close cleanly', () => {
    const states: string[] = [];
    const r = runTransfer({ bytes: MB, onTrace: (ev) => { if (ev.kind === 'state') states.push(ev.to); } });
    expect(r.received.length).toBe(MB);
    expect(same(r.received, r.expected)).toBe(true);
    expect(states).toEqual(['SYN-SENT', 'ESTABLISHED', 'FIN-WAIT-1', 'FIN-WAIT-2', 'TIME-WAIT', 'CLOSED']);
    expect(r.client.error).toBeNull();
    expect(r.server.state).toBe('CLOSED');
    expect(r.server.error).toBeNull();
    expect(r.client.retransmits).toBe(0);
  });

  it('move 1 MB intact with no options', () => {
    const cfg = { sack: false, timestamps: false, windowScale: false };
    const r = runTransfer({ bytes: MB, client: cfg, server: cfg });
    expect(same(r.received, r.expected)).toBe(true);
  });

  for (const [name, cfg] of [
    ['SACK (RFC 6675)', {}],
    ['NewReno without SACK', { sack: false }],
    ['CUBIC with SACK', { congestion: 'cubic' as const }],
    ['CUBIC without SACK', { congestion: 'cubic' as const, sack: false }],
  ] as const) {
    it(`recover a segment dropped by sequence number with fast retransmit: ${name}`, () => {
      const victim = seqAdd(seq(1001), 200 * 1448);
      const r = runTransfer({ bytes: MB, client: cfg, server: cfg, drop: dropOnce(victim) });
      expect(r.loopback.dropped).toBe(1);
      expect(same(r.received, r.expected)).toBe(true);
      expect(r.client.fastRetransmits).toBe(1);
      expect(r.client.rtoCount).toBe(0);
    });
  }

  it('recover the last segment of the stream by RTO (no duplicate ACKs follow it)', () => {
    const bytes = 100_000;
    const lastSeq = seqAdd(seq(1001), Math.floor((bytes - 1) / 1448) * 1448);
    const r = runTransfer({ bytes, drop: dropOnce(lastSeq) });
    expect(same(r.received, r.expected)).toBe(true);
    expect(r.client.rtoCount).toBe(1);
  });

  it('carry 1 MB across sequence-number wrap-around in both directions of the handshake', () => {
    const r = runTransfer({ bytes: MB, clientIss: 0xffff_0000, serverIss: 0xffff_fff0 });
    expect(same(r.received, r.expected)).toBe(true);
  });

  it('survive a burst of drops in a window with SACK', () => {
    // The 300th, 302nd, 304th and 310th new data segments are lost once each.
    const victims = new Set([300, 302, 304, 310]);
    let fresh = 0;
    let high = -1;
    const r = runTransfer({
      bytes: MB,
      drop: (seg, from) => {
        if (from !== 0 || seg.payload.length === 0) return false;
        const off = (seg.seq - 1001) >>> 0;
        if (off <= high) return false;
        high = off;
        return victims.has(++fresh);
      },
    });
    expect(r.loopback.dropped).toBe(4);
    expect(same(r.received, r.expected)).toBe(true);
    expect(r.client.rtoCount).toBe(0);
  });
});
