import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isI2oError } from './errors';
import {
  SGL_FLAG_DIR, SGL_FLAG_END_OF_BUFFER, SGL_FLAG_LAST_ELEMENT, SGL_FLAG_SIMPLE_ADDRESS, decodeSgl, encodeSgl,
  sglByteCount, sglWords, simpleSgl, type Sgl,
} from './sgl';

function le(...words: number[]): DataView {
  const v = new DataView(new ArrayBuffer(words.length * 4));
  words.forEach((w, i) => v.setUint32(i * 4, w >>> 0, true));
  return v;
}

describe('simple SGL elements', () => {
  it('uses the flags Linux writes: SIMPLE|DIR on each, LAST|END_OF_BUFFER added on the last', () => {
    const sgl = simpleSgl([{ address: 0x1000, length: 1460 }, { address: 0x2000, length: 40 }], true);
    expect(sgl.elements.map((e) => e.flags)).toEqual([0x14, 0xd4]);
    expect(simpleSgl([{ address: 0x1000, length: 1 }], false).elements[0]!.flags).toBe(
      SGL_FLAG_LAST_ELEMENT | SGL_FLAG_END_OF_BUFFER | SGL_FLAG_SIMPLE_ADDRESS,
    );
    expect(sglWords(sgl)).toBe(4);
    expect(sglByteCount(sgl)).toBe(1500);
  });

  it('decodes a 32-bit list word by word', () => {
    const sgl = decodeSgl(le(
      0x1400_05b4, // element 0: flags 0x14 SIMPLE|DIR, count 1460
      0x0000_1000, //   address 0x1000
      0xd400_0028, // element 1: flags 0xD4 LAST|EOB|SIMPLE|DIR, count 40
      0x0000_2000, //   address 0x2000
    ), 0, 4);
    expect(sgl).toEqual({ addressing: 32, elements: [
      { flags: 0x14, count: 1460, address: 0x1000 },
      { flags: 0xd4, count: 40, address: 0x2000 },
    ] });
  });

  it('decodes a 64-bit list led by the attributes element 0x7C020002 and a page-size word', () => {
    const sgl = decodeSgl(le(
      0x7c02_0002, // SGL attributes element: 64-bit addresses
      0x0000_1000, // page size 4096
      0xd000_0200, // element 0: LAST|EOB|SIMPLE, IOP to host, 512 bytes
      0x0000_3000, //   address low
      0x0000_0001, //   address high
    ), 0, 5);
    expect(sgl).toEqual({ addressing: 64, elements: [{ flags: 0xd0, count: 512, address: 0x1_0000_3000 }] });
  });

  it('encodes what it decodes, byte for byte', () => {
    const v = new DataView(new ArrayBuffer(32));
    const sgl: Sgl = simpleSgl([{ address: 0x1_0000_3000, length: 512 }, { address: 7, length: 9 }], false, 64);
    expect(encodeSgl(sgl, v, 0)).toBe(32);
    expect(new Uint8Array(v.buffer)).toEqual(new Uint8Array(le(0x7c020002, 4096, 0x1000_0200, 0x3000, 1, 0xd000_0009, 7, 0).buffer));
  });

  it.each<[string, DataView, number, string]>([
    ['a list without LAST_ELEMENT', le(0x1400_0001, 0), 2, 'sgl[0].flags'],
    ['LAST_ELEMENT before the end', le(0xd400_0001, 0, 0xd400_0001, 0), 4, 'sgl[1]'],
    ['a chain-pointer element', le(0xb000_0001, 0), 2, 'sgl[0].flags'],
    ['a page-list element', le(0xa000_0001, 0), 2, 'sgl[0].flags'],
    ['half an element', le(0xd400_0001), 1, 'sgl[0]'],
    ['an empty list', le(), 0, 'sgl'],
    ['an attributes element with a foreign page size', le(0x7c02_0002, 8192, 0xd000_0001, 0, 0), 5, 'sgl.attributes'],
  ])('refuses %s', (_what, view, words, field) => {
    const r = decodeSgl(view, 0, words);
    expect(isI2oError(r) && r.kind === 'bad-sgl' && r.field).toBe(field);
  });

  it('refuses to overrun the view it writes into', () => {
    const r = encodeSgl(simpleSgl([{ address: 1, length: 1 }, { address: 2, length: 2 }], true), new DataView(new ArrayBuffer(12)), 0);
    expect(isI2oError(r) && [r.kind, r.field]).toEqual(['too-large', 'buffer']);
  });

  it('refuses to encode a count beyond 24 bits or an address beyond 32 bits in 32-bit mode', () => {
    const v = new DataView(new ArrayBuffer(16));
    const big = encodeSgl(simpleSgl([{ address: 0, length: 0x1000000 }], true), v, 0);
    expect(isI2oError(big) && big.field).toBe('sgl[0].count');
    const far = encodeSgl(simpleSgl([{ address: 2 ** 32, length: 1 }], true), v, 0);
    expect(isI2oError(far) && far.field).toBe('sgl[0].address');
  });

  it('round-trips random lists in both addressing modes', () => {
    const buffer = fc.record({ address: fc.integer({ min: 0, max: 2 ** 40 }), length: fc.integer({ min: 0, max: 0xffffff }) });
    fc.assert(fc.property(fc.array(buffer, { minLength: 1, maxLength: 10 }), fc.boolean(), (bufs, dir) => {
      const sgl = simpleSgl(bufs, dir, 64);
      const v = new DataView(new ArrayBuffer(sglWords(sgl) * 4));
      expect(encodeSgl(sgl, v, 0)).toBe(sglWords(sgl) * 4);
      expect(decodeSgl(v, 0, sglWords(sgl))).toEqual(sgl);
      const narrow = simpleSgl(bufs.map((b) => ({ ...b, address: b.address % 2 ** 32 })), dir, 32);
      const v32 = new DataView(new ArrayBuffer(sglWords(narrow) * 4));
      encodeSgl(narrow, v32, 0);
      expect(decodeSgl(v32, 0, sglWords(narrow))).toEqual(narrow);
      expect(sglByteCount(narrow)).toBe(bufs.reduce((s, b) => s + b.length, 0));
      expect((narrow.elements.at(-1)!.flags & SGL_FLAG_DIR) !== 0).toBe(dir);
    }), { numRuns: 200 });
  });
});
