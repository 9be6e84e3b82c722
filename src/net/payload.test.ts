import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { PayloadChecker, fillPayload, payloadByte, verifyPayload } from './payload';

// The generator restated from the module header with plain float arithmetic for
// block numbers (no shifts), as an independent reference for the fast paths.
function referenceByte(conn: number, offset: number): number {
  const w = Math.floor(offset / 4);
  const b = Math.floor(w / 64);
  const lo = b % 2 ** 32;
  const hi = Math.floor(b / 2 ** 32);
  let h = Math.imul(conn ^ 0x9e3779b9, 0x85ebca6b) ^ lo;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h ^= Math.imul(hi, 0xc2b2ae35);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  const word = ((h ^ (h >>> 16)) + Math.imul(w % 64, 0x9e3779b9)) | 0;
  return (word >>> ((offset % 4) * 8)) & 0xff;
}

const hex = (b: Uint8Array): string => Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');

describe('payload', () => {
  it('fill equals the restated definition at offsets up to 2^53, across the shift limit of the block number', () => {
    // 2^33 bytes = 2^31 words, where blockAt stops shifting; 2^34 bytes = 2^32 words, where a shift would wrap.
    const near = fc.oneof(...[2 ** 33, 2 ** 34, 2 ** 35].map((x) => fc.integer({ min: x - 600, max: x + 600 })));
    fc.assert(
      fc.property(fc.nat(), fc.oneof(fc.nat({ max: 2 ** 53 - 1000 }), near), fc.nat({ max: 600 }), (conn, offset, len) => {
        const buf = new Uint8Array(len);
        fillPayload(conn, offset, buf);
        for (let i = 0; i < len; i++) expect(buf[i]).toBe(referenceByte(conn, offset + i));
        expect(verifyPayload(conn, offset, buf)).toBe(-1);
      }),
      { numRuns: 200 },
    );
  });

  it('keeps the bytes it always made (pinned from the first implementation)', () => {
    const pinned: [number, number, string][] = [
      [1, 0, '9c4a646155c49bff0e3ed39dc7b70a3c'],
      [7, 2 ** 33 - 130, '44b3b4847b516dfeb2ef2678ea8ddff1'],
      [3, 2 ** 40 + 5, '187d597692b4f72f0cec95e8852334a1'],
      [2 ** 31 + 9, 2 ** 52 + 3, '31abe88acf6462c26d1ddcf90bd65531'],
    ];
    for (const [conn, offset, bytes] of pinned) {
      const buf = new Uint8Array(16);
      fillPayload(conn, offset, buf);
      expect(hex(buf), `${conn} @ ${offset}`).toBe(bytes);
    }
  });

  it('fill agrees with the byte-at-a-time definition at any alignment', () => {
    fc.assert(
      fc.property(fc.nat(), fc.nat({ max: 2 ** 40 }), fc.nat({ max: 64 }), (conn, offset, len) => {
        const buf = new Uint8Array(len);
        fillPayload(conn, offset, buf);
        for (let i = 0; i < len; i++) expect(buf[i]).toBe(payloadByte(conn, offset + i));
      }),
    );
  });

  it('fill and verify agree with the byte-at-a-time definition in views at any byte offset, across block boundaries', () => {
    fc.assert(
      fc.property(fc.nat({ max: 1000 }), fc.nat({ max: 2 ** 40 }), fc.nat({ max: 3 }), fc.nat({ max: 700 }), (conn, offset, at, len) => {
        const buf = new Uint8Array(len + 4).subarray(at, at + len);
        fillPayload(conn, offset, buf);
        for (let i = 0; i < len; i++) expect(buf[i]).toBe(payloadByte(conn, offset + i));
        expect(verifyPayload(conn, offset, buf)).toBe(-1);
      }),
    );
  });

  it('verify finds a single changed byte wherever it is, in any alignment', () => {
    fc.assert(
      fc.property(fc.nat({ max: 2 ** 40 }), fc.nat({ max: 3 }), fc.integer({ min: 1, max: 700 }), fc.nat(), fc.integer({ min: 1, max: 255 }),
        (offset, at, len, where, flip) => {
          const buf = new Uint8Array(len + 4).subarray(at, at + len);
          fillPayload(9, offset, buf);
          const i = where % len;
          buf[i] = buf[i]! ^ flip;
          expect(verifyPayload(9, offset, buf)).toBe(i);
        }),
    );
  });

  it('verify names the first wrong byte in every lane of the four-word loops, at every alignment', () => {
    // Exhaustive over byteOffset mod 4, stream offset mod 4 (aligned and spliced
    // loops) and every byte of a 300-byte view, with a second change later on:
    // the first one must be reported, whichever word of a group of four it is in.
    for (let at = 0; at < 4; at++) {
      for (let s = 0; s < 4; s++) {
        const offset = 1000 * 256 + 64 + s; // mid-block, so the groups straddle a block boundary too
        const buf = new Uint8Array(304).subarray(at, at + 300);
        fillPayload(4, offset, buf);
        for (let i = 0; i < 300; i++) {
          buf[i] = buf[i]! ^ 0x80;
          if (i + 5 < 300) buf[i + 5] = buf[i + 5]! ^ 1;
          expect(verifyPayload(4, offset, buf), `at ${at} s ${s} i ${i}`).toBe(i);
          buf[i] = buf[i]! ^ 0x80;
          if (i + 5 < 300) buf[i + 5] = buf[i + 5]! ^ 1;
        }
        expect(verifyPayload(4, offset, buf)).toBe(-1);
      }
    }
  });

  it('words within a 256-byte block and the blocks themselves all differ', () => {
    const buf = new Uint8Array(4096);
    fillPayload(1, 0, buf);
    const words = new Set<number>();
    const u = new DataView(buf.buffer);
    for (let i = 0; i < buf.length; i += 4) words.add(u.getUint32(i, true));
    expect(words.size).toBe(buf.length / 4);
  });

  it('verify and the checker look only at the first `length` bytes when given one', () => {
    const buf = new Uint8Array(100);
    fillPayload(4, 8, buf.subarray(0, 60));
    buf[60] = buf[60]! ^ 1;
    expect(verifyPayload(4, 8, buf, 60)).toBe(-1);
    expect(verifyPayload(4, 8, buf, 61)).toBeGreaterThanOrEqual(0);
    const c = new PayloadChecker(4);
    c.offset = 8;
    expect(c.accept(buf, 60)).toBe(true);
    expect(c.offset).toBe(68);
  });

  it('a chunk filled in two pieces equals the chunk filled at once', () => {
    const whole = new Uint8Array(1000);
    fillPayload(7, 12345, whole);
    const a = new Uint8Array(333);
    const b = new Uint8Array(667);
    fillPayload(7, 12345, a);
    fillPayload(7, 12345 + 333, b);
    expect([...a, ...b]).toEqual([...whole]);
  });

  it('verify accepts the filled bytes and reports the first changed byte', () => {
    const buf = new Uint8Array(4096);
    fillPayload(3, 99, buf);
    expect(verifyPayload(3, 99, buf)).toBe(-1);
    buf[2049] = buf[2049]! ^ 0x10;
    expect(verifyPayload(3, 99, buf)).toBe(2049);
  });

  it('verify rejects bytes shifted by one offset or from another connection', () => {
    const buf = new Uint8Array(256);
    fillPayload(1, 0, buf);
    expect(verifyPayload(1, 1, buf)).toBeGreaterThanOrEqual(0);
    expect(verifyPayload(2, 0, buf)).toBeGreaterThanOrEqual(0);
  });

  it('the checker follows a stream delivered in uneven chunks and spots a lost chunk', () => {
    const good = new PayloadChecker(5);
    const lossy = new PayloadChecker(5);
    let off = 0;
    for (const len of [1, 7, 1460, 3, 999]) {
      const c = new Uint8Array(len);
      fillPayload(5, off, c);
      good.accept(c);
      if (len !== 7) lossy.accept(c);
      off += len;
    }
    expect(good.ok).toBe(true);
    expect(good.offset).toBe(off);
    expect(lossy.ok).toBe(false);
    expect(lossy.firstMismatch).toBe(1);
  });
});
