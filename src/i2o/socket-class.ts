// The socket class as I2O private messages (a reconstruction: see
// SOCKET_CLASS_NOTE in socket-codes.ts).
//
// Requests go host to IOP: InitiatorAddress = HOST_TID, TargetAddress = the
// socket DDM, MsgFlags 0, Function 0xFF, word 4 = XFunctionCode |
// OrganizationID 0x4F4C << 16, then the payload words of REQUEST_LAYOUTS and,
// for SEND and RECV, an SGL over the OSM's DMA-pool buffers. Data never travels
// inline: a data-bearing message has only an SGL, and a request that does not
// fit a 32-word inbound frame is refused ('too-large').
//
// Everything the IOP sends is a single-transaction reply (MsgFlags REPLY,
// status word at word 4, private word at word 5), because the outbound queue
// carries replies only. Requests that finish at once get a COMPLETE reply with
// the request's XFunctionCode; CONNECT, ACCEPT and RECV finish later, through
// the CONNECTED, ACCEPTED and RECV_DATA events, which echo the request's
// TransactionContext, as the LAN class's ReceivePost buckets come back when
// packets arrive. CLOSED and asynchronous ERRORs echo the TransactionContext
// of the SOCKET request that made the socket, as I2O event notifications echo
// their registration. ERROR sets ReqStatus ERROR_NO_DATA_TRANSFER (0x05).
//
// Socket options travel as setsockopt(2) passes them: level and optname in
// Linux numbering and the optval bytes inline (optlen, then OPTVAL_BYTES of
// room, unused bytes zero). GETSOCKOPT is answered by an OPTVAL reply with
// the option's bytes (or ERROR); its TransactionContext is the request's.
//
// CLOSE carries an abort word: 0 closes in order (FIN after the data queued
// before it), 1 resets (RST, RFC 9293 3.10.4), which the card applies when it
// handles the frame.
//
// Datagram sockets use SENDTO (a SEND with a destination address and port,
// completed by COMPLETE) and RECVFROM_DATA (a RECV_DATA with the source
// address and port, one datagram per event) in lent RECV buffers.
//
// Contract: never throws; socketFromI2o(decode(encode(socketToI2o(m)))) = m.
import {
  FUNCTION_PRIVATE, HOST_TID, I2O_VERSION_15, MSG_FLAG_REPLY, REPLY_STATUS_ERROR_NO_DATA_TRANSFER,
  REPLY_STATUS_SUCCESS, SOCKET_DDM_TID,
} from './constants';
import { i2oError, isI2oError, type I2oError } from './errors';
import { decodeFrame, encodeFrame, type I2oMessage } from './frame';
import { simpleSgl, SGL_FLAG_DIR, type DmaBuffer } from './sgl';
import {
  COMPLETABLE_OPS, COMPLETE_LAYOUT, EVENT_LAYOUTS, OPTVAL_BYTES, REQUEST_LAYOUTS, SOCKET_ORG_ID, XFN, isRequestOp, xfnName,
  type CompletableOp, type SocketEventOp, type SocketLayout, type SocketRequestOp,
} from './socket-codes';

type Handle = { readonly handle: number };
type Endpoints = { readonly localAddr: number; readonly localPort: number; readonly remoteAddr: number; readonly remotePort: number };

