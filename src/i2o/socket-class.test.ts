import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HOST_TID, SOCKET_DDM_TID } from './constants';
import { isI2oError, type I2oError } from './errors';
import { decodeFrame, encodeFrame, type I2oMessage } from './frame';
import { decodeSocketFrame, encodeSocketFrame, socketFromI2o, socketToI2o, type SocketMessage } from './socket-class';
import { COMPLETABLE_OPS, SOCKET_CLASS_NOTE, SOCKET_ORG_ID, XFN, type SocketRequestOp } from './socket-codes';

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

const ENV = { initiatorContext: 0x12, transactionContext: 0x5 };
// Requests: word 1 = Target 0x010 (socket DDM) | Initiator 0x001 (host) << 12 | Function 0xFF << 24.
const REQ_W1 = 0xff00_1010;
// Replies: word 1 = Target 0x001 (host) | Initiator 0x010 (DDM) << 12 | Function 0xFF << 24.
const REP_W1 = 0xff01_0001;
const A = 0x0a00_0001; // 10.0.0.1
const B = 0x0a00_0002; // 10.0.0.2

/** [case, message, the frame's words]: each frame assembled by hand, one comment per word. */
const CASES: [string, SocketMessage, number[]][] = [
  ['SOCKET', { op: 'SOCKET', family: 2, type: 1, protocol: 6 }, [
    0x0008_0001, // MessageSize 8, MsgFlags 0, no SGL, version 1
    REQ_W1, // word 1: Target 0x010 (socket DDM), Initiator 0x001 (host), Function 0xFF
    0x12, // word 2: InitiatorContext
    0x5, // word 3: TransactionContext
    0x4f4c_0001, // XFunctionCode 0x0001 SOCKET, OrganizationID 0x4F4C
    2, // family AF_INET
    1, // type SOCK_STREAM
    6, // protocol TCP
  ]],
  ['BIND', { op: 'BIND', handle: 5, addr: A, port: 80 }, [
    0x0008_0001, // word 0: MessageSize 8, MsgFlags 0, no SGL, version 1
    REQ_W1, // word 1: Target 0x010 (socket DDM), Initiator 0x001 (host), Function 0xFF
    0x12, // word 2: InitiatorContext
    0x5, // word 3: TransactionContext
    0x4f4c_0002, // BIND
    5, // handle
    A, // local address 10.0.0.1
    80, // local port
  ]],
  ['LISTEN', { op: 'LISTEN', handle: 5, backlog: 128 }, [
    0x0007_0001, // word 0: MessageSize 7, MsgFlags 0, no SGL, version 1
    REQ_W1, // word 1: Target 0x010 (socket DDM), Initiator 0x001 (host), Function 0xFF
    0x12, // word 2: InitiatorContext
    0x5, // word 3: TransactionContext
    0x4f4c_0003, // LISTEN
    5, // handle
    128, // backlog
  ]],
  ['ACCEPT', { op: 'ACCEPT', handle: 5 }, [
    0x0006_0001, // word 0: MessageSize 6, MsgFlags 0, no SGL, version 1
    REQ_W1, // word 1: Target 0x010 (socket DDM), Initiator 0x001 (host), Function 0xFF
    0x12, // word 2: InitiatorContext
    0x5, // word 3: TransactionContext
    0x4f4c_0004, // ACCEPT
    5, // listening handle
  ]],
  ['CONNECT', { op: 'CONNECT', handle: 6, addr: B, port: 5001 }, [
    0x0008_0001, // word 0: MessageSize 8, MsgFlags 0, no SGL, version 1
    REQ_W1, // word 1: Target 0x010 (socket DDM), Initiator 0x001 (host), Function 0xFF
    0x12, // word 2: InitiatorContext
    0x5, // word 3: TransactionContext
    0x4f4c_0005, // CONNECT
    6, // handle
    B, // remote address 10.0.0.2
    5001, // remote port
  ]],
  ['SEND', { op: 'SEND', handle: 5, flags: 0, buffers: [{ address: 0x1000, length: 1460 }] }, [
    0x0009_0071, // MessageSize 9, SGL offset 7, version 1
    REQ_W1, // word 1: Target 0x010 (socket DDM), Initiator 0x001 (host), Function 0xFF
    0x12, // word 2: InitiatorContext
    0x5, // word 3: TransactionContext
    0x4f4c_0006, // SEND
    5, // handle
    0, // flags
    0xd400_05b4, // SGL: LAST|EOB|SIMPLE|DIR (host to IOP), 1460 bytes
    0x0000_1000, //   in the transmit pool at 0x1000
  ]],
  ['RECV', { op: 'RECV', handle: 5, flags: 0, buffers: [{ address: 0x20000, length: 2048 }, { address: 0x20800, length: 2048 }] }, [
    0x000b_0071, // MessageSize 11, SGL offset 7
    REQ_W1, // word 1: Target 0x010 (socket DDM), Initiator 0x001 (host), Function 0xFF
    0x12, // word 2: InitiatorContext
    0x5, // word 3: TransactionContext
    0x4f4c_0007, // RECV
    5, // handle
    0, // flags
    0x1000_0800, // SGL element 0: SIMPLE, IOP to host, 2048 bytes
    0x0002_0000, //   receive-pool buffer at 0x20000
    0xd000_0800, // SGL element 1: LAST|EOB|SIMPLE, 2048 bytes
    0x0002_0800, //   receive-pool buffer at 0x20800
  ]],
  ['SHUTDOWN', { op: 'SHUTDOWN', handle: 6, how: 1 }, [
    0x0007_0001, // word 0: MessageSize 7, MsgFlags 0, no SGL, version 1
    REQ_W1, // word 1: Target 0x010 (socket DDM), Initiator 0x001 (host), Function 0xFF
    0x12, // word 2: InitiatorContext
    0x5, // word 3: TransactionContext
    0x4f4c_0008, // SHUTDOWN
    6, // handle
    1, // SHUT_WR
  ]],
  ['CLOSE', { op: 'CLOSE', handle: 6 }, [
    0x0007_0001, // word 0: MessageSize 7, MsgFlags 0, no SGL, version 1
    REQ_W1, // word 1: Target 0x010 (socket DDM), Initiator 0x001 (host), Function 0xFF
    0x12, // word 2: InitiatorContext
    0x5, // word 3: TransactionContext
    0x4f4c_0009, // CLOSE
    6, // handle
    0, // abort 0: an orderly close (FIN)
  ]],
  ['CLOSE with abort', { op: 'CLOSE', handle: 6, abort: 1 }, [
    0x0007_0001, // word 0: MessageSize 7, MsgFlags 0, no SGL, version 1
    REQ_W1, // word 1: Target 0x010 (socket DDM), Initiator 0x001 (host), Function 0xFF
    0x12, // word 2: InitiatorContext
    0x5, // word 3: TransactionContext
    0x4f4c_0009, // CLOSE
    6, // handle
    1, // abort 1: reset (RST, RFC 9293 3.10.4)
  ]],
  ['SETSOCKOPT TCP_NODELAY', { op: 'SETSOCKOPT', handle: 6, level: 6, name: 1, optval: le(1) }, [
    0x000d_0001, // word 0: MessageSize 13, MsgFlags 0, no SGL, version 1
    REQ_W1, // word 1: Target 0x010 (socket DDM), Initiator 0x001 (host), Function 0xFF
    0x12, // word 2: InitiatorContext
    0x5, // word 3: TransactionContext
    0x4f4c_000a, // SETSOCKOPT
    6, // handle
    6, // level IPPROTO_TCP
    1, // TCP_NODELAY
    4, // optlen: an int
    1, // optval bytes 0-3: int 1 (on)
    0, 0, 0, // optval bytes 4-15: unused, zero
  ]],
  ['SETSOCKOPT SO_LINGER', { op: 'SETSOCKOPT', handle: 6, level: 1, name: 13, optval: le(1, 7) }, [
    0x000d_0001, // word 0: MessageSize 13, MsgFlags 0, no SGL, version 1
    REQ_W1, // word 1: Target 0x010 (socket DDM), Initiator 0x001 (host), Function 0xFF
    0x12, // word 2: InitiatorContext
    0x5, // word 3: TransactionContext
    0x4f4c_000a, // SETSOCKOPT
    6, // handle
    1, // level SOL_SOCKET
    13, // SO_LINGER
    8, // optlen: struct linger
    1, // l_onoff 1
    7, // l_linger 7 seconds
    0, 0, // optval bytes 8-15: unused, zero
  ]],
  ['SETSOCKOPT TCP_CONGESTION', { op: 'SETSOCKOPT', handle: 6, level: 6, name: 13, optval: new TextEncoder().encode('cubic') }, [
    0x000d_0001, // word 0: MessageSize 13, MsgFlags 0, no SGL, version 1
    REQ_W1, // word 1: Target 0x010 (socket DDM), Initiator 0x001 (host), Function 0xFF
    0x12, // word 2: InitiatorContext
    0x5, // word 3: TransactionContext
    0x4f4c_000a, // SETSOCKOPT
    6, // handle
    6, // level IPPROTO_TCP
    13, // TCP_CONGESTION
    5, // optlen: the name's 5 bytes, no NUL
    0x6962_7563, // 'c' 'u' 'b' 'i' (little-endian word)
    0x63, // 'c', then zero
    0, 0, // optval bytes 8-15: unused, zero
  ]],
  ['GETSOCKOPT', { op: 'GETSOCKOPT', handle: 6, level: 1, name: 13, optlen: 16 }, [
    0x0009_0001, // word 0: MessageSize 9, MsgFlags 0, no SGL, version 1
    REQ_W1, // word 1: Target 0x010 (socket DDM), Initiator 0x001 (host), Function 0xFF
    0x12, // word 2: InitiatorContext
    0x5, // word 3: TransactionContext
    0x4f4c_000b, // GETSOCKOPT
    6, // handle
    1, // SOL_SOCKET
    13, // SO_LINGER
    16, // optlen: room for 16 bytes
  ]],
  ['OPTVAL', { op: 'OPTVAL', level: 1, name: 13, optval: le(1, 30) }, [
    0x000d_8001, // word 0: MessageSize 13, MsgFlags REPLY, version 1
    REP_W1, // word 1: Target 0x001 (host), Initiator 0x010 (DDM), Function 0xFF
    0x12, // word 2: InitiatorContext
    0x5, // word 3: TransactionContext (the GETSOCKOPT's)
    0, // word 4: ReqStatus SUCCESS, DetailedStatus 0
    0x4f4c_0087, // OPTVAL
    1, // SOL_SOCKET
    13, // SO_LINGER
    8, // optlen
    1, // l_onoff 1
    30, // l_linger 30 seconds
    0, 0, // unused, zero
  ]],
  ['COMPLETE(SEND)', { op: 'COMPLETE', request: 'SEND', handle: 5, value: 1460 }, [
    0x0008_8001, // MessageSize 8, MsgFlags REPLY
    REP_W1, // word 1: Target 0x001 (host), Initiator 0x010 (socket DDM), Function 0xFF
    0x12, // word 2: InitiatorContext
    0x5, // word 3: TransactionContext
    0x0000_0000, // ReqStatus SUCCESS, DetailedStatusCode 0
    0x4f4c_0006, // XFunctionCode SEND: the completion of the request
    5, // handle
    1460, // bytes accepted: the transmit-pool buffer may be reused
  ]],
  ['COMPLETE(SOCKET)', { op: 'COMPLETE', request: 'SOCKET', handle: 9, value: 9 }, [
    0x0008_8001, // word 0: MessageSize 8, MsgFlags REPLY, no SGL, version 1
    REP_W1, // word 1: Target 0x001 (host), Initiator 0x010 (socket DDM), Function 0xFF
    0x12, // word 2: InitiatorContext
    0x5, // word 3: TransactionContext
    0x0000_0000, // SUCCESS
    0x4f4c_0001, // SOCKET
    9, // handle
    9, // the new handle
  ]],
  ['RECV_DATA', { op: 'RECV_DATA', handle: 5, flags: 0, buffers: [{ address: 0x20000, length: 512 }] }, [
    0x000a_8081, // MessageSize 10, MsgFlags REPLY, SGL offset 8
    REP_W1, // word 1: Target 0x001 (host), Initiator 0x010 (socket DDM), Function 0xFF
    0x12, // word 2: InitiatorContext
    0x5, // word 3: TransactionContext
    0x0000_0000, // SUCCESS
    0x4f4c_0081, // RECV_DATA
    5, // handle
    0, // flags
    0xd000_0200, // SGL: LAST|EOB|SIMPLE, IOP to host, 512 bytes placed
    0x0002_0000, //   in the receive-pool buffer at 0x20000
  ]],
  ['SENDTO', { op: 'SENDTO', handle: 5, flags: 0, addr: B, port: 5001, buffers: [{ address: 0x1000, length: 1460 }] }, [
    0x000b_0091, // MessageSize 11, MsgFlags 0, SGL offset 9, version 1
    REQ_W1, // word 1: Target 0x010 (socket DDM), Initiator 0x001 (host), Function 0xFF
    0x12, // word 2: InitiatorContext
    0x5, // word 3: TransactionContext
    0x4f4c_000c, // SENDTO (added for datagram sockets)
    5, // handle
    0, // flags
    B, // destination address 10.0.0.2
    5001, // destination port
    0xd400_05b4, // SGL: LAST|EOB|SIMPLE|DIR (host to IOP), 1460 bytes: the whole datagram
    0x0000_1000, //   in the transmit pool at 0x1000
  ]],
  ['COMPLETE(SENDTO)', { op: 'COMPLETE', request: 'SENDTO', handle: 5, value: 1460 }, [
    0x0008_8001, // MessageSize 8, MsgFlags REPLY
    REP_W1, // word 1: Target 0x001 (host), Initiator 0x010 (socket DDM), Function 0xFF
    0x12, // word 2: InitiatorContext
    0x5, // word 3: TransactionContext
    0x0000_0000, // ReqStatus SUCCESS
    0x4f4c_000c, // XFunctionCode SENDTO: the completion of the request
    5, // handle
    1460, // bytes of the datagram sent: its transmit-pool buffers may be reused
  ]],
  ['RECVFROM_DATA', { op: 'RECVFROM_DATA', handle: 5, flags: 0, addr: B, port: 5001, buffers: [{ address: 0x20000, length: 512 }] }, [
    0x000c_80a1, // MessageSize 12, MsgFlags REPLY, SGL offset 10
    REP_W1, // word 1: Target 0x001 (host), Initiator 0x010 (socket DDM), Function 0xFF
    0x12, // word 2: InitiatorContext
    0x5, // word 3: TransactionContext
    0x0000_0000, // SUCCESS
    0x4f4c_0086, // RECVFROM_DATA (added for datagram sockets)
    5, // handle
    0, // flags
    B, // source address 10.0.0.2
    5001, // source port
    0xd000_0200, // SGL: LAST|EOB|SIMPLE, IOP to host, 512 bytes placed: one datagram
    0x0002_0000, //   in the receive-pool buffer at 0x20000
  ]],
  ['CONNECTED', { op: 'CONNECTED', handle: 6, localAddr: A, localPort: 40000, remoteAddr: B, remotePort: 5001 }, [
    0x000b_8001, // word 0: MessageSize 11, MsgFlags REPLY, no SGL, version 1
    REP_W1, // word 1: Target 0x001 (host), Initiator 0x010 (socket DDM), Function 0xFF
    0x12, // word 2: InitiatorContext
    0x5, // word 3: TransactionContext
    0x0000_0000, // SUCCESS
    0x4f4c_0082, // CONNECTED
    6, // handle
    A, // local address
    40000, // local port
    B, // remote address
    5001, // remote port
  ]],
  ['ACCEPTED', { op: 'ACCEPTED', listenHandle: 5, handle: 7, localAddr: A, localPort: 80, remoteAddr: B, remotePort: 33000 }, [
    0x000c_8001, // word 0: MessageSize 12, MsgFlags REPLY, no SGL, version 1
    REP_W1, // word 1: Target 0x001 (host), Initiator 0x010 (socket DDM), Function 0xFF
    0x12, // word 2: InitiatorContext
    0x5, // word 3: TransactionContext
    0x0000_0000, // SUCCESS
    0x4f4c_0083, // ACCEPTED
    5, // listening handle
    7, // new handle
    A, // local address
    80, // local port
    B, // remote address
    33000, // remote port
  ]],
  ['CLOSED', { op: 'CLOSED', handle: 7, reason: 0 }, [
    0x0008_8001, // word 0: MessageSize 8, MsgFlags REPLY, no SGL, version 1
    REP_W1, // word 1: Target 0x001 (host), Initiator 0x010 (socket DDM), Function 0xFF
    0x12, // word 2: InitiatorContext
    0x5, // word 3: TransactionContext
    0x0000_0000, // SUCCESS
    0x4f4c_0084, // CLOSED
    7, // handle
    0, // peer FIN
  ]],
  ['ERROR', { op: 'ERROR', handle: 6, errno: 111, failed: 'CONNECT' }, [
    0x0009_8001, // word 0: MessageSize 9, MsgFlags REPLY, no SGL, version 1
    REP_W1, // word 1: Target 0x001 (host), Initiator 0x010 (socket DDM), Function 0xFF
    0x12, // word 2: InitiatorContext
    0x5, // word 3: TransactionContext
    0x0500_0000, // ReqStatus 0x05 ERROR_NO_DATA_TRANSFER
    0x4f4c_0085, // ERROR
    6, // handle
    111, // ECONNREFUSED
    0x0005, // the failed request: CONNECT
  ]],
];

