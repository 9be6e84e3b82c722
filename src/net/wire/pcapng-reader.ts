// A pcapng reader: section header, interface description and enhanced packet
// blocks; other block types are counted and skipped. Either byte order.
//
// Contract: never throws. Every block's framing is checked (at least 12 bytes,
// a multiple of 4, inside the file, leading and trailing lengths equal), then
// its body (fixed fields present, captured length inside the block, interface
// known, options inside the block); the first problem is returned as a
// WireError naming the field ('pcapng.blockTotalLength'). Packet data are views
// into the input.
import {
  IF_DESCRIPTION,
  IF_NAME,
  IF_TSRESOL,
  OPT_COMMENT,
  OPT_ENDOFOPT,
  PCAPNG_BYTE_ORDER_MAGIC,
  PCAPNG_EPB,
  PCAPNG_IDB,
  PCAPNG_SHB,
  SHB_HARDWARE,
  SHB_OS,
  SHB_USERAPPL,
  type PcapngFile,
  type PcapngInterface,
} from './pcapng';
import { wireError, type WireError } from './types';

const utf8 = new TextDecoder();
const pad4 = (n: number): number => (n + 3) & ~3;

/** Walk options in [start, end): calls visit(code, value) for each, up to opt_endofopt. */
function readOptions(
  view: DataView,
  bytes: Uint8Array,
  start: number,
  end: number,
  le: boolean,
  visit: (code: number, value: Uint8Array) => WireError | undefined,
): WireError | undefined {
  let o = start;
  while (o + 4 <= end) {
    const code = view.getUint16(o, le);
    const len = view.getUint16(o + 2, le);
    if (code === OPT_ENDOFOPT) return undefined;
    if (o + 4 + pad4(len) > end) return wireError('malformed', 'pcapng.options.length', `option ${code} of ${len} bytes at ${o} overruns its block`);
    const e = visit(code, bytes.subarray(o + 4, o + 4 + len));
    if (e) return e;
    o += 4 + pad4(len);
  }
  if (o !== end) return wireError('malformed', 'pcapng.options.length', `${end - o} stray bytes after the options`);
  return undefined;
}

function toNanos(ts: bigint, res: PcapngInterface['tsResolution']): bigint {
  if (res.base === 2) return (ts * 1_000_000_000n) >> BigInt(res.exponent);
  if (res.exponent <= 9) return ts * 10n ** BigInt(9 - res.exponent);
  return ts / 10n ** BigInt(res.exponent - 9);
}

export function readPcapng(bytes: Uint8Array): PcapngFile | WireError {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const file: PcapngFile = { section: {}, interfaces: [], packets: [], skippedBlocks: 0 };
  let le = true;
  let sectionBase = 0; // interface ids restart in each section
  let o = 0;
  if (bytes.length < 12) return wireError('truncated', 'pcapng.shb', `a file needs at least one 28-byte section header, have ${bytes.length} bytes`);
  while (o < bytes.length) {
    if (bytes.length - o < 12) return wireError('truncated', 'pcapng.block', `${bytes.length - o} bytes left at ${o}, a block needs 12`);
    const type = view.getUint32(o, le);
    if (o === 0 && type !== PCAPNG_SHB) return wireError('malformed', 'pcapng.shb', `first block has type 0x${type.toString(16)}`);
    if (type === PCAPNG_SHB) {
      // The byte-order magic decides how to read everything else, this block's length included.
      const magic = view.getUint32(o + 8, true);
      if (magic === PCAPNG_BYTE_ORDER_MAGIC) le = true;
      else if (magic === 0x4d3c2b1a) le = false;
      else return wireError('malformed', 'pcapng.shb.byteOrderMagic', `0x${magic.toString(16)}`);
    }
    const total = view.getUint32(o + 4, le);
    if (total < 12 || total % 4 !== 0) return wireError('malformed', 'pcapng.blockTotalLength', `${total} at ${o}`);
    if (o + total > bytes.length) return wireError('truncated', 'pcapng.blockTotalLength', `block of ${total} at ${o} passes the end (${bytes.length})`);
    if (view.getUint32(o + total - 4, le) !== total) {
      return wireError('malformed', 'pcapng.blockTotalLength', `trailing length ${view.getUint32(o + total - 4, le)} != ${total} at ${o}`);
    }
    const body = o + 8;
    const end = o + total - 4;
    let e: WireError | undefined;
    if (type === PCAPNG_SHB) e = readSection(view, bytes, body, end, le, file);
    else if (type === PCAPNG_IDB) e = readInterface(view, bytes, body, end, le, file);
    else if (type === PCAPNG_EPB) e = readPacket(view, bytes, body, end, le, file, sectionBase);
    else file.skippedBlocks++;
    if (e) return e;
    if (type === PCAPNG_SHB) sectionBase = file.interfaces.length;
    o += total;
  }
  return file;
}

