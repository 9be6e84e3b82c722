// A Wireshark-like field tree of an I2O frame for the inspector: the header
// words with their sub-fields, the reply status word, the private header, the
// socket-class payload and the SGL elements. Offsets and lengths are in bytes
// from the frame's start, so the hex pane can highlight any node.
//
// `bitMask`, when present, selects the node's bits within the little-endian
// integer formed by its `length` bytes (TargetAddress is bits 11:0 of word 1:
// offset 4, length 4, bitMask 0x00000FFF).
//
// Socket options: level and optname are shown with their names and the
// optval words as the C value they hold (socket-codes.ts, optvalFields).
//
// Contract: never throws. A frame that does not decode still shows its header
// (when 16 bytes are there) and ends with an 'i2o.error' node naming the field.
import { FUNCTION_PRIVATE, MSG_FLAG_FAIL, MSG_FLAG_NAMES, replyStatusName } from './constants';
import { isI2oError } from './errors';
import { decodeFrame, fixedWords, type I2oMessage } from './frame';
import { functionName } from './functions';
import {
  SGL_FLAG_DIR, SGL_FLAG_END_OF_BUFFER, SGL_FLAG_LAST_ELEMENT, SGL_FLAG_LOCAL_ADDRESS, SGL_FLAG_SIMPLE_ADDRESS, sglByteCount,
} from './sgl';
import {
  COMPLETE_LAYOUT, EVENT_LAYOUTS, OPTVAL_BYTES, REQUEST_LAYOUTS, SOCKET_ORG_ID, SOCKOPT_LEVELS, isRequestOp, optvalFields, optvalOf,
  optvalText, sockoptOf, xfnName, type OptvalField, type SocketLayout,
} from './socket-codes';

/** The inspector's tree node; the same shape the wire dissector uses. */
export type FieldNode = {
  name: string;
  label: string;
  offset: number;
  length: number;
  bitMask?: number;
  children?: FieldNode[];
};

const hex = (n: number, digits = 1): string => `0x${n.toString(16).toUpperCase().padStart(digits, '0')}`;
const node = (name: string, label: string, offset: number, length: number, extra: Partial<FieldNode> = {}): FieldNode => ({
  name, label, offset, length, ...extra,
});

function headerNodes(b: Uint8Array): FieldNode[] {
  const v = new DataView(b.buffer, b.byteOffset, b.byteLength);
  const vo = b[0]!;
  const flags = b[1]!;
  const size = v.getUint16(2, true);
  const w1 = v.getUint32(4, true);
  const fn = w1 >>> 24;
  const setFlags = MSG_FLAG_NAMES.filter(([f]) => flags & f).map(([, n]) => n);
  return [node('i2o.header', 'Message header', 0, 16, {
    children: [
      node('i2o.versionOffset', `VersionOffset: ${hex(vo, 2)}`, 0, 1, {
        children: [
          node('i2o.version', `Version: ${vo & 0x0f}${(vo & 0x0f) === 1 ? ' (I2O 1.5)' : ''}`, 0, 1, { bitMask: 0x0f }),
          node('i2o.sglOffset', `SGL offset: ${vo >>> 4} words${vo >>> 4 ? '' : ' (no SGL)'}`, 0, 1, { bitMask: 0xf0 }),
        ],
      }),
      node('i2o.msgFlags', `MsgFlags: ${hex(flags, 2)}${setFlags.length ? ` (${setFlags.join(', ')})` : ''}`, 1, 1, {
        children: MSG_FLAG_NAMES.map(([f, n]) => node(`i2o.msgFlags.${n.toLowerCase()}`, `${n}: ${flags & f ? 'set' : 'not set'}`, 1, 1, { bitMask: f })),
      }),
      node('i2o.messageSize', `MessageSize: ${size} words (${size * 4} bytes)`, 2, 2),
      node('i2o.targetAddress', `TargetAddress: ${hex(w1 & 0xfff, 3)}`, 4, 4, { bitMask: 0x00000fff }),
      node('i2o.initiatorAddress', `InitiatorAddress: ${hex((w1 >>> 12) & 0xfff, 3)}`, 4, 4, { bitMask: 0x00fff000 }),
      node('i2o.function', `Function: ${hex(fn, 2)} (${functionName(fn)})`, 7, 1),
      node('i2o.initiatorContext', `InitiatorContext: ${hex(v.getUint32(8, true), 8)}`, 8, 4),
      node('i2o.transactionContext', `TransactionContext: ${hex(v.getUint32(12, true), 8)}`, 12, 4),
    ],
  })];
}

