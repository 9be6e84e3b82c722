// I2O 1.5 message frames as real bytes: little-endian 32-bit words.
//
//   word 0  VersionOffset (bits 7:0: version in 3:0, SGL offset in words in 7:4)
//           | MsgFlags << 8 | MessageSize (in words) << 16
//   word 1  TargetAddress (bits 11:0) | InitiatorAddress << 12 | Function << 24
//   word 2  InitiatorContext
//   word 3  TransactionContext
//   word 4  replies only: DetailedStatusCode (15:0) | reserved or Severity (23:16)
//           | ReqStatus (31:24)
//   next    private messages only: XFunctionCode (15:0) | OrganizationID (31:16)
//   ...     body words, then the SGL from the SGL offset to MessageSize
//
// Read in Linux's include/linux/i2o.h (`struct i2o_message`: u8 version_offset;
// u8 flags; u16 size; u32 target_tid:12, init_tid:12, function:8; u32 icntxt;
// u32 tcntxt; `SGL_OFFSET(x) (((x)<<4) | I2OVERSION)`; `I2O_MESSAGE_SIZE(x)
// ((x)<<16)`), in drivers/message/i2o/debug.c (`req_status = (msg[4] >> 24) &
// 0xFF; detailed_status = msg[4] & 0xFFFF`), in i2o_block.c's private frames
// (`I2O_CMD_PRIVATE << 24 | HOST_TID << 12 | tid`, then `I2O_VENDOR_DPT << 16
// | I2O_CMD_SCSI_EXEC` in the word after the header), and in FreeBSD's
// sys/dev/asr/i2omsg.h (I2O_SINGLE_REPLY_MESSAGE_FRAME, I2O_PRIVATE_MESSAGE_FRAME).
// A reply to a private message keeps the status at word 4, where Linux looks
// for it for every function, and carries the private word after it.
//
// Contract: decodeFrame and encodeFrame never throw; bad input gives an
// I2oError naming the field. decode(encode(m)) equals m for every m encode
// accepts. 64-bit contexts (MsgFlags 0x02) are valid I2O the lab does not use,
// so both refuse them as 'unsupported'. Every frame here has the full 4-word
// header: Linux's i2o_msg_nop_mfa() posts a 3-word UtilNOP without a
// TransactionContext, which decodeFrame refuses as 'bad-size'; the lab's
// models always send 4 words.
import {
  FUNCTION_PRIVATE, I2O_HEADER_WORDS, I2O_VERSION_15, INBOUND_FRAME_WORDS, MSG_FLAG_64BIT_CONTEXT,
  MSG_FLAG_FAIL, MSG_FLAG_REPLY, OUTBOUND_FRAME_WORDS, TID_MAX,
} from './constants';
import { i2oError, type I2oError } from './errors';
import { isKnownFunction } from './functions';
import { decodeSgl, encodeSgl, sglWords, validateSgl, type Sgl } from './sgl';

export interface ReplyStatus {
  /** ReqStatus, bits 31:24; with MsgFlags FAIL it holds the transport failure code (0x81-0x8F, 0xFF). */
  readonly reqStatus: number;
  /** Bits 23:16: reserved (0) in a normal reply, the Severity byte in a failure reply. */
  readonly severity: number;
  /** DetailedStatusCode, bits 15:0. */
  readonly detailedStatus: number;
}

export interface PrivateHeader {
  readonly xFunctionCode: number;
  readonly organizationId: number;
}

export interface I2oMessage {
  /** VersionOffset bits 3:0; always I2O_VERSION_15 here. */
  readonly version: number;
  readonly msgFlags: number;
  readonly targetTid: number;
  readonly initiatorTid: number;
  /** Function, bits 31:24 of word 1. */
  readonly func: number;
  readonly initiatorContext: number;
  readonly transactionContext: number;
  /** Present exactly when MsgFlags has REPLY. */
  readonly reply: ReplyStatus | null;
  /** Present exactly when Function is PRIVATE (0xFF). */
  readonly priv: PrivateHeader | null;
  /** Payload words between the fixed part and the SGL. */
  readonly body: readonly number[];
  readonly sgl: Sgl | null;
}

/** Words before the body: the header, the reply status, the private word. */
export function fixedWords(m: Pick<I2oMessage, 'reply' | 'priv'>): number {
  return I2O_HEADER_WORDS + (m.reply ? 1 : 0) + (m.priv ? 1 : 0);
}

/** MessageSize in words. */
export function messageWords(m: I2oMessage): number {
  return fixedWords(m) + m.body.length + (m.sgl ? sglWords(m.sgl) : 0);
}

/** The SGL offset in words (0 when the message has no SGL). */
export function sglOffsetOf(m: I2oMessage): number {
  return m.sgl ? fixedWords(m) + m.body.length : 0;
}

