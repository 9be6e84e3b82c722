// TCP's part of the inspector's field tree (see dissect-node.ts): every header
// field, each flag as a child bit, and each option with its kind, length and
// values. Offsets are absolute in the frame (`base` is where TCP starts).
import { readU16, readU32, readU8 } from './bytes';
import { checksumAdd, pseudoHeaderSum } from './checksum';
import { bitField, checksumLabel, field, type FieldNode } from './dissect-node';
import { formatTcpFlags } from './print';
import { TCP_ACK_NUM, TCP_CHECKSUM, TCP_DATA_OFFSET, TCP_DST_PORT, TCP_OPTIONS, TCP_SEQ, TCP_SRC_PORT, TCP_URGENT, TCP_WINDOW } from './tcp';
import { TCPOPT_EOL, TCPOPT_MSS, TCPOPT_NOP, TCPOPT_SACK, TCPOPT_SACK_PERM, TCPOPT_TIMESTAMP, TCPOPT_WINDOW } from './tcp-options';
import { IPPROTO_TCP } from './types';

const FLAG_BITS: ReadonlyArray<[number, string, string]> = [
  [0x0e00, 'tcp.flags.res', 'Reserved'],
  [0x0100, 'tcp.flags.ae', 'Accurate ECN'],
  [0x0080, 'tcp.flags.cwr', 'Congestion Window Reduced'],
  [0x0040, 'tcp.flags.ece', 'ECN-Echo'],
  [0x0020, 'tcp.flags.urg', 'Urgent'],
  [0x0010, 'tcp.flags.ack', 'Acknowledgment'],
  [0x0008, 'tcp.flags.push', 'Push'],
  [0x0004, 'tcp.flags.reset', 'Reset'],
  [0x0002, 'tcp.flags.syn', 'Syn'],
  [0x0001, 'tcp.flags.fin', 'Fin'],
];

// Per kind: Wireshark's field name, its option title, and the name its Kind line uses.
const OPTIONS: Record<number, [string, string, string]> = {
  [TCPOPT_EOL]: ['tcp.options.eol', 'End of Option List (EOL)', 'End of Option List'],
  [TCPOPT_NOP]: ['tcp.options.nop', 'No-Operation (NOP)', 'No-Operation'],
  [TCPOPT_MSS]: ['tcp.options.mss', 'Maximum segment size', 'Maximum Segment Size'],
  [TCPOPT_WINDOW]: ['tcp.options.wscale', 'Window scale', 'Window Scale'],
  [TCPOPT_SACK_PERM]: ['tcp.options.sack_perm', 'SACK permitted', 'SACK Permitted'],
  [TCPOPT_SACK]: ['tcp.options.sack', 'SACK', 'SACK'],
  [TCPOPT_TIMESTAMP]: ['tcp.options.timestamp', 'Timestamps', 'Time Stamp Option'],
};

function optionNode(tcp: Uint8Array, o: number, len: number, base: number): FieldNode {
  const kind = readU8(tcp, o);
  const at = base + o;
  const [fieldName, name, kindName] = OPTIONS[kind] ?? [`tcp.options.unknown`, `Unknown option ${kind}`, 'Unknown'];
  const kids: FieldNode[] = [field('tcp.option_kind', `Kind: ${kindName} (${kind})`, at, 1)];
  if (len >= 2) kids.push(field('tcp.option_len', `Length: ${len}`, at + 1, 1));
  let summary = name;
  if (kind === TCPOPT_MSS && len === 4) {
    kids.push(field('tcp.options.mss_val', `MSS Value: ${readU16(tcp, o + 2)}`, at + 2, 2));
    summary += `: ${readU16(tcp, o + 2)} bytes`;
  } else if (kind === TCPOPT_WINDOW && len === 3) {
    const shift = readU8(tcp, o + 2);
    kids.push(field('tcp.options.wscale.shift', `Shift count: ${shift}`, at + 2, 1));
    summary += `: ${shift} (multiply by ${2 ** Math.min(shift, 14)})`;
  } else if (kind === TCPOPT_TIMESTAMP && len === 10) {
    kids.push(field('tcp.options.timestamp.tsval', `Timestamp value: ${readU32(tcp, o + 2)}`, at + 2, 4));
    kids.push(field('tcp.options.timestamp.tsecr', `Timestamp echo reply: ${readU32(tcp, o + 6)}`, at + 6, 4));
    summary += `: TSval ${readU32(tcp, o + 2)}, TSecr ${readU32(tcp, o + 6)}`;
  } else if (kind === TCPOPT_SACK && len >= 10 && (len - 2) % 8 === 0) {
    for (let p = o + 2; p < o + len; p += 8) {
      kids.push(field('tcp.options.sack_le', `left edge = ${readU32(tcp, p)}`, base + p, 4));
      kids.push(field('tcp.options.sack_re', `right edge = ${readU32(tcp, p + 4)}`, base + p + 4, 4));
      summary += ` ${readU32(tcp, p)}-${readU32(tcp, p + 4)}`;
    }
  }
  return field(fieldName, `TCP Option - ${summary}`, at, Math.max(1, len), kids);
}

