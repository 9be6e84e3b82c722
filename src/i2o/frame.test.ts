import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  FSC_CONGESTION, HOST_TID, IOP_TID, MSG_FLAG_FAIL, MSG_FLAG_REPLY, REPLY_STATUS_SUCCESS,
} from './constants';
import { isI2oError, type I2oError } from './errors';
import { decodeFrame, encodeFrame, messageWords, type I2oMessage } from './frame';
import { FN_EXEC_STATUS_GET, FN_LAN_PACKET_SEND, FN_UTIL_NOP, isKnownFunction } from './functions';
import { simpleSgl } from './sgl';

/** Little-endian bytes of 32-bit words, as the frame sits in memory. */
function le(...words: number[]): Uint8Array {
  const b = new Uint8Array(words.length * 4);
  const v = new DataView(b.buffer);
  words.forEach((w, i) => v.setUint32(i * 4, w >>> 0, true));
  return b;
}

function ok<T>(x: T | I2oError): T {
  if (isI2oError(x)) throw new Error(`unexpected I2oError ${x.kind} at ${x.field}: ${x.detail}`);
  return x;
}

function err(x: unknown): I2oError {
  if (!isI2oError(x)) throw new Error(`expected an I2oError, got ${JSON.stringify(x)}`);
  return x;
}

const base: I2oMessage = {
  version: 1, msgFlags: 0, targetTid: IOP_TID, initiatorTid: HOST_TID, func: FN_EXEC_STATUS_GET,
  initiatorContext: 0, transactionContext: 0, reply: null, priv: null, body: [], sgl: null,
};

describe('decodeFrame', () => {
  it('reads the four header words field by field, little-endian, byte by byte', () => {
    const bytes = new Uint8Array([
      0x01, 0x00, 0x04, 0x00, // word 0: VersionOffset 0x01 (1.5, no SGL), MsgFlags 0, MessageSize 4
      0x00, 0x10, 0x00, 0xa0, // word 1: Target 0x000 (IOP), Initiator 0x001 (host), Function 0xA0 (ExecStatusGet)
      0x78, 0x56, 0x34, 0x12, // word 2: InitiatorContext 0x12345678
      0xef, 0xbe, 0xad, 0xde, // word 3: TransactionContext 0xDEADBEEF
    ]);
    const m = ok(decodeFrame(bytes));
    expect(m).toEqual({ ...base, initiatorContext: 0x12345678, transactionContext: 0xdeadbeef });
  });

  it('reads a single-transaction reply: ReqStatus in bits 31:24 and DetailedStatusCode in 15:0 of word 4', () => {
    const m = ok(decodeFrame(le(
      0x0005_8001, // word 0: MessageSize 5, MsgFlags REPLY, version 1
      0xa000_0001, // word 1: Target host, Initiator IOP 0, Function ExecStatusGet
      0x0000_0042, // word 2: InitiatorContext
      0x0000_0007, // word 3: TransactionContext
      0x0500_0011, // word 4: ReqStatus 0x05 ERROR_NO_DATA_TRANSFER, DetailedStatusCode 0x0011 INVALID_PARAMETER
    )));
    expect(m.msgFlags).toBe(MSG_FLAG_REPLY);
    expect(m.targetTid).toBe(HOST_TID);
    expect(m.initiatorTid).toBe(IOP_TID);
    expect(m.reply).toEqual({ reqStatus: 0x05, severity: 0, detailedStatus: 0x0011 });
  });

  it('reads a transport failure reply: FAIL|REPLY with the congestion code 0x83 and its severity', () => {
    const m = ok(decodeFrame(le(
      0x0005_a001, // word 0: MessageSize 5, MsgFlags REPLY|FAIL, version 1
      0x0000_0001, // word 1: Target host, Initiator IOP, Function UtilNOP
      0x0000_0001, // word 2: InitiatorContext
      0x0000_0002, // word 3: TransactionContext
      0x8308_0000, // word 4: FailureCode 0x83 CONGESTION, Severity 0x08 (congestion)
    )));
    expect(m.msgFlags).toBe(MSG_FLAG_REPLY | MSG_FLAG_FAIL);
    expect(m.reply).toEqual({ reqStatus: FSC_CONGESTION, severity: 0x08, detailedStatus: 0 });
  });

  it('reads a LAN PacketSend with body words and a two-element SGL at the offset the header names', () => {
    const m = ok(decodeFrame(le(
      0x0009_0051, // word 0: MessageSize 9, SGL offset 5, version 1
      0x3b00_1020, // word 1: Target 0x020, Initiator host, Function 0x3B PacketSend
      0x0000_0003, // word 2: InitiatorContext
      0x0000_0004, // word 3: TransactionContext
      0x0000_0000, // word 4: body (control word)
      0x1400_0100, // word 5: SGL element 0: SIMPLE|DIR, 256 bytes
      0x0000_8000, // word 6:   address 0x8000
      0xd400_0040, // word 7: SGL element 1: LAST|EOB|SIMPLE|DIR, 64 bytes
      0x0000_9000, // word 8:   address 0x9000
    )));
    expect(m.func).toBe(FN_LAN_PACKET_SEND);
    expect(m.body).toEqual([0]);
    expect(m.sgl).toEqual(simpleSgl([{ address: 0x8000, length: 256 }, { address: 0x9000, length: 64 }], true));
  });

  it('ignores bytes past MessageSize, as a frame slot is larger than its message', () => {
    const bytes = new Uint8Array(128);
    bytes.set(le(0x0004_0001, 0xa000_1000, 1, 2));
    bytes.fill(0xee, 16);
    expect(ok(decodeFrame(bytes)).transactionContext).toBe(2);
  });

  it.each<[string, Uint8Array, string, string]>([
    ['fewer than 16 bytes', le(0x0004_0001, 0xa000_1000, 0), 'truncated', 'header'],
    ['MessageSize beyond the bytes', le(0x0006_0001, 0xa000_1000, 0, 0, 0), 'truncated', 'header.messageSize'],
    ['MessageSize below the header', le(0x0003_0001, 0xa000_1000, 0, 0), 'bad-size', 'header.messageSize'],
    ['a version other than 1.5', le(0x0004_0002, 0xa000_1000, 0, 0), 'bad-version', 'header.version'],
    ['an unknown Function', le(0x0004_0001, 0x7700_1000, 0, 0), 'unknown-function', 'header.function'],
    ['a reply with no room for its status word', le(0x0004_8001, 0xa000_0001, 0, 0), 'bad-size', 'header.messageSize'],
    ['a private message with no room for its private word', le(0x0004_0001, 0xff00_1010, 0, 0), 'bad-size', 'header.messageSize'],
    ['an SGL offset beyond MessageSize', le(0x0005_0061, 0x3b00_1020, 0, 0, 0), 'bad-sgl-offset', 'header.sglOffset'],
    ['an SGL offset inside the header', le(0x0006_0021, 0x3b00_1020, 0, 0, 0xd400_0001, 0), 'bad-sgl-offset', 'header.sglOffset'],
    ['64-bit contexts', le(0x0004_0201, 0xa000_1000, 0, 0), 'unsupported', 'header.msgFlags'],
    ['FAIL without REPLY', le(0x0004_2001, 0xa000_1000, 0, 0), 'bad-field', 'header.msgFlags'],
    ['an SGL without LAST_ELEMENT', le(0x0006_0041, 0x3b00_1020, 0, 0, 0x1400_0001, 0), 'bad-sgl', 'sgl[0].flags'],
  ])('refuses %s with a typed error naming the field', (_what, bytes, kind, field) => {
    const e = err(decodeFrame(bytes));
    expect(e.kind).toBe(kind);
    expect(e.field).toBe(field);
  });
});