describe('socket class frames', () => {
  it.each(CASES)('%s decodes field by field from hand-assembled bytes', (_name, message, words) => {
    const { frame, socket } = ok(decodeSocketFrame(le(...words)));
    expect(socket).toEqual(message);
    expect(frame.func).toBe(0xff);
    expect(frame.priv?.organizationId).toBe(SOCKET_ORG_ID);
    const request = frame.reply === null;
    expect(frame.targetTid).toBe(request ? SOCKET_DDM_TID : HOST_TID);
    expect(frame.initiatorTid).toBe(request ? HOST_TID : SOCKET_DDM_TID);
    expect([frame.initiatorContext, frame.transactionContext]).toEqual([0x12, 0x5]);
  });

  it.each(CASES)('%s encodes over a 0xa5-filled buffer to exactly those bytes', (_name, message, words) => {
    const buf = new Uint8Array(words.length * 4 + 8).fill(0xa5);
    expect(encodeSocketFrame(message, ENV, buf, 4)).toBe(words.length * 4);
    expect(buf.subarray(4, 4 + words.length * 4)).toEqual(le(...words));
    expect([...buf.subarray(0, 4), ...buf.subarray(4 + words.length * 4)]).toEqual(new Array<number>(8).fill(0xa5));
  });

  it('covers every request and event code', () => {
    const codes = new Set(CASES.map(([, m]) => (m.op === 'COMPLETE' ? XFN[m.request] : XFN[m.op])));
    expect([...codes].sort((a, b) => a - b)).toEqual(Object.values(XFN).sort((a, b) => a - b));
  });

  it('says it is a reconstruction', () => {
    expect(SOCKET_CLASS_NOTE).toMatch(/reconstruction/i);
    expect(SOCKET_CLASS_NOTE).toContain('0x4F4C');
  });
});