function socketLayoutOf(m: I2oMessage): { name: string; layout: SocketLayout } | null {
  if (!m.priv || m.priv.organizationId !== SOCKET_ORG_ID) return null;
  const name = xfnName(m.priv.xFunctionCode);
  if (!name) return null;
  if (!isRequestOp(name)) return { name, layout: EVENT_LAYOUTS[name as keyof typeof EVENT_LAYOUTS] };
  return m.reply ? { name: `COMPLETE(${name})`, layout: COMPLETE_LAYOUT } : { name, layout: REQUEST_LAYOUTS[name] };
}

function bodyNodes(m: I2oMessage): FieldNode[] {
  const out: FieldNode[] = [];
  let at = 16;
  if (m.reply) {
    const failed = (m.msgFlags & MSG_FLAG_FAIL) !== 0;
    out.push(node('i2o.replyStatus', `Reply status: ${replyStatusName(m.reply.reqStatus, failed)}`, at, 4, {
      children: [
        node('i2o.detailedStatus', `DetailedStatusCode: ${hex(m.reply.detailedStatus, 4)}`, at, 2),
        node('i2o.severity', `${failed ? 'Severity' : 'Reserved'}: ${hex(m.reply.severity, 2)}`, at + 2, 1),
        node('i2o.reqStatus', `${failed ? 'FailureCode' : 'ReqStatus'}: ${hex(m.reply.reqStatus, 2)} (${replyStatusName(m.reply.reqStatus, failed)})`, at + 3, 1),
      ],
    }));
    at += 4;
  }
  if (m.func === FUNCTION_PRIVATE && m.priv) {
    const x = m.priv.xFunctionCode;
    const org = m.priv.organizationId;
    const orgLabel = org === SOCKET_ORG_ID ? ' (Offload Lab socket class: a reconstruction)' : '';
    out.push(node('i2o.private', 'Private header', at, 4, {
      children: [
        node('i2o.xFunctionCode', `XFunctionCode: ${hex(x, 4)}${org === SOCKET_ORG_ID && xfnName(x) ? ` (${xfnName(x)})` : ''}`, at, 2),
        node('i2o.organizationId', `OrganizationID: ${hex(org, 4)}${orgLabel}`, at + 2, 2),
      ],
    }));
  }
  const start = fixedWords(m) * 4;
  if (m.body.length > 0) {
    const sock = socketLayoutOf(m);
    if (sock && sock.layout.words.length === m.body.length) {
      out.push(node('i2o.socket', `Socket class: ${sock.name} (${sock.layout.summary})`, start, m.body.length * 4, {
        children: socketWordNodes(sock.layout, m.body, start),
      }));
    } else {
      out.push(node('i2o.body', `Payload: ${m.body.length} words`, start, m.body.length * 4, {
        children: m.body.map((v, i) => node(`i2o.body.word`, `Word ${i}: ${hex(v, 8)}`, start + i * 4, 4)),
      }));
    }
  }
  if (m.sgl) out.push(sglNode(m, start + m.body.length * 4));
  return out;
}

/**
 * The payload words' nodes. An option's level and optname carry their names
 * (SOL_SOCKET, SO_LINGER); its optval words are one node decoded as C reads
 * the bytes (an int, a struct linger's two ints, a congestion control name),
 * each field a child over its own bytes, then the unused bytes. An optval
 * that does not decode for its option stays four raw words.
 */
function socketWordNodes(layout: SocketLayout, body: readonly number[], start: number): FieldNode[] {
  const level = layout.words.findIndex((w) => w.name === 'level');
  const opt = level < 0 ? null : { level: body[level]!, name: body[level + 1]! };
  const val = optvalOf(layout, body);
  const fields = val === null ? [] : optvalFields(val.level, val.name, val.optval);
  const out: FieldNode[] = [];
  layout.words.forEach((w, i) => {
    const at = start + i * 4;
    if (val !== null && (fields.length > 0 || val.optval.length === 0) && w.name.startsWith('optval')) {
      if (i === val.word) out.push(optvalNode(val.level, val.name, val.optval, fields, at));
      return;
    }
    out.push(node(`i2o.socket.${w.name}`, `${w.label}: ${wordText(w.name, body[i]!, opt)}`, at, 4));
  });
  return out;
}

