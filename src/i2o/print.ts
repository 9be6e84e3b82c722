// One-line summaries of I2O messages for traces, the sequence view and test
// output, e.g.
//   I2O 0x0001→0x0010 PRIVATE/SEND ctx=0x12 tctx=0x5 size=9w handle=5 flags=0 sgl[1]=1460B@0x1000
//   I2O 0x0010→0x0001 REPLY PRIVATE/RECV_DATA status=SUCCESS ctx=0x12 tctx=0x7 size=10w handle=5 flags=0 sgl[1]=512B@0x20000
// A completion reply prints as PRIVATE/<request> with REPLY; a failure reply
// names its transport failure code (status=CONGESTION). A socket option
// prints by name with its value decoded:
//   I2O 0x0001→0x0010 PRIVATE/SETSOCKOPT ctx=0x4f534d03 tctx=0x1 size=13w handle=1 opt=SOL_SOCKET/SO_LINGER optlen=8 optval={l_onoff=1,l_linger=7s}
import { MSG_FLAG_FAIL, MSG_FLAG_REPLY, replyStatusName } from './constants';
import { isI2oError } from './errors';
import { decodeFrame, messageWords, type I2oMessage } from './frame';
import { functionName } from './functions';
import { sglByteCount } from './sgl';
import {
  COMPLETE_LAYOUT, EVENT_LAYOUTS, REQUEST_LAYOUTS, SOCKET_ORG_ID, isRequestOp, optvalFields, optvalOf, sockoptName, xfnName,
  type SocketLayout,
} from './socket-codes';

const hex = (n: number, digits = 1): string => `0x${n.toString(16).padStart(digits, '0')}`;

function socketLayout(m: I2oMessage, name: string): SocketLayout {
  if (!isRequestOp(name)) return EVENT_LAYOUTS[name as keyof typeof EVENT_LAYOUTS];
  return m.reply ? COMPLETE_LAYOUT : REQUEST_LAYOUTS[name];
}

function functionPart(m: I2oMessage): { text: string; layout: SocketLayout | null } {
  if (!m.priv) return { text: functionName(m.func), layout: null };
  const { xFunctionCode: x, organizationId: org } = m.priv;
  const name = org === SOCKET_ORG_ID ? xfnName(x) : undefined;
  if (!name) return { text: `PRIVATE/${hex(x, 4)}@org${hex(org, 4)}`, layout: null };
  return { text: `PRIVATE/${name}`, layout: socketLayout(m, name) };
}

export function formatI2oMessage(m: I2oMessage): string {
  const parts = [`I2O ${hex(m.initiatorTid, 4)}→${hex(m.targetTid, 4)}`];
  if (m.msgFlags & MSG_FLAG_REPLY) parts.push(m.msgFlags & MSG_FLAG_FAIL ? 'REPLY FAIL' : 'REPLY');
  const fn = functionPart(m);
  parts.push(fn.text);
  if (m.reply) parts.push(`status=${replyStatusName(m.reply.reqStatus, (m.msgFlags & MSG_FLAG_FAIL) !== 0)}`);
  parts.push(`ctx=${hex(m.initiatorContext)}`, `tctx=${hex(m.transactionContext)}`, `size=${messageWords(m)}w`);
  if (fn.layout && fn.layout.words.length === m.body.length) {
    parts.push(...payloadParts(fn.layout, m.body));
  } else if (m.body.length > 0) {
    parts.push(`body=[${m.body.map((v) => hex(v)).join(',')}]`);
  }
  if (m.sgl) {
    const first = m.sgl.elements[0];
    parts.push(`sgl[${m.sgl.elements.length}]=${sglByteCount(m.sgl)}B@${first ? hex(first.address) : '-'}`);
  }
  return parts.join(' ');
}

/** Decodes and formats; a malformed frame prints its error instead. */
export function formatI2oFrame(bytes: Uint8Array): string {
  const m = decodeFrame(bytes);
  if (isI2oError(m)) return `I2O malformed (${m.kind} at ${m.field}: ${m.detail})`;
  return formatI2oMessage(m);
}

/**
 * name=value per payload word; an option's level and optname print as one
 * opt=SOL_SOCKET/SO_LINGER and its optval words as the value they hold
 * (optval=1, optval={l_onoff=1,l_linger=7s}, optval="cubic"), raw bytes in
 * hex when they do not decode for the option.
 */
function payloadParts(layout: SocketLayout, body: readonly number[]): string[] {
  const parts: string[] = [];
  const val = optvalOf(layout, body);
  layout.words.forEach((w, i) => {
    const v = body[i]!;
    if (w.name === 'level') parts.push(`opt=${sockoptName(v, body[i + 1]!)}`);
    else if (w.name === 'name' && layout.words[i - 1]?.name === 'level') return;
    else if (w.name.startsWith('optval') && val !== null) {
      if (i === val.word) parts.push(`optval=${optvalShort(val.level, val.name, val.optval)}`);
    } else parts.push(`${w.name}=${w.name.toLowerCase().endsWith('addr') ? ipv4(v) : String(v)}`);
  });
  return parts;
}

function optvalShort(level: number, name: number, optval: Uint8Array): string {
  const f = optvalFields(level, name, optval);
  if (f.length === 1) return f[0]!.text;
  if (f.length === 2) return `{${f.map((x) => `${x.name}=${x.text.replace(' ', '')}`).join(',')}}`;
  return optval.length === 0 ? '(empty)' : `0x${Array.from(optval, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}

function ipv4(a: number): string {
  return [a >>> 24, (a >>> 16) & 0xff, (a >>> 8) & 0xff, a & 0xff].join('.');
}
