// I2O 1.5 scatter-gather lists of simple address elements.
//
// A simple element is two little-endian words: FlagsCount (byte count in bits
// 23:0, SglFlags in bits 31:24) and a 32-bit bus address. Linux builds them in
// drivers/message/i2o/memory.c, i2o_dma_map_sg(): `0x14000000 | len` (SIMPLE |
// DIR, host to IOP) for every element and `| 0xC0000000` (LAST_ELEMENT |
// END_OF_BUFFER) on the last; 0x10000000 for IOP to host. The flag values are
// the I2O_SGL_FLAGS_* of FreeBSD's sys/dev/asr/i2omsg.h.
//
// 64-bit addressing (optional) follows the same file's Adaptec DMA64 path: an
// SGL attributes element `0x7C020002` and a page-size word lead the list, and
// every element then has a third word, the address's high 32 bits.
//
// Contract: encode and decode validate the same rules and never throw: every
// element is a simple address element, counts fit 24 bits, addresses fit the
// addressing mode, LAST_ELEMENT is set on the last element and only there, and
// the list fills exactly the words it was given.
import { i2oError, type I2oError } from './errors';

export const SGL_FLAG_LAST_ELEMENT = 0x80;
export const SGL_FLAG_END_OF_BUFFER = 0x40;
export const SGL_FLAG_SIMPLE_ADDRESS = 0x10;
export const SGL_FLAG_LOCAL_ADDRESS = 0x08;
/** Set: data moves from the host (initiator) to the IOP. Clear: IOP to host. */
export const SGL_FLAG_DIR = 0x04;
/** Bits that make an element simple: SIMPLE_ADDRESS set, PAGE_LIST (0x20) and context counts (0x03) clear. */
const SIMPLE_TYPE_MASK = 0x33;

export const SGL_COUNT_MAX = 0xffffff;
/** Linux `cpu_to_le32(0x7C020002)`: the SGL attributes element announcing 64-bit addresses. */
export const SGL_ATTRIBUTES_64BIT = 0x7c020002;
/** The page-size word Linux writes after the attributes element (PAGE_SIZE). */
export const SGL_64BIT_PAGE_SIZE = 4096;

export interface SglElement {
  /** SglFlags, the byte at bits 31:24 of the FlagsCount word. */
  readonly flags: number;
  /** Byte count, bits 23:0. */
  readonly count: number;
  /** Bus address: below 2^32 with 32-bit addressing, below 2^53 with 64-bit. */
  readonly address: number;
}

export interface Sgl {
  readonly addressing: 32 | 64;
  readonly elements: readonly SglElement[];
}

/** A DMA-able buffer: where it is on the bus and how many bytes of it count. */
export interface DmaBuffer {
  readonly address: number;
  readonly length: number;
}

/** Words the list occupies in a frame. */
export function sglWords(sgl: Sgl): number {
  return sgl.addressing === 64 ? 2 + 3 * sgl.elements.length : 2 * sgl.elements.length;
}

/** Total bytes the list describes. */
export function sglByteCount(sgl: Sgl): number {
  let n = 0;
  for (const e of sgl.elements) n += e.count;
  return n;
}

/**
 * A list of simple elements over `buffers`, in the flags Linux uses: SIMPLE
 * (| DIR when the data goes host to IOP) on each, LAST_ELEMENT | END_OF_BUFFER
 * added on the last.
 */
export function simpleSgl(buffers: readonly DmaBuffer[], hostToIop: boolean, addressing: 32 | 64 = 32): Sgl {
  const base = SGL_FLAG_SIMPLE_ADDRESS | (hostToIop ? SGL_FLAG_DIR : 0);
  const elements = buffers.map((b, i) => ({
    flags: i === buffers.length - 1 ? base | SGL_FLAG_LAST_ELEMENT | SGL_FLAG_END_OF_BUFFER : base,
    count: b.length,
    address: b.address,
  }));
  return { addressing, elements };
}

