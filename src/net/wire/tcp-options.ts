// TCP options (RFC 9293 section 3.2; MSS; window scale and timestamps, RFC 7323;
// SACK-permitted and SACK blocks, RFC 2018; NOP and EOL).
//
// Parsing accepts any order and any padding, skips unknown kinds, and rejects
// an option whose length byte is missing, below 2, past the header, or wrong
// for its kind, naming it ('tcp.options.mss'). A repeated option: the last wins.
//
// Emitting lays options out exactly as Linux's tcp_options_write() does, so
// that the lab's segments look like a Linux host's on the wire and in tshark:
//   MSS                      02 04 mm mm
//   SACK-permitted + TS      04 02 08 0a  tsval  tsecr   (or 01 01 08 0a ... without SACK-permitted)
//   SACK-permitted, no TS    01 01 04 02
//   window scale             01 03 03 ws
//   SACK blocks              01 01 05 len  (left right)*
// Every piece is a multiple of 4 bytes, so no trailing padding is needed. The
// option space is 40 bytes (data offset <= 15 words); SACK blocks beyond what
// fits are left out (Linux sends at most 3 alongside timestamps, RFC 2018 section 3).
import { readU16, readU32, readU8, writeU16, writeU32 } from './bytes';
import { seq } from './seq';
import { wireError, type TcpOptions, type TcpSackBlock, type WireError } from './types';

export const TCPOPT_EOL = 0;
export const TCPOPT_NOP = 1;
export const TCPOPT_MSS = 2;
export const TCPOPT_WINDOW = 3;
export const TCPOPT_SACK_PERM = 4;
export const TCPOPT_SACK = 5;
export const TCPOPT_TIMESTAMP = 8;
export const TCP_MAX_OPTIONS_LEN = 40;

/** How many SACK blocks fit next to the other options (0..4). */
export function tcpSackBlocksThatFit(opts: TcpOptions): number {
  const blocks = opts.sackBlocks?.length ?? 0;
  if (blocks === 0) return 0;
  const room = TCP_MAX_OPTIONS_LEN - tcpOptionsLenWithoutSack(opts) - 4;
  return Math.max(0, Math.min(blocks, 4, Math.floor(room / 8)));
}

function tcpOptionsLenWithoutSack(opts: TcpOptions): number {
  let len = 0;
  if (opts.mss !== undefined) len += 4;
  if (opts.timestamps !== undefined) len += 12;
  else if (opts.sackPermitted === true) len += 4;
  if (opts.windowScale !== undefined) len += 4;
  return len;
}

/** Bytes the options take on the wire; always a multiple of 4 and at most 40. */
export function tcpOptionsLen(opts: TcpOptions): number {
  const n = tcpSackBlocksThatFit(opts);
  return tcpOptionsLenWithoutSack(opts) + (n > 0 ? 4 + 8 * n : 0);
}

/** Write the options at buf[o]; returns the bytes written. The caller checked the room. */
export function emitTcpOptions(opts: TcpOptions, buf: Uint8Array, offset: number): number {
  let o = offset;
  if (opts.mss !== undefined) {
    writeU32(buf, o, (TCPOPT_MSS << 24) | (4 << 16) | (opts.mss & 0xffff));
    o += 4;
  }
  if (opts.timestamps !== undefined) {
    const lead = opts.sackPermitted === true ? (TCPOPT_SACK_PERM << 8) | 2 : (TCPOPT_NOP << 8) | TCPOPT_NOP;
    writeU16(buf, o, lead);
    writeU16(buf, o + 2, (TCPOPT_TIMESTAMP << 8) | 10);
    writeU32(buf, o + 4, opts.timestamps.tsVal);
    writeU32(buf, o + 8, opts.timestamps.tsEcr);
    o += 12;
  } else if (opts.sackPermitted === true) {
    writeU32(buf, o, (TCPOPT_NOP << 24) | (TCPOPT_NOP << 16) | (TCPOPT_SACK_PERM << 8) | 2);
    o += 4;
  }
  if (opts.windowScale !== undefined) {
    writeU32(buf, o, (TCPOPT_NOP << 24) | (TCPOPT_WINDOW << 16) | (3 << 8) | (opts.windowScale & 0xff));
    o += 4;
  }
  const n = tcpSackBlocksThatFit(opts);
  if (n > 0) {
    const blocks = opts.sackBlocks!;
    writeU32(buf, o, (TCPOPT_NOP << 24) | (TCPOPT_NOP << 16) | (TCPOPT_SACK << 8) | (2 + 8 * n));
    o += 4;
    for (let i = 0; i < n; i++) {
      const b = blocks[i]!;
      writeU32(buf, o, b.left);
      writeU32(buf, o + 4, b.right);
      o += 8;
    }
  }
  return o - offset;
}

/** Parse the options in bytes[start, end). */
export function parseTcpOptions(bytes: Uint8Array, start: number, end: number): TcpOptions | WireError {
  const opts: TcpOptions = {};
  let o = start;
  while (o < end) {
    const kind = readU8(bytes, o);
    if (kind === TCPOPT_EOL) break;
    if (kind === TCPOPT_NOP) {
      o += 1;
      continue;
    }
    if (o + 1 >= end) return wireError('malformed', 'tcp.options.length', `option ${kind} at ${o} has no length byte`);
    const len = readU8(bytes, o + 1);
    if (len < 2 || o + len > end) {
      return wireError('malformed', 'tcp.options.length', `option ${kind} at ${o} has length ${len}`);
    }
    switch (kind) {
      case TCPOPT_MSS:
        if (len !== 4) return wireError('malformed', 'tcp.options.mss', `length ${len}, expected 4`);
        opts.mss = readU16(bytes, o + 2);
        break;
      case TCPOPT_WINDOW:
        if (len !== 3) return wireError('malformed', 'tcp.options.windowScale', `length ${len}, expected 3`);
        opts.windowScale = readU8(bytes, o + 2);
        break;
      case TCPOPT_SACK_PERM:
        if (len !== 2) return wireError('malformed', 'tcp.options.sackPermitted', `length ${len}, expected 2`);
        opts.sackPermitted = true;
        break;
      case TCPOPT_SACK: {
        if (len < 10 || (len - 2) % 8 !== 0) {
          return wireError('malformed', 'tcp.options.sack', `length ${len} is not 2 + 8n with n >= 1`);
        }
        const blocks: TcpSackBlock[] = [];
        for (let p = o + 2; p < o + len; p += 8) {
          blocks.push({ left: seq(readU32(bytes, p)), right: seq(readU32(bytes, p + 4)) });
        }
        opts.sackBlocks = blocks;
        break;
      }
      case TCPOPT_TIMESTAMP:
        if (len !== 10) return wireError('malformed', 'tcp.options.timestamps', `length ${len}, expected 10`);
        opts.timestamps = { tsVal: readU32(bytes, o + 2), tsEcr: readU32(bytes, o + 6) };
        break;
      default:
        break; // RFC 9293 section 3.2: unknown options are skipped using their length.
    }
    o += len;
  }
  return opts;
}