describe('socket class refusals', () => {
  const send = (n: number): SocketMessage => ({
    op: 'SEND', handle: 1, flags: 0, buffers: Array.from({ length: n }, (_, i) => ({ address: 0x1000 * (i + 1), length: 1460 })),
  });

  it('fits 12 transmit buffers in a 32-word inbound frame (7 + 2 x 12 = 31 words) and refuses the 13th', () => {
    expect(encodeSocketFrame(send(12), ENV, new Uint8Array(256), 0)).toBe(31 * 4);
    const e = encodeSocketFrame(send(13), ENV, new Uint8Array(256), 0);
    expect(isI2oError(e) && [e.kind, e.field]).toEqual(['too-large', 'header.messageSize']);
  });

  it('refuses a data-bearing message without buffers: data never travels inline', () => {
    const e = socketToI2o(send(0), ENV);
    expect(isI2oError(e) && [e.kind, e.field]).toEqual(['bad-sgl', 'sgl']);
  });

  it.each<[string, SocketMessage, string]>([
    ['a 17-bit port', { op: 'BIND', handle: 1, addr: A, port: 0x10000 }, 'socket.port'],
    ['a negative handle', { op: 'CLOSE', handle: -1 }, 'socket.handle'],
    ['a fractional backlog', { op: 'LISTEN', handle: 1, backlog: 1.5 }, 'socket.backlog'],
    ['an abort word other than 0 or 1', { op: 'CLOSE', handle: 1, abort: 2 as 1 }, 'socket.abort'],
    ['an optval longer than 16 bytes', { op: 'SETSOCKOPT', handle: 1, level: 6, name: 13, optval: new Uint8Array(17) }, 'socket.optval'],
    ['COMPLETE for a request that completes by event', { op: 'COMPLETE', request: 'CONNECT' as 'SEND', handle: 1, value: 0 }, 'socket.request'],
  ])('refuses %s, naming the field', (_what, m, field) => {
    const e = socketToI2o(m, ENV);
    expect(isI2oError(e) && e.field).toBe(field);
  });

  function frameOf(words: number[]): I2oMessage {
    return ok(decodeFrame(le(...words)));
  }

  it.each<[string, number[], string, string]>([
    ['a foreign OrganizationID', [0x0006_0001, REQ_W1, 0, 0, 0x1b36_0009, 6], 'unknown-function', 'private.organizationId'],
    ['an unknown XFunctionCode', [0x0006_0001, REQ_W1, 0, 0, 0x4f4c_0042, 6], 'unknown-function', 'private.xFunctionCode'],
    ['an event sent as a request', [0x0007_0001, REQ_W1, 0, 0, 0x4f4c_0084, 7, 0], 'bad-field', 'header.msgFlags'],
    ['a plain reply to CONNECT', [0x0008_8001, REP_W1, 0, 0, 0, 0x4f4c_0005, 6, 0], 'bad-field', 'private.xFunctionCode'],
    ['an ERROR with ReqStatus SUCCESS', [0x0009_8001, REP_W1, 0, 0, 0, 0x4f4c_0085, 6, 111, 5], 'bad-field', 'reply.reqStatus'],
    ['a missing payload word', [0x0007_0001, REQ_W1, 0, 0, 0x4f4c_0002, 5, A], 'bad-size', 'socket'],
    ['a 16-bit field over 16 bits', [0x0008_0001, REQ_W1, 0, 0, 0x4f4c_0002, 5, A, 0x10050], 'bad-field', 'socket.port'],
    ['SEND without an SGL', [0x0007_0001, REQ_W1, 0, 0, 0x4f4c_0006, 5, 0], 'bad-sgl', 'sgl'],
    ['SEND whose SGL says IOP to host', [0x0009_0071, REQ_W1, 0, 0, 0x4f4c_0006, 5, 0, 0xd000_0001, 0], 'bad-sgl', 'sgl[0].flags'],
    ['a CLOSE abort word other than 0 or 1', [0x0007_0001, REQ_W1, 0, 0, 0x4f4c_0009, 6, 2], 'bad-field', 'socket.abort'],
    ['an optlen past the 16 bytes of optval', [0x000d_0001, REQ_W1, 0, 0, 0x4f4c_000a, 6, 6, 13, 17, 0, 0, 0, 0], 'bad-field', 'socket.optlen'],
    ['optval bytes past optlen', [0x000d_0001, REQ_W1, 0, 0, 0x4f4c_000a, 6, 6, 1, 4, 1, 0, 0, 1], 'bad-field', 'socket.optval'],
    ['ERROR naming an event as the failed request', [0x0009_8001, REP_W1, 0, 0, 0x0500_0000, 0x4f4c_0085, 6, 111, 0x81], 'bad-field', 'socket.failedXFunction'],
  ])('decoding refuses %s', (_what, words, kind, field) => {
    const e = socketFromI2o(frameOf(words));
    expect(isI2oError(e) && [e.kind, e.field]).toEqual([kind, field]);
  });
});