export type SocketRequest =
  | { readonly op: 'SOCKET'; readonly family: number; readonly type: number; readonly protocol: number }
  | ({ readonly op: 'BIND' | 'CONNECT'; readonly addr: number; readonly port: number } & Handle)
  | ({ readonly op: 'LISTEN'; readonly backlog: number } & Handle)
  | ({ readonly op: 'ACCEPT' } & Handle)
  /** `abort`: 1 resets the connection (RFC 9293 3.10.4); left out, an orderly close (the word is 0). */
  | ({ readonly op: 'CLOSE'; readonly abort?: 1 } & Handle)
  | ({ readonly op: 'SEND' | 'RECV'; readonly flags: number; readonly buffers: readonly DmaBuffer[] } & Handle)
  /** A datagram socket's send with its destination (added to the reconstruction: SEND has no address). */
  | ({ readonly op: 'SENDTO'; readonly flags: number; readonly addr: number; readonly port: number; readonly buffers: readonly DmaBuffer[] } & Handle)
  | ({ readonly op: 'SHUTDOWN'; readonly how: number } & Handle)
  /** `optval`: the option's bytes as C lays them out, at most OPTVAL_BYTES. */
  | ({ readonly op: 'SETSOCKOPT'; readonly level: number; readonly name: number; readonly optval: Uint8Array } & Handle)
  /** `optlen`: the room the caller has for the value, in bytes. */
  | ({ readonly op: 'GETSOCKOPT'; readonly level: number; readonly name: number; readonly optlen: number } & Handle);

export type SocketReply =
  | ({ readonly op: 'COMPLETE'; readonly request: CompletableOp; readonly value: number } & Handle)
  | ({ readonly op: 'RECV_DATA'; readonly flags: number; readonly buffers: readonly DmaBuffer[] } & Handle)
  /** One received datagram and its source (added to the reconstruction: RECV_DATA has no address). */
  | ({ readonly op: 'RECVFROM_DATA'; readonly flags: number; readonly addr: number; readonly port: number; readonly buffers: readonly DmaBuffer[] } & Handle)
  | ({ readonly op: 'CONNECTED' } & Handle & Endpoints)
  | ({ readonly op: 'ACCEPTED'; readonly listenHandle: number } & Handle & Endpoints)
  | ({ readonly op: 'CLOSED'; readonly reason: number } & Handle)
  | ({ readonly op: 'ERROR'; readonly errno: number; readonly failed: SocketRequestOp } & Handle)
  /**
   * A GETSOCKOPT's answer: the option's bytes (added to the reconstruction:
   * COMPLETE has one value word). No handle: its TransactionContext names the call.
   */
  | { readonly op: 'OPTVAL'; readonly level: number; readonly name: number; readonly optval: Uint8Array };

export type SocketMessage = SocketRequest | SocketReply;

export interface SocketEnvelope {
  readonly initiatorContext: number;
  readonly transactionContext: number;
  readonly hostTid?: number;
  readonly ddmTid?: number;
  /** SGL addressing for data-bearing messages (default 32). */
  readonly addressing?: 32 | 64;
}

export function isSocketRequest(m: SocketMessage): m is SocketRequest {
  return isRequestOp(m.op);
}

function layoutOf(m: SocketMessage): { xfn: number; layout: SocketLayout } {
  if (m.op === 'COMPLETE') return { xfn: XFN[m.request], layout: COMPLETE_LAYOUT };
  if (isSocketRequest(m)) return { xfn: XFN[m.op], layout: REQUEST_LAYOUTS[m.op] };
  return { xfn: XFN[m.op], layout: EVENT_LAYOUTS[m.op] };
}