function readSection(view: DataView, bytes: Uint8Array, body: number, end: number, le: boolean, file: PcapngFile): WireError | undefined {
  if (end - body < 16) return wireError('malformed', 'pcapng.shb.length', `body of ${end - body} bytes, needs 16`);
  const major = view.getUint16(body + 4, le);
  if (major !== 1) return wireError('unsupported', 'pcapng.shb.version', `major version ${major}`);
  return readOptions(view, bytes, body + 16, end, le, (code, value) => {
    const text = utf8.decode(value);
    if (code === OPT_COMMENT) file.section.comment = text;
    else if (code === SHB_HARDWARE) file.section.hardware = text;
    else if (code === SHB_OS) file.section.os = text;
    else if (code === SHB_USERAPPL) file.section.application = text;
    return undefined;
  });
}

function readInterface(view: DataView, bytes: Uint8Array, body: number, end: number, le: boolean, file: PcapngFile): WireError | undefined {
  if (end - body < 8) return wireError('malformed', 'pcapng.idb.length', `body of ${end - body} bytes, needs 8`);
  const iface: PcapngInterface = {
    linkType: view.getUint16(body, le),
    snapLen: view.getUint32(body + 4, le),
    tsResolution: { base: 10, exponent: 6 }, // the default when if_tsresol is absent: microseconds
  };
  const e = readOptions(view, bytes, body + 8, end, le, (code, value) => {
    if (code === IF_TSRESOL) {
      if (value.length !== 1) return wireError('malformed', 'pcapng.idb.tsresol', `length ${value.length}, expected 1`);
      const v = value[0]!;
      iface.tsResolution = { base: v & 0x80 ? 2 : 10, exponent: v & 0x7f };
      if (iface.tsResolution.base === 10 && iface.tsResolution.exponent > 18) {
        return wireError('unsupported', 'pcapng.idb.tsresol', `10^-${iface.tsResolution.exponent}`);
      }
    } else if (code === IF_NAME) iface.name = utf8.decode(value);
    else if (code === IF_DESCRIPTION) iface.description = utf8.decode(value);
    return undefined;
  });
  if (e) return e;
  file.interfaces.push(iface);
  return undefined;
}

function readPacket(
  view: DataView,
  bytes: Uint8Array,
  body: number,
  end: number,
  le: boolean,
  file: PcapngFile,
  sectionBase: number,
): WireError | undefined {
  if (end - body < 20) return wireError('malformed', 'pcapng.epb.length', `body of ${end - body} bytes, needs 20`);
  const interfaceId = sectionBase + view.getUint32(body, le);
  const iface = file.interfaces[interfaceId];
  if (iface === undefined) return wireError('malformed', 'pcapng.epb.interfaceId', `interface ${interfaceId - sectionBase} not described`);
  const captured = view.getUint32(body + 12, le);
  if (body + 20 + pad4(captured) > end) {
    return wireError('malformed', 'pcapng.epb.capturedLength', `${captured} bytes do not fit a block body of ${end - body}`);
  }
  const ts = (BigInt(view.getUint32(body + 4, le)) << 32n) | BigInt(view.getUint32(body + 8, le));
  const packet: PcapngFile['packets'][number] = {
    interfaceId,
    timestampNs: toNanos(ts, iface.tsResolution),
    data: bytes.subarray(body + 20, body + 20 + captured),
    originalLength: view.getUint32(body + 16, le),
  };
  const e = readOptions(view, bytes, body + 20 + pad4(captured), end, le, (code, value) => {
    if (code === OPT_COMMENT) packet.comment = utf8.decode(value);
    return undefined;
  });
  if (e) return e;
  file.packets.push(packet);
  return undefined;
}