const u16 = fc.integer({ min: 0, max: 0xffff });
const u32 = fc.integer({ min: 0, max: 0xffffffff });
const bufs = fc.array(fc.record({ address: u32, length: fc.integer({ min: 1, max: 65536 }) }), { minLength: 1, maxLength: 4 });
const requestOps = Object.keys(XFN).filter((k) => XFN[k as SocketRequestOp] < 0x80) as SocketRequestOp[];
const arbSocket: fc.Arbitrary<SocketMessage> = fc.oneof(
  fc.record({ op: fc.constant('SOCKET' as const), family: u16, type: u16, protocol: u16 }),
  fc.record({ op: fc.constantFrom('BIND' as const, 'CONNECT' as const), handle: u32, addr: u32, port: u16 }),
  fc.record({ op: fc.constant('LISTEN' as const), handle: u32, backlog: u32 }),
  fc.record({ op: fc.constant('ACCEPT' as const), handle: u32 }),
  fc.record({ op: fc.constant('CLOSE' as const), handle: u32, abort: fc.constant(1 as const) }, { requiredKeys: ['op', 'handle'] }),
  fc.record({ op: fc.constantFrom('SEND' as const, 'RECV' as const, 'RECV_DATA' as const), handle: u32, flags: u32, buffers: bufs }),
  fc.record({ op: fc.constant('SHUTDOWN' as const), handle: u32, how: u16 }),
  fc.record({ op: fc.constant('SETSOCKOPT' as const), handle: u32, level: u16, name: u16, optval: fc.uint8Array({ maxLength: 16 }) }),
  fc.record({ op: fc.constant('GETSOCKOPT' as const), handle: u32, level: u16, name: u16, optlen: u16 }),
  fc.record({ op: fc.constant('OPTVAL' as const), level: u16, name: u16, optval: fc.uint8Array({ maxLength: 16 }) }),
  fc.record({ op: fc.constant('COMPLETE' as const), request: fc.constantFrom(...COMPLETABLE_OPS), handle: u32, value: u32 }),
  fc.record({ op: fc.constantFrom('CONNECTED' as const), handle: u32, localAddr: u32, localPort: u16, remoteAddr: u32, remotePort: u16 }),
  fc.record({ op: fc.constant('ACCEPTED' as const), listenHandle: u32, handle: u32, localAddr: u32, localPort: u16, remoteAddr: u32, remotePort: u16 }),
  fc.record({ op: fc.constant('CLOSED' as const), handle: u32, reason: u16 }),
  fc.record({ op: fc.constant('ERROR' as const), handle: u32, errno: u16, failed: fc.constantFrom(...requestOps) }),
);