/** Builds the I2O message that carries `m`. */
export function socketToI2o(m: SocketMessage, env: SocketEnvelope): I2oMessage | I2oError {
  const { xfn, layout } = layoutOf(m);
  const fields = m as unknown as Record<string, unknown>;
  if (m.op === 'COMPLETE' && !COMPLETABLE_OPS.includes(m.request)) {
    return i2oError('bad-field', 'socket.request', `${String(m.request)} completes through an event, not COMPLETE`);
  }
  const body: number[] = [];
  const optval = fields['optval'];
  if (optval !== undefined) {
    if (!(optval instanceof Uint8Array) || optval.length > OPTVAL_BYTES) {
      return i2oError('bad-field', 'socket.optval', `optval must be at most ${OPTVAL_BYTES} bytes`);
    }
  }
  const packed = optval instanceof Uint8Array ? packOptval(optval) : null;
  for (const word of layout.words) {
    const v = word.name === 'failedXFunction' ? XFN[(m as { failed: SocketRequestOp }).failed]
      : packed !== null && word.name in packed ? packed[word.name]
        : word.flag === true ? (fields[word.name] ?? 0) : fields[word.name];
    const max = word.bits === 16 ? 0xffff : 0xffffffff;
    if (typeof v !== 'number' || !Number.isInteger(v) || v < 0 || v > max) {
      return i2oError('bad-field', `socket.${word.name}`, `${word.label} must fit ${word.bits} bits, got ${String(v)}`);
    }
    if (word.flag === true && v > 1) return i2oError('bad-field', `socket.${word.name}`, `${word.label} must be 0 or 1, got ${v}`);
    body.push(v);
  }
  let sgl = null;
  if (layout.sgl !== 'none') {
    const buffers = (m as { buffers: readonly DmaBuffer[] }).buffers;
    if (buffers.length === 0) return i2oError('bad-sgl', 'sgl', `${m.op} carries its data in an SGL and needs at least one buffer`);
    sgl = simpleSgl(buffers, layout.sgl === 'host-to-iop', env.addressing ?? 32);
  }
  const request = isSocketRequest(m);
  const host = env.hostTid ?? HOST_TID;
  const ddm = env.ddmTid ?? SOCKET_DDM_TID;
  const status = m.op === 'ERROR' ? REPLY_STATUS_ERROR_NO_DATA_TRANSFER : REPLY_STATUS_SUCCESS;
  return {
    version: I2O_VERSION_15,
    msgFlags: request ? 0 : MSG_FLAG_REPLY,
    targetTid: request ? ddm : host,
    initiatorTid: request ? host : ddm,
    func: FUNCTION_PRIVATE,
    initiatorContext: env.initiatorContext,
    transactionContext: env.transactionContext,
    reply: request ? null : { reqStatus: status, severity: 0, detailedStatus: 0 },
    priv: { xFunctionCode: xfn, organizationId: SOCKET_ORG_ID },
    body,
    sgl,
  };
}

/** Reads the socket-class meaning of a decoded frame. */
export function socketFromI2o(f: I2oMessage): SocketMessage | I2oError {
  if (f.func !== FUNCTION_PRIVATE || !f.priv) return i2oError('unknown-function', 'header.function', 'not a private message');
  if (f.priv.organizationId !== SOCKET_ORG_ID) {
    return i2oError('unknown-function', 'private.organizationId', `OrganizationID 0x${f.priv.organizationId.toString(16)} is not the socket class`);
  }
  const name = xfnName(f.priv.xFunctionCode);
  if (!name) return i2oError('unknown-function', 'private.xFunctionCode', `unknown XFunctionCode 0x${f.priv.xFunctionCode.toString(16)}`);
  const isReply = f.reply !== null;
  const requestCode = isRequestOp(name);
  if (!isReply && !requestCode) return i2oError('bad-field', 'header.msgFlags', `${name} is an IOP-to-host event and must be a reply`);
  if (isReply && requestCode && !COMPLETABLE_OPS.includes(name as CompletableOp)) {
    return i2oError('bad-field', 'private.xFunctionCode', `${name} completes through an event, not a plain reply`);
  }
  let layout: SocketLayout;
  let op: string;
  if (!isReply) [layout, op] = [REQUEST_LAYOUTS[name as SocketRequestOp], name];
  else if (requestCode) [layout, op] = [COMPLETE_LAYOUT, 'COMPLETE'];
  else [layout, op] = [EVENT_LAYOUTS[name as SocketEventOp], name];
  if (f.reply) {
    const want = op === 'ERROR' ? REPLY_STATUS_ERROR_NO_DATA_TRANSFER : REPLY_STATUS_SUCCESS;
    if (f.reply.reqStatus !== want) return i2oError('bad-field', 'reply.reqStatus', `${op} carries ReqStatus 0x${want.toString(16)}, got 0x${f.reply.reqStatus.toString(16)}`);
  }
  if (f.body.length !== layout.words.length) {
    return i2oError('bad-size', 'socket', `${op} has ${layout.words.length} payload words, the frame has ${f.body.length}`);
  }
  const out: Record<string, unknown> = { op };
  if (op === 'COMPLETE') out['request'] = name;
  for (let i = 0; i < layout.words.length; i++) {
    const word = layout.words[i]!;
    const v = f.body[i]!;
    if (word.bits === 16 && v > 0xffff) return i2oError('bad-field', `socket.${word.name}`, `${word.label} must fit 16 bits, got ${v}`);
    if (word.name === 'failedXFunction') {
      const failed = xfnName(v);
      if (!failed || !isRequestOp(failed)) return i2oError('bad-field', 'socket.failedXFunction', `0x${v.toString(16)} is not a socket request`);
      out['failed'] = failed;
    } else if (word.flag === true) {
      if (v > 1) return i2oError('bad-field', `socket.${word.name}`, `${word.label} must be 0 or 1, got ${v}`);
      if (v === 1) out[word.name] = v;
    } else {
      out[word.name] = v;
    }
  }
  if ('optval0' in out) {
    const v = unpackOptval(out);
    if (isI2oError(v)) return v;
    out['optval'] = v;
  }
  if (layout.sgl === 'none') {
    if (f.sgl) return i2oError('bad-sgl', 'sgl', `${op} carries no SGL`);
  } else {
    if (!f.sgl) return i2oError('bad-sgl', 'sgl', `${op} needs an SGL`);
    const wantDir = layout.sgl === 'host-to-iop';
    const buffers: DmaBuffer[] = [];
    for (let i = 0; i < f.sgl.elements.length; i++) {
      const e = f.sgl.elements[i]!;
      if (((e.flags & SGL_FLAG_DIR) !== 0) !== wantDir) return i2oError('bad-sgl', `sgl[${i}].flags`, `${op} moves data ${layout.sgl}, DIR says otherwise`);
      buffers.push({ address: e.address, length: e.count });
    }
    out['buffers'] = buffers;
  }
  return out as unknown as SocketMessage;
}