describe('encodeFrame', () => {
  it('writes exactly the expected words over a 0xa5-filled buffer and leaves the rest alone', () => {
    const buf = new Uint8Array(40).fill(0xa5);
    const msg: I2oMessage = {
      ...base, targetTid: 0x020, func: FN_LAN_PACKET_SEND, initiatorContext: 3, transactionContext: 4, body: [0],
      sgl: simpleSgl([{ address: 0x8000, length: 256 }, { address: 0x9000, length: 64 }], true),
    };
    expect(encodeFrame(msg, buf, 4)).toBe(36);
    expect(buf.subarray(0, 4)).toEqual(new Uint8Array(4).fill(0xa5));
    expect(buf.subarray(4)).toEqual(le(0x0009_0051, 0x3b00_1020, 3, 4, 0, 0x1400_0100, 0x8000, 0xd400_0040, 0x9000));
  });

  it('writes a reply status word after the header', () => {
    const buf = new Uint8Array(20).fill(0xa5);
    const msg: I2oMessage = {
      ...base, msgFlags: MSG_FLAG_REPLY, targetTid: HOST_TID, initiatorTid: IOP_TID, initiatorContext: 0x42, transactionContext: 7,
      reply: { reqStatus: 0x05, severity: 0, detailedStatus: 0x0011 },
    };
    expect(encodeFrame(msg, buf, 0)).toBe(20);
    expect(buf).toEqual(le(0x0005_8001, 0xa000_0001, 0x42, 7, 0x0500_0011));
  });

  it('refuses a request that does not fit a 32-word inbound frame, but lets a reply use 128 words', () => {
    const big: I2oMessage = { ...base, func: FN_UTIL_NOP, body: new Array<number>(29).fill(1) };
    const e = err(encodeFrame(big, new Uint8Array(512), 0));
    expect([e.kind, e.field]).toEqual(['too-large', 'header.messageSize']);
    const reply: I2oMessage = { ...big, msgFlags: MSG_FLAG_REPLY, reply: { reqStatus: REPLY_STATUS_SUCCESS, severity: 0, detailedStatus: 0 } };
    expect(encodeFrame(reply, new Uint8Array(512), 0)).toBe(34 * 4);
    expect(err(encodeFrame(big, new Uint8Array(512), 0, { maxWords: 32 })).kind).toBe('too-large');
  });

  it.each<[string, Partial<I2oMessage>, string, string]>([
    ['a 13-bit target TID', { targetTid: 0x1000 }, 'bad-field', 'header.targetTid'],
    ['an unknown Function', { func: 0x77 }, 'unknown-function', 'header.function'],
    ['REPLY without a status word', { msgFlags: MSG_FLAG_REPLY }, 'bad-field', 'reply'],
    ['a private Function without its private word', { func: 0xff }, 'bad-field', 'private'],
    ['a body word beyond 32 bits', { body: [2 ** 32] }, 'bad-field', 'body[0]'],
    ['an SGL offset past the 4-bit nibble', { body: new Array<number>(12).fill(0), sgl: simpleSgl([{ address: 0, length: 1 }], true) }, 'bad-sgl-offset', 'header.sglOffset'],
  ])('refuses %s with a typed error naming the field', (_what, patch, kind, field) => {
    const e = err(encodeFrame({ ...base, ...patch }, new Uint8Array(256), 0));
    expect([e.kind, e.field]).toEqual([kind, field]);
  });

  it('refuses to overrun the caller buffer', () => {
    expect(err(encodeFrame(base, new Uint8Array(15), 0)).field).toBe('buffer');
  });
});