/** Frames travel host to IOP as requests and IOP to host as replies, so the limit follows REPLY. */
export function frameLimitWords(m: Pick<I2oMessage, 'msgFlags'>): number {
  return (m.msgFlags & MSG_FLAG_REPLY) !== 0 ? OUTBOUND_FRAME_WORDS : INBOUND_FRAME_WORDS;
}

const isU = (v: number, max: number): boolean => Number.isInteger(v) && v >= 0 && v <= max;

function validate(m: I2oMessage): I2oError | null {
  if (m.version !== I2O_VERSION_15) return i2oError('bad-version', 'header.version', `version ${m.version}, the lab speaks I2O 1.5 (1)`);
  if (!isU(m.msgFlags, 0xff)) return i2oError('bad-field', 'header.msgFlags', `MsgFlags must be a byte, got ${m.msgFlags}`);
  if (m.msgFlags & MSG_FLAG_64BIT_CONTEXT) return i2oError('unsupported', 'header.msgFlags', '64-bit contexts are not used by the lab');
  if (!isU(m.targetTid, TID_MAX)) return i2oError('bad-field', 'header.targetTid', `TIDs are 12 bits, got ${m.targetTid}`);
  if (!isU(m.initiatorTid, TID_MAX)) return i2oError('bad-field', 'header.initiatorTid', `TIDs are 12 bits, got ${m.initiatorTid}`);
  if (!isU(m.func, 0xff)) return i2oError('bad-field', 'header.function', `Function is 8 bits, got ${m.func}`);
  if (!isKnownFunction(m.func)) return i2oError('unknown-function', 'header.function', `unknown Function 0x${m.func.toString(16)}`);
  if (!isU(m.initiatorContext, 0xffffffff)) return i2oError('bad-field', 'header.initiatorContext', 'contexts are 32 bits');
  if (!isU(m.transactionContext, 0xffffffff)) return i2oError('bad-field', 'header.transactionContext', 'contexts are 32 bits');
  const isReply = (m.msgFlags & MSG_FLAG_REPLY) !== 0;
  if (isReply !== (m.reply !== null)) return i2oError('bad-field', 'reply', isReply ? 'REPLY set but no status word' : 'status word without REPLY');
  if ((m.msgFlags & MSG_FLAG_FAIL) && !isReply) return i2oError('bad-field', 'header.msgFlags', 'FAIL is only meaningful on a reply');
  if (m.reply) {
    if (!isU(m.reply.reqStatus, 0xff)) return i2oError('bad-field', 'reply.reqStatus', 'ReqStatus is 8 bits');
    if (!isU(m.reply.severity, 0xff)) return i2oError('bad-field', 'reply.severity', 'Severity is 8 bits');
    if (!isU(m.reply.detailedStatus, 0xffff)) return i2oError('bad-field', 'reply.detailedStatus', 'DetailedStatusCode is 16 bits');
  }
  if ((m.func === FUNCTION_PRIVATE) !== (m.priv !== null)) return i2oError('bad-field', 'private', 'a private header goes with Function 0xFF and only with it');
  if (m.priv) {
    if (!isU(m.priv.xFunctionCode, 0xffff)) return i2oError('bad-field', 'private.xFunctionCode', 'XFunctionCode is 16 bits');
    if (!isU(m.priv.organizationId, 0xffff)) return i2oError('bad-field', 'private.organizationId', 'OrganizationID is 16 bits');
  }
  for (let i = 0; i < m.body.length; i++) {
    if (!isU(m.body[i]!, 0xffffffff)) return i2oError('bad-field', `body[${i}]`, `body words are 32 bits, got ${m.body[i]}`);
  }
  if (m.sgl) return validateSgl(m.sgl);
  return null;
}

export interface EncodeOptions {
  /** The frame's capacity in words; by default 32 for requests (inbound), 128 for replies (outbound). */
  readonly maxWords?: number;
}

