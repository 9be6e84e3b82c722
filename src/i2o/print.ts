// One-line summaries of I2O messages for traces, the sequence view and test
// output, e.g.
//   I2O 0x0001→0x0010 PRIVATE/SEND ctx=0x12 tctx=0x5 size=9w handle=5 flags=0 sgl[1]=1460B@0x1000
//   I2O 0x0010→0x0001 REPLY PRIVATE/RECV_DATA status=SUCCESS ctx=0x12 tctx=0x7 size=10w handle=5 flags=0 sgl[1]=512B@0x20000
// A completion reply prints as PRIVATE/<request> with REPLY; a failure reply
// names its transport failure code (status=CONGESTION).
import { MSG_FLAG_FAIL, MSG_FLAG_REPLY, replyStatusName } from './constants';
import { isI2oError } from './errors';
import { decodeFrame, messageWords, type I2oMessage } from './frame';
import { functionName } from './functions';
import { sglByteCount } from './sgl';
import { COMPLETE_LAYOUT, EVENT_LAYOUTS, REQUEST_LAYOUTS, SOCKET_ORG_ID, isRequestOp, xfnName, type SocketLayout } from './socket-codes';

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
    fn.layout.words.forEach((w, i) => {
      const v = m.body[i]!;
      const isAddr = w.name.toLowerCase().endsWith('addr');
      parts.push(`${w.name}=${isAddr ? ipv4(v) : String(v)}`);
    });
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

function ipv4(a: number): string {
  return [a >>> 24, (a >>> 16) & 0xff, (a >>> 8) & 0xff, a & 0xff].join('.');
}