function optvalNode(level: number, name: number, optval: Uint8Array, fields: readonly OptvalField[], at: number): FieldNode {
  const room = OPTVAL_BYTES;
  const children = fields.map((f) => node(`i2o.socket.optval.${f.name}`, `${f.name}: ${f.text}`, at + f.offset, f.length));
  if (optval.length < room) children.push(node('i2o.socket.optval.unused', `Unused: ${room - optval.length} bytes (zero)`, at + optval.length, room - optval.length));
  return node('i2o.socket.optval', `optval (${optval.length} bytes): ${optvalText(level, name, optval)}`, at, room, { children });
}

function wordText(name: string, v: number, opt: { level: number; name: number } | null): string {
  if (name.toLowerCase().endsWith('addr')) return `${v >>> 24}.${(v >>> 16) & 0xff}.${(v >>> 8) & 0xff}.${v & 0xff}`;
  if (name === 'failedXFunction') return `${hex(v, 4)} (${xfnName(v) ?? 'unknown'})`;
  if (opt !== null && name === 'level') return `${v} (${SOCKOPT_LEVELS.get(v) ?? 'unknown level'})`;
  if (opt !== null && name === 'name') return `${v} (${sockoptOf(opt.level, v)?.name ?? 'unknown option'})`;
  return String(v);
}

const SGL_FLAG_BITS: readonly (readonly [number, string])[] = [
  [SGL_FLAG_LAST_ELEMENT, 'LAST_ELEMENT'],
  [SGL_FLAG_END_OF_BUFFER, 'END_OF_BUFFER'],
  [SGL_FLAG_SIMPLE_ADDRESS, 'SIMPLE_ADDRESS'],
  [SGL_FLAG_LOCAL_ADDRESS, 'LOCAL_ADDRESS'],
  [SGL_FLAG_DIR, 'DIR (host to IOP)'],
];

function sglNode(m: I2oMessage, offset: number): FieldNode {
  const sgl = m.sgl!;
  const children: FieldNode[] = [];
  let at = offset;
  if (sgl.addressing === 64) {
    children.push(node('i2o.sgl.attributes', 'SGL attributes element: 64-bit addresses, page size 4096', at, 8));
    at += 8;
  }
  const stride = sgl.addressing === 64 ? 12 : 8;
  sgl.elements.forEach((e, i) => {
    const dir = e.flags & SGL_FLAG_DIR ? 'host to IOP' : 'IOP to host';
    children.push(node('i2o.sgl.element', `Element ${i}: ${e.count} bytes at ${hex(e.address)} (${dir})`, at, stride, {
      children: [
        node('i2o.sgl.count', `Count: ${e.count}`, at, 4, { bitMask: 0x00ffffff }),
        node('i2o.sgl.flags', `Flags: ${hex(e.flags, 2)}`, at + 3, 1, {
          children: SGL_FLAG_BITS.map(([f, n]) => node(`i2o.sgl.flags.${n.split(' ')[0]!.toLowerCase()}`, `${n}: ${e.flags & f ? 'set' : 'not set'}`, at + 3, 1, { bitMask: f })),
        }),
        node('i2o.sgl.address', `Address${sgl.addressing === 64 ? ' (low)' : ''}: ${hex(e.address % 0x1_0000_0000, 8)}`, at + 4, 4),
        ...(sgl.addressing === 64 ? [node('i2o.sgl.addressHigh', `Address (high): ${hex(Math.floor(e.address / 0x1_0000_0000), 8)}`, at + 8, 4)] : []),
      ],
    }));
    at += stride;
  });
  return node('i2o.sgl', `Scatter-gather list: ${sgl.elements.length} element${sgl.elements.length === 1 ? '' : 's'}, ${sglByteCount(sgl)} bytes`, offset, at - offset, { children });
}

export function dissectI2oFrame(bytes: Uint8Array): FieldNode[] {
  if (bytes.length < 16) {
    return [node('i2o.error', `Truncated: ${bytes.length} bytes, an I2O header needs 16`, 0, bytes.length)];
  }
  const header = headerNodes(bytes);
  const m = decodeFrame(bytes);
  if (isI2oError(m)) {
    return [...header, node('i2o.error', `Malformed (${m.kind}) at ${m.field}: ${m.detail}`, 0, bytes.length)];
  }
  return [...header, ...bodyNodes(m)];
}