describe('socket class properties', () => {
  it('every socket message survives encode then decode, in both addressing modes', () => {
    fc.assert(fc.property(arbSocket, u32, u32, fc.constantFrom<32 | 64>(32, 64), (m, ic, tc, addressing) => {
      const buf = new Uint8Array(512);
      const n = ok(encodeSocketFrame(m, { initiatorContext: ic, transactionContext: tc, addressing }, buf, 0));
      const d = ok(decodeSocketFrame(buf.subarray(0, n)));
      expect(d.socket).toEqual(m);
      expect([d.frame.initiatorContext, d.frame.transactionContext]).toEqual([ic, tc]);
      expect(ok(encodeFrame(d.frame, new Uint8Array(512), 0))).toBe(n);
    }), { numRuns: 500 });
  });

  it('random payloads behind a socket-class private word give a message or a typed error, never a throw', () => {
    const xfn = fc.constantFrom(...Object.values(XFN));
    fc.assert(fc.property(fc.array(u32, { maxLength: 12 }), fc.boolean(), xfn, fc.integer({ min: 0, max: 15 }), (tail, reply, x, sglOffset) => {
      const words = [0, reply ? REP_W1 : REQ_W1, 1, 2, ...(reply ? [tail.length % 2 ? 0x0500_0000 : 0] : []), (SOCKET_ORG_ID << 16) | x, ...tail];
      words[0] = (words.length << 16) | (reply ? 0x8000 : 0) | (sglOffset << 4) | 0x01;
      const r = decodeSocketFrame(le(...words));
      expect(isI2oError(r) || typeof r.socket.op === 'string').toBe(true);
    }), { numRuns: 1000 });
  });
});
