// A pcapng writer: one section, any number of interfaces (each with
// if_tsresol = 9, nanosecond timestamps), enhanced packet blocks with 64-bit
// timestamps. Writes little-endian, as the format allows either and readers
// check the byte-order magic. Blocks are built as they come and joined by
// toBytes() (the whole file, while nothing was flushed) or flush() (what is new);
// the writer is for captures and tests, not the per-packet hot path.
//
// Never throws: a packet for an unknown interface, a negative or fractional
// timestamp, or data beyond the interface's snap length is refused with a
// WireError naming the field.
import {
  IF_DESCRIPTION,
  IF_NAME,
  IF_TSRESOL,
  LINKTYPE_ETHERNET,
  OPT_COMMENT,
  OPT_ENDOFOPT,
  PCAPNG_BYTE_ORDER_MAGIC,
  PCAPNG_EPB,
  PCAPNG_IDB,
  PCAPNG_SHB,
  SHB_HARDWARE,
  SHB_OS,
  SHB_USERAPPL,
  type PcapngSection,
} from './pcapng';
import { wireError, type WireError } from './types';

interface Option {
  code: number;
  value: Uint8Array;
}

const utf8 = new TextEncoder();
const pad4 = (n: number): number => (n + 3) & ~3;

function optionsLen(options: readonly Option[]): number {
  if (options.length === 0) return 0;
  let n = 4; // opt_endofopt
  for (const o of options) n += 4 + pad4(o.value.length);
  return n;
}

function writeOptions(view: DataView, bytes: Uint8Array, at: number, options: readonly Option[]): number {
  if (options.length === 0) return at;
  let o = at;
  for (const opt of options) {
    view.setUint16(o, opt.code, true);
    view.setUint16(o + 2, opt.value.length, true);
    bytes.set(opt.value, o + 4);
    o += 4 + pad4(opt.value.length); // padding bytes stay zero
  }
  view.setUint32(o, OPT_ENDOFOPT, true); // code 0, length 0
  return o + 4;
}

/** A block: type, total length, body (written by fill at offset 8), options, total length. */
function block(type: number, bodyLen: number, options: readonly Option[], fill: (v: DataView, b: Uint8Array) => void): Uint8Array {
  const total = 12 + pad4(bodyLen) + optionsLen(options);
  const bytes = new Uint8Array(total);
  const view = new DataView(bytes.buffer);
  view.setUint32(0, type, true);
  view.setUint32(4, total, true);
  fill(view, bytes);
  writeOptions(view, bytes, 8 + pad4(bodyLen), options);
  view.setUint32(total - 4, total, true);
  return bytes;
}

function textOptions(pairs: Array<[number, string | undefined]>): Option[] {
  const out: Option[] = [];
  for (const [code, text] of pairs) if (text !== undefined && text !== '') out.push({ code, value: utf8.encode(text) });
  return out;
}

const EMPTY = new Uint8Array(0);

function join(blocks: readonly Uint8Array[], from: number): Uint8Array {
  let total = 0;
  for (let i = from; i < blocks.length; i++) total += blocks[i]!.length;
  const out = new Uint8Array(total);
  let o = 0;
  for (let i = from; i < blocks.length; i++) {
    out.set(blocks[i]!, o);
    o += blocks[i]!.length;
  }
  return out;
}

export interface PcapngInterfaceOptions {
  linkType?: number;
  snapLen?: number;
  name?: string;
  description?: string;
}

export class PcapngWriter {
  private readonly blocks: Uint8Array[] = [];
  private readonly snapLens: number[] = [];

  constructor(section: PcapngSection = {}) {
    const options = textOptions([
      [OPT_COMMENT, section.comment],
      [SHB_HARDWARE, section.hardware],
      [SHB_OS, section.os],
      [SHB_USERAPPL, section.application],
    ]);
    this.blocks.push(
      block(PCAPNG_SHB, 16, options, (v) => {
        v.setUint32(8, PCAPNG_BYTE_ORDER_MAGIC, true);
        v.setUint16(12, 1, true); // major version
        v.setUint16(14, 0, true); // minor version
        v.setInt32(16, -1, true); // section length: -1, "not specified" (64-bit)
        v.setInt32(20, -1, true);
      }),
    );
  }

  /** Adds an interface description; returns its id for writePacket. */
  addInterface(opts: PcapngInterfaceOptions = {}): number {
    const snapLen = opts.snapLen ?? 0;
    const options: Option[] = [
      ...textOptions([
        [IF_NAME, opts.name],
        [IF_DESCRIPTION, opts.description],
      ]),
      { code: IF_TSRESOL, value: Uint8Array.of(9) }, // 10^-9 s: nanoseconds
    ];
    this.blocks.push(
      block(PCAPNG_IDB, 8, options, (v) => {
        v.setUint16(8, opts.linkType ?? LINKTYPE_ETHERNET, true);
        v.setUint16(10, 0, true); // reserved
        v.setUint32(12, snapLen, true);
      }),
    );
    this.snapLens.push(snapLen);
    return this.snapLens.length - 1;
  }

  /**
   * Adds an enhanced packet block. timestampNs counts nanoseconds (Nanos or a
   * bigint); originalLength defaults to data.length.
   */
  writePacket(
    interfaceId: number,
    timestampNs: number | bigint,
    data: Uint8Array,
    originalLength = data.length,
    comment?: string,
  ): WireError | undefined {
    const snapLen = this.snapLens[interfaceId];
    if (snapLen === undefined) return wireError('malformed', 'pcapng.epb.interfaceId', `no interface ${interfaceId}`);
    if (typeof timestampNs === 'number' && !Number.isSafeInteger(timestampNs)) {
      return wireError('malformed', 'pcapng.epb.timestamp', `${timestampNs} is not an integer count of nanoseconds`);
    }
    const ts = BigInt(timestampNs);
    if (ts < 0n || ts >= 1n << 64n) return wireError('malformed', 'pcapng.epb.timestamp', `${ts} does not fit 64 bits`);
    if (snapLen !== 0 && data.length > snapLen) {
      return wireError('malformed', 'pcapng.epb.capturedLength', `${data.length} bytes exceed snap length ${snapLen}`);
    }
    if (originalLength < data.length || originalLength > 0xffffffff) {
      return wireError('malformed', 'pcapng.epb.originalLength', `${originalLength} < captured ${data.length}`);
    }
    const options = textOptions([[OPT_COMMENT, comment]]);
    this.blocks.push(
      block(PCAPNG_EPB, 20 + data.length, options, (v, b) => {
        v.setUint32(8, interfaceId, true);
        v.setUint32(12, Number(ts >> 32n), true);
        v.setUint32(16, Number(ts & 0xffffffffn), true);
        v.setUint32(20, data.length, true);
        v.setUint32(24, originalLength, true);
        b.set(data, 28);
      }),
    );
    return undefined;
  }

  private flushed = 0;

  /** The whole file so far. */
  toBytes(): Uint8Array {
    return join(this.blocks, 0);
  }

  /**
   * The bytes written since the last flush (the section header and interfaces
   * first), for streaming a long capture out in pieces; the pieces joined in
   * order equal toBytes(). Flushed blocks are released.
   */
  flush(): Uint8Array {
    const out = join(this.blocks, this.flushed);
    for (let i = this.flushed; i < this.blocks.length; i++) this.blocks[i] = EMPTY;
    this.flushed = this.blocks.length;
    return out;
  }
}
