import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  checksumAdd,
  checksumAddU32,
  checksumFinish,
  checksumFold,
  checksumUpdate16,
  checksumUpdate32,
  internetChecksum,
  pseudoHeaderSum,
} from './checksum';
import { captured } from './fixtures/frames';
import { IPPROTO_TCP, IPPROTO_UDP } from './types';

// A deliberately plain reference: one 16-bit word at a time, folding as it goes.
function referenceChecksum(bytes: Uint8Array): number {
  let sum = 0;
  for (let i = 0; i < bytes.length; i += 2) {
    sum += (bytes[i]! << 8) | (bytes[i + 1] ?? 0);
    sum = (sum & 0xffff) + (sum >>> 16);
  }
  return ~sum & 0xffff;
}

describe('Internet checksum (RFC 1071)', () => {
  it('matches the worked example of RFC 1071 section 3', () => {
    // 00 01 f2 03 f4 f5 f6 f7 sums to 0xddf2; the checksum is its complement.
    const bytes = Uint8Array.of(0x00, 0x01, 0xf2, 0x03, 0xf4, 0xf5, 0xf6, 0xf7);
    expect(checksumFold(checksumAdd(0, bytes))).toBe(0xddf2);
    expect(internetChecksum(bytes)).toBe(0x220d);
  });

  it('verifies to zero over a captured IPv4 header', () => {
    const ipHeader = captured.tcpSyn.bytes.subarray(14, 34);
    expect(internetChecksum(ipHeader)).toBe(0);
  });

  it('verifies a captured TCP segment and UDP datagram with the pseudo-header', () => {
    const syn = captured.tcpSyn.bytes;
    const tcp = syn.subarray(34);
    expect(checksumFinish(checksumAdd(pseudoHeaderSum(0x0a000001, 0x0a000002, IPPROTO_TCP, tcp.length), tcp))).toBe(0);
    const udp = captured.udpSmall.bytes.subarray(34);
    expect(checksumFinish(checksumAdd(pseudoHeaderSum(0x0a000001, 0x0a000002, IPPROTO_UDP, udp.length), udp))).toBe(0);
  });

  it('equals a word-at-a-time reference on random data of any length and offset', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), fc.nat(300), (bytes, cut) => {
        const start = Math.min(cut, bytes.length);
        expect(internetChecksum(bytes, start)).toBe(referenceChecksum(bytes.subarray(start)));
      }),
    );
  });

  it('accumulates over several buffers as over their concatenation when splits are even', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), fc.nat(100), (bytes, half) => {
        const split = Math.min(2 * half, bytes.length - (bytes.length % 2));
        const sum = checksumAdd(checksumAdd(0, bytes.subarray(0, split)), bytes.subarray(split));
        expect(checksumFinish(sum)).toBe(internetChecksum(bytes));
      }),
    );
  });

  it('equals the reference over buffers spanning several fold chunks, at odd byte offsets', () => {
    const backing = new Uint8Array(3 * 2 ** 20 + 123);
    let x = 7;
    for (let i = 0; i < backing.length; i++) {
      x = (x * 1103515245 + 12345) >>> 0;
      backing[i] = x >>> 24;
    }
    for (const [from, to] of [[1, backing.length], [3, 2 ** 20 + 50], [0, 2 ** 20], [5, 69], [2, 63]] as const) {
      const view = backing.subarray(from, to); // byteOffset is odd for some: DataView loads are unaligned
      expect(internetChecksum(view), `${from}..${to}`).toBe(referenceChecksum(view));
      expect(internetChecksum(backing, from, to), `${from}..${to} by range`).toBe(referenceChecksum(view));
    }
  });

  it('equals the reference for any view alignment, range offset and length, odd ones included', () => {
    // The word path depends on where the range falls in the underlying buffer's
    // 4-byte grid: cover every byteOffset mod 4, every start parity and lengths
    // on both sides of the word path's threshold, odd and even.
    fc.assert(
      fc.property(
        fc.uint8Array({ minLength: 0, maxLength: 700, size: 'max' }),
        fc.nat(7),
        fc.nat(80),
        fc.nat(700),
        (raw, shift, a, b) => {
          const backing = new Uint8Array(raw.length + 8);
          backing.set(raw, shift);
          const view = backing.subarray(shift, shift + raw.length);
          const start = Math.min(a, view.length);
          const end = Math.max(start, Math.min(view.length, start + b));
          const want = referenceChecksum(view.subarray(start, end));
          expect(internetChecksum(view, start, end)).toBe(want);
          expect(internetChecksum(view.subarray(start, end))).toBe(want);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('keeps a running sum over an odd-offset word path congruent with the reference', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 64, maxLength: 400, size: 'max' }), fc.nat(3), fc.nat(0xffffff), (raw, shift, seed) => {
        const backing = new Uint8Array(raw.length + 4);
        backing.set(raw, shift);
        const view = backing.subarray(shift, shift + raw.length);
        // A pseudo-header-sized start value, then the data: the sum must fold as the reference's does.
        const initial = pseudoHeaderSum(seed, ~seed >>> 0, IPPROTO_TCP, raw.length);
        const folded = checksumFold(checksumAdd(initial, view));
        const ref = (~referenceChecksum(raw) & 0xffff) + checksumFold(initial);
        expect(folded).toBe(checksumFold(ref));
      }),
      { numRuns: 300 },
    );
  });

  it('tells all-zero data (sum 0) from data whose sum is negative zero (0xffff) on the word path', () => {
    for (const shift of [0, 1, 2, 3]) {
      const backing = new Uint8Array(300 + shift);
      const zeros = backing.subarray(shift, shift + 256);
      expect(checksumFold(checksumAdd(0, zeros)), `zeros at ${shift}`).toBe(0);
      expect(internetChecksum(zeros)).toBe(0xffff);
      zeros.fill(0xff);
      expect(checksumFold(checksumAdd(0, zeros, 1, 201)), `0xff at ${shift}`).toBe(0xffff);
      expect(internetChecksum(zeros, 1, 200)).toBe(referenceChecksum(zeros.subarray(1, 200))); // odd length: padded
    }
  });

  it('folds sums far beyond 32 bits without losing carries', () => {
    // 2^20 words of 0xffff: each is "negative zero", so the sum folds to 0xffff.
    const big = new Uint8Array(2 * 2 ** 20).fill(0xff);
    expect(checksumFold(checksumAdd(0, big))).toBe(0xffff);
    expect(checksumFold(0xffff * 2 ** 30)).toBe(0xffff);
    // 2^40 = (2^16)^2 * 2^8 and 2^16 = 1 (mod 0xffff), so 2^40 folds like 2^8.
    expect(checksumFold(checksumAddU32(0, 0xffffffff) + 2 ** 40)).toBe(checksumFold(0x1fffe + 0x100));
  });
});