const u32 = fc.integer({ min: 0, max: 0xffffffff });
const knownFunction = fc.integer({ min: 0, max: 0xff }).filter(isKnownFunction);
const arbMessage: fc.Arbitrary<I2oMessage> = fc
  .record({
    isReply: fc.boolean(), fail: fc.boolean(), extraFlags: fc.constantFrom(0, 0x01, 0x10, 0x40, 0x51),
    targetTid: fc.integer({ min: 0, max: 0xfff }), initiatorTid: fc.integer({ min: 0, max: 0xfff }), func: knownFunction,
    initiatorContext: u32, transactionContext: u32,
    status: fc.record({ reqStatus: fc.integer({ min: 0, max: 0xff }), severity: fc.integer({ min: 0, max: 0xff }), detailedStatus: fc.integer({ min: 0, max: 0xffff }) }),
    priv: fc.record({ xFunctionCode: fc.integer({ min: 0, max: 0xffff }), organizationId: fc.integer({ min: 0, max: 0xffff }) }),
    body: fc.array(u32, { maxLength: 8 }),
    buffers: fc.array(fc.record({ address: u32, length: fc.integer({ min: 0, max: 0xffffff }) }), { maxLength: 6 }),
    hostToIop: fc.boolean(), addressing: fc.constantFrom<32 | 64>(32, 64),
  })
  .map((r) => ({
    version: 1, msgFlags: r.extraFlags | (r.isReply ? MSG_FLAG_REPLY | (r.fail ? MSG_FLAG_FAIL : 0) : 0),
    targetTid: r.targetTid, initiatorTid: r.initiatorTid, func: r.func,
    initiatorContext: r.initiatorContext, transactionContext: r.transactionContext,
    reply: r.isReply ? r.status : null, priv: r.func === 0xff ? r.priv : null, body: r.body,
    sgl: r.buffers.length ? simpleSgl(r.buffers, r.hostToIop, r.addressing) : null,
  }));

describe('frame properties', () => {
  it('decode(encode(m)) equals m for random messages that fit', () => {
    fc.assert(fc.property(arbMessage, (m) => {
      const buf = new Uint8Array(512);
      const n = encodeFrame(m, buf, 0, { maxWords: 128 });
      if (isI2oError(n)) return n.kind === 'bad-sgl-offset' || n.kind === 'too-large';
      expect(n).toBe(messageWords(m) * 4);
      expect(decodeFrame(buf.subarray(0, n))).toEqual(m);
      return true;
    }), { numRuns: 400 });
  });

  it('every truncation of a valid frame gives a typed truncated error, never a throw', () => {
    fc.assert(fc.property(arbMessage, fc.nat(), (m, cut) => {
      const buf = new Uint8Array(512);
      const n = encodeFrame(m, buf, 0, { maxWords: 128 });
      if (isI2oError(n)) return true;
      const e = err(decodeFrame(buf.subarray(0, cut % n)));
      expect(e.kind).toBe('truncated');
      return true;
    }), { numRuns: 300 });
  });

  it('random bytes decode to a message or a typed error, never a throw', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 96 }), (bytes) => {
      const r = decodeFrame(bytes);
      expect(isI2oError(r) || typeof r.func === 'number').toBe(true);
    }), { numRuns: 1000 });
  });
});