function optionsNode(tcp: Uint8Array, headerLen: number, base: number): FieldNode {
  const kids: FieldNode[] = [];
  for (let o = TCP_OPTIONS; o < headerLen; ) {
    const kind = readU8(tcp, o);
    if (kind === TCPOPT_EOL || kind === TCPOPT_NOP) {
      kids.push(optionNode(tcp, o, 1, base));
      o++;
      if (kind === TCPOPT_EOL) break;
      continue;
    }
    const len = o + 1 < headerLen ? readU8(tcp, o + 1) : 0;
    if (len < 2 || o + len > headerLen) {
      kids.push(field('_ws.malformed', `[Malformed option ${kind}: length ${len}]`, base + o, headerLen - o));
      break;
    }
    kids.push(optionNode(tcp, o, len, base));
    o += len;
  }
  const names = kids.map((k) => (k.name === '_ws.malformed' ? 'Malformed' : OPTIONS[readU8(tcp, k.offset - base)]?.[1] ?? 'Unknown'));
  return field('tcp.options', `Options: (${headerLen - TCP_OPTIONS} bytes), ${names.join(', ')}`, base + TCP_OPTIONS, headerLen - TCP_OPTIONS, kids);
}

/**
 * TCP over `tcp` (the whole IPv4 payload) that starts at `base` in the frame.
 * The caller has checked that the header is complete (parseTcp succeeded).
 */
export function dissectTcp(tcp: Uint8Array, base: number, src: number, dst: number): FieldNode {
  const headerLen = (readU8(tcp, TCP_DATA_OFFSET) >>> 4) * 4;
  const sp = readU16(tcp, TCP_SRC_PORT);
  const dp = readU16(tcp, TCP_DST_PORT);
  const flagsWord = readU16(tcp, TCP_DATA_OFFSET) & 0x0fff;
  const csum = readU16(tcp, TCP_CHECKSUM);
  const sum = checksumAdd(pseudoHeaderSum(src, dst, IPPROTO_TCP, tcp.length), tcp);
  const len = tcp.length - headerLen;
  const kids: FieldNode[] = [
    field('tcp.srcport', `Source Port: ${sp}`, base + TCP_SRC_PORT, 2),
    field('tcp.dstport', `Destination Port: ${dp}`, base + TCP_DST_PORT, 2),
    field('tcp.seq_raw', `Sequence Number (raw): ${readU32(tcp, TCP_SEQ)}`, base + TCP_SEQ, 4),
    field('tcp.ack_raw', `Acknowledgment Number (raw): ${readU32(tcp, TCP_ACK_NUM)}`, base + TCP_ACK_NUM, 4),
    bitField('tcp.hdr_len', 'Header Length', base + TCP_DATA_OFFSET, 1, readU8(tcp, TCP_DATA_OFFSET), 0xf0, `${headerLen} bytes (${headerLen / 4})`),
    {
      ...field('tcp.flags', `Flags: 0x${flagsWord.toString(16).padStart(3, '0')} (${formatTcpFlags(flagsWord & 0xff)})`, base + TCP_DATA_OFFSET, 2),
      bitMask: 0x0fff,
      children: FLAG_BITS.map(([mask, name, text]) => bitField(name, text, base + TCP_DATA_OFFSET, 2, flagsWord, mask, undefined, 12)),
    },
    field('tcp.window_size_value', `Window: ${readU16(tcp, TCP_WINDOW)}`, base + TCP_WINDOW, 2),
    field('tcp.checksum', checksumLabel('Checksum', csum, sum), base + TCP_CHECKSUM, 2),
    field('tcp.urgent_pointer', `Urgent Pointer: ${readU16(tcp, TCP_URGENT)}`, base + TCP_URGENT, 2),
  ];
  if (headerLen > TCP_OPTIONS) kids.push(optionsNode(tcp, headerLen, base));
  return field(
    'tcp',
    `Transmission Control Protocol, Src Port: ${sp}, Dst Port: ${dp}, Seq: ${readU32(tcp, TCP_SEQ)}, Ack: ${readU32(tcp, TCP_ACK_NUM)}, Len: ${len}`,
    base,
    headerLen,
    kids,
  );
}