describe('incremental checksum update (RFC 1624)', () => {
  it('equals a full recomputation after changing any 16-bit word', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 2, maxLength: 64 }), fc.nat(), fc.integer({ min: 0, max: 0xffff }), (raw, at, word) => {
        const bytes = raw.subarray(0, raw.length - (raw.length % 2));
        const i = 2 * (at % (bytes.length / 2));
        const before = internetChecksum(bytes);
        const old = (bytes[i]! << 8) | bytes[i + 1]!;
        bytes[i] = word >>> 8;
        bytes[i + 1] = word & 0xff;
        const updated = checksumUpdate16(before, old, word);
        // Both 0x0000 and 0xffff verify in one's complement; RFC 1624 eqn 3 gives the recomputed one
        // except when the data sums to zero, which only all-zero data does.
        if (bytes.some((b) => b !== 0)) expect(updated).toBe(internetChecksum(bytes));
        else expect([0, 0xffff]).toContain(updated);
      }),
    );
  });

  it('rewrites a captured IPv4 header checksum for a new TTL and a new source address', () => {
    const header = captured.tcpSyn.bytes.slice(14, 34);
    const csum = (header[10]! << 8) | header[11]!;
    // TTL 64 -> 63: the word at offset 8 is TTL|protocol.
    const oldWord = (header[8]! << 8) | header[9]!;
    header[8] = 63;
    const afterTtl = checksumUpdate16(csum, oldWord, (63 << 8) | header[9]!);
    header[10] = afterTtl >>> 8;
    header[11] = afterTtl & 0xff;
    expect(internetChecksum(header)).toBe(0);
    // Source 10.0.0.1 -> 192.168.7.9, as a NAT would.
    const afterSrc = checksumUpdate32(afterTtl, 0x0a000001, 0xc0a80709);
    header.set([192, 168, 7, 9], 12);
    header[10] = afterSrc >>> 8;
    header[11] = afterSrc & 0xff;
    expect(internetChecksum(header)).toBe(0);
  });
});