function validateElement(e: SglElement, i: number, isLast: boolean, addressing: 32 | 64): I2oError | null {
  const f = `sgl[${i}]`;
  if (!Number.isInteger(e.flags) || e.flags < 0 || e.flags > 0xff) {
    return i2oError('bad-field', `${f}.flags`, `flags must be a byte, got ${e.flags}`);
  }
  if ((e.flags & SIMPLE_TYPE_MASK) !== SGL_FLAG_SIMPLE_ADDRESS) {
    return i2oError('bad-sgl', `${f}.flags`, `element flags 0x${e.flags.toString(16)} are not a simple address element`);
  }
  if (((e.flags & SGL_FLAG_LAST_ELEMENT) !== 0) !== isLast) {
    return i2oError('bad-sgl', `${f}.flags`, isLast ? 'last element lacks LAST_ELEMENT' : 'LAST_ELEMENT before the end of the list');
  }
  if (!Number.isInteger(e.count) || e.count < 0 || e.count > SGL_COUNT_MAX) {
    return i2oError('bad-field', `${f}.count`, `count must fit 24 bits, got ${e.count}`);
  }
  const max = addressing === 64 ? Number.MAX_SAFE_INTEGER : 0xffffffff;
  if (!Number.isInteger(e.address) || e.address < 0 || e.address > max) {
    return i2oError('bad-field', `${f}.address`, `address ${e.address} does not fit ${addressing}-bit addressing`);
  }
  return null;
}

export function validateSgl(sgl: Sgl): I2oError | null {
  if (sgl.elements.length === 0) return i2oError('bad-sgl', 'sgl', 'an SGL needs at least one element');
  const n = sgl.elements.length;
  for (let i = 0; i < n; i++) {
    const err = validateElement(sgl.elements[i]!, i, i === n - 1, sgl.addressing);
    if (err) return err;
  }
  return null;
}

/** Writes the list at `byteOffset`; returns the bytes written, or why it cannot. */
export function encodeSgl(sgl: Sgl, view: DataView, byteOffset: number): number | I2oError {
  const err = validateSgl(sgl);
  if (err) return err;
  if (byteOffset < 0 || byteOffset + sglWords(sgl) * 4 > view.byteLength) {
    return i2oError('too-large', 'buffer', `${sglWords(sgl) * 4} bytes at ${byteOffset} overrun a ${view.byteLength}-byte view`);
  }
  let at = byteOffset;
  if (sgl.addressing === 64) {
    view.setUint32(at, SGL_ATTRIBUTES_64BIT, true);
    view.setUint32(at + 4, SGL_64BIT_PAGE_SIZE, true);
    at += 8;
  }
  for (const e of sgl.elements) {
    view.setUint32(at, ((e.flags << 24) | e.count) >>> 0, true);
    view.setUint32(at + 4, e.address % 0x1_0000_0000, true);
    at += 8;
    if (sgl.addressing === 64) {
      view.setUint32(at, Math.floor(e.address / 0x1_0000_0000), true);
      at += 4;
    }
  }
  return at - byteOffset;
}

/** Reads a list that must fill exactly `words` words from `byteOffset`. */
export function decodeSgl(view: DataView, byteOffset: number, words: number): Sgl | I2oError {
  let at = byteOffset;
  const end = byteOffset + words * 4;
  let addressing: 32 | 64 = 32;
  if (words >= 1 && view.getUint32(at, true) === SGL_ATTRIBUTES_64BIT) {
    if (words < 2) return i2oError('bad-sgl', 'sgl.attributes', 'attributes element without its page-size word');
    const page = view.getUint32(at + 4, true);
    if (page !== SGL_64BIT_PAGE_SIZE) return i2oError('bad-sgl', 'sgl.attributes', `page size ${page}, expected ${SGL_64BIT_PAGE_SIZE}`);
    addressing = 64;
    at += 8;
  }
  const stride = addressing === 64 ? 12 : 8;
  const elements: SglElement[] = [];
  let sawLast = false;
  while (at < end) {
    const i = elements.length;
    if (sawLast) return i2oError('bad-sgl', `sgl[${i}]`, 'words after the LAST_ELEMENT element');
    if (end - at < stride) return i2oError('bad-sgl', `sgl[${i}]`, `a ${addressing}-bit element needs ${stride} bytes, ${end - at} left`);
    const fc = view.getUint32(at, true);
    const low = view.getUint32(at + 4, true);
    const high = addressing === 64 ? view.getUint32(at + 8, true) : 0;
    if (high > 0x1fffff) return i2oError('bad-sgl', `sgl[${i}].address`, 'address beyond 2^53 is not representable');
    const e: SglElement = { flags: fc >>> 24, count: fc & SGL_COUNT_MAX, address: high * 0x1_0000_0000 + low };
    sawLast = (e.flags & SGL_FLAG_LAST_ELEMENT) !== 0;
    const err = validateElement(e, i, sawLast, addressing);
    if (err) return err;
    elements.push(e);
    at += stride;
  }
  if (elements.length === 0) return i2oError('bad-sgl', 'sgl', 'an SGL needs at least one element');
  if (!sawLast) return i2oError('bad-sgl', `sgl[${elements.length - 1}].flags`, 'last element lacks LAST_ELEMENT');
  return { addressing, elements };
}
