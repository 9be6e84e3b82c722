// Big-endian (network order) field access over a Uint8Array at a byte offset.
// Contract: callers check bounds first (every parser does a length check before
// reading), so these never throw and never allocate; reading past the end of a
// typed array yields undefined, which `| 0` / `>>> 0` turns into 0 rather than NaN.

export function readU8(b: Uint8Array, o: number): number {
  return b[o]! | 0;
}

export function readU16(b: Uint8Array, o: number): number {
  return ((b[o]! << 8) | b[o + 1]!) & 0xffff;
}

export function readU32(b: Uint8Array, o: number): number {
  return ((b[o]! << 24) | (b[o + 1]! << 16) | (b[o + 2]! << 8) | b[o + 3]!) >>> 0;
}

/** A 48-bit big-endian integer (MAC addresses), exact in a JS number. */
export function readU48(b: Uint8Array, o: number): number {
  return readU16(b, o) * 0x1_0000_0000 + readU32(b, o + 2);
}

export function writeU8(b: Uint8Array, o: number, v: number): void {
  b[o] = v & 0xff;
}

export function writeU16(b: Uint8Array, o: number, v: number): void {
  b[o] = (v >>> 8) & 0xff;
  b[o + 1] = v & 0xff;
}

export function writeU32(b: Uint8Array, o: number, v: number): void {
  b[o] = (v >>> 24) & 0xff;
  b[o + 1] = (v >>> 16) & 0xff;
  b[o + 2] = (v >>> 8) & 0xff;
  b[o + 3] = v & 0xff;
}

export function writeU48(b: Uint8Array, o: number, v: number): void {
  writeU16(b, o, Math.floor(v / 0x1_0000_0000));
  writeU32(b, o + 2, v % 0x1_0000_0000);
}