/** Writes `msg` at `offset`; returns the bytes written, or why it cannot. */
export function encodeFrame(msg: I2oMessage, buf: Uint8Array, offset: number, opts: EncodeOptions = {}): number | I2oError {
  const bad = validate(msg);
  if (bad) return bad;
  const words = messageWords(msg);
  const limit = opts.maxWords ?? frameLimitWords(msg);
  if (words > limit) return i2oError('too-large', 'header.messageSize', `${words} words do not fit a ${limit}-word frame`);
  const sglOffset = sglOffsetOf(msg);
  if (sglOffset > 0x0f) return i2oError('bad-sgl-offset', 'header.sglOffset', `SGL at word ${sglOffset}, the offset nibble reaches 15`);
  if (!Number.isInteger(offset) || offset < 0 || offset + words * 4 > buf.length) {
    return i2oError('too-large', 'buffer', `${words * 4} bytes at ${offset} overrun a ${buf.length}-byte buffer`);
  }
  const v = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  v.setUint32(offset, (msg.version | (sglOffset << 4) | (msg.msgFlags << 8) | (words << 16)) >>> 0, true);
  v.setUint32(offset + 4, (msg.targetTid | (msg.initiatorTid << 12) | (msg.func << 24)) >>> 0, true);
  v.setUint32(offset + 8, msg.initiatorContext, true);
  v.setUint32(offset + 12, msg.transactionContext, true);
  let at = offset + 16;
  if (msg.reply) {
    const r = msg.reply;
    v.setUint32(at, (r.detailedStatus | (r.severity << 16) | (r.reqStatus << 24)) >>> 0, true);
    at += 4;
  }
  if (msg.priv) {
    v.setUint32(at, (msg.priv.xFunctionCode | (msg.priv.organizationId << 16)) >>> 0, true);
    at += 4;
  }
  for (const w of msg.body) {
    v.setUint32(at, w, true);
    at += 4;
  }
  if (msg.sgl) {
    const n = encodeSgl(msg.sgl, v, at);
    if (typeof n !== 'number') return n;
    at += n;
  }
  return at - offset;
}

/** Reads one frame from the start of `bytes` (bytes past MessageSize are ignored). */
export function decodeFrame(bytes: Uint8Array): I2oMessage | I2oError {
  if (bytes.length < 16) return i2oError('truncated', 'header', `${bytes.length} bytes, a header needs 16`);
  const v = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const w0 = v.getUint32(0, true);
  const version = w0 & 0x0f;
  const sglOffset = (w0 >>> 4) & 0x0f;
  const msgFlags = (w0 >>> 8) & 0xff;
  const words = w0 >>> 16;
  if (version !== I2O_VERSION_15) return i2oError('bad-version', 'header.version', `version ${version}, expected I2O 1.5 (1)`);
  if (words < I2O_HEADER_WORDS) return i2oError('bad-size', 'header.messageSize', `MessageSize ${words} is below the 4-word header`);
  if (words * 4 > bytes.length) return i2oError('truncated', 'header.messageSize', `MessageSize ${words} words, only ${bytes.length} bytes`);
  if (msgFlags & MSG_FLAG_64BIT_CONTEXT) return i2oError('unsupported', 'header.msgFlags', '64-bit contexts are not used by the lab');
  const isReply = (msgFlags & MSG_FLAG_REPLY) !== 0;
  if ((msgFlags & MSG_FLAG_FAIL) && !isReply) return i2oError('bad-field', 'header.msgFlags', 'FAIL without REPLY');
  const w1 = v.getUint32(4, true);
  const func = w1 >>> 24;
  if (!isKnownFunction(func)) return i2oError('unknown-function', 'header.function', `unknown Function 0x${func.toString(16)}`);
  const isPrivate = func === FUNCTION_PRIVATE;
  const fixed = I2O_HEADER_WORDS + (isReply ? 1 : 0) + (isPrivate ? 1 : 0);
  if (words < fixed) {
    const part = isReply ? 'a reply status word' : 'a private header word';
    return i2oError('bad-size', 'header.messageSize', `MessageSize ${words} leaves no room for ${part}`);
  }
  if (sglOffset !== 0 && (sglOffset < fixed || sglOffset >= words)) {
    return i2oError('bad-sgl-offset', 'header.sglOffset', `SGL offset ${sglOffset} outside words ${fixed}..${words - 1}`);
  }
  let reply: ReplyStatus | null = null;
  if (isReply) {
    const s = v.getUint32(16, true);
    reply = { reqStatus: s >>> 24, severity: (s >>> 16) & 0xff, detailedStatus: s & 0xffff };
  }
  let priv: PrivateHeader | null = null;
  if (isPrivate) {
    const p = v.getUint32(isReply ? 20 : 16, true);
    priv = { xFunctionCode: p & 0xffff, organizationId: p >>> 16 };
  }
  const bodyEnd = sglOffset !== 0 ? sglOffset : words;
  const body: number[] = [];
  for (let i = fixed; i < bodyEnd; i++) body.push(v.getUint32(i * 4, true));
  let sgl: Sgl | null = null;
  if (sglOffset !== 0) {
    const s = decodeSgl(v, sglOffset * 4, words - sglOffset);
    if ('i2oError' in s) return s;
    sgl = s;
  }
  return {
    version, msgFlags, targetTid: w1 & 0xfff, initiatorTid: (w1 >>> 12) & 0xfff, func,
    initiatorContext: v.getUint32(8, true), transactionContext: v.getUint32(12, true),
    reply, priv, body, sgl,
  };
}