/** optlen and the optval words of `optval` (little-endian, unused bytes zero). */
function packOptval(optval: Uint8Array): Record<string, number> {
  const room = new Uint8Array(OPTVAL_BYTES);
  room.set(optval);
  const d = new DataView(room.buffer);
  const out: Record<string, number> = { optlen: optval.length };
  for (let i = 0; i < OPTVAL_BYTES / 4; i++) out[`optval${i}`] = d.getUint32(4 * i, true);
  return out;
}

/** The optval bytes of decoded fields (removing the word fields), or why they are malformed. */
function unpackOptval(out: Record<string, unknown>): Uint8Array | I2oError {
  const room = new Uint8Array(OPTVAL_BYTES);
  const d = new DataView(room.buffer);
  for (let i = 0; i < OPTVAL_BYTES / 4; i++) {
    d.setUint32(4 * i, out[`optval${i}`] as number, true);
    delete out[`optval${i}`];
  }
  const len = out['optlen'] as number;
  delete out['optlen'];
  if (len > OPTVAL_BYTES) return i2oError('bad-field', 'socket.optlen', `optlen ${len} exceeds the ${OPTVAL_BYTES} bytes of optval`);
  // One encoding per value: the bytes past optlen must be zero.
  if (room.subarray(len).some((b) => b !== 0)) return i2oError('bad-field', 'socket.optval', `optval has bytes past optlen ${len}`);
  return room.slice(0, len);
}

/** socketToI2o then encodeFrame: the bytes written, or why not. */
export function encodeSocketFrame(m: SocketMessage, env: SocketEnvelope, buf: Uint8Array, offset: number): number | I2oError {
  const f = socketToI2o(m, env);
  return isI2oError(f) ? f : encodeFrame(f, buf, offset);
}

export interface DecodedSocketFrame {
  readonly frame: I2oMessage;
  readonly socket: SocketMessage;
}

export function decodeSocketFrame(bytes: Uint8Array): DecodedSocketFrame | I2oError {
  const frame = decodeFrame(bytes);
  if (isI2oError(frame)) return frame;
  const socket = socketFromI2o(frame);
  return isI2oError(socket) ? socket : { frame, socket };
}
