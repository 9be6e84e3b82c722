// The field tree the packet inspector shows, Wireshark style: each node names a
// field (Wireshark's display-filter names where one exists, 'tcp.flags.syn'),
// a label to show ('Source Port: 5000'), and the bytes it covers in the frame,
// so that selecting a node can highlight its bytes. Pure data, no DOM.
import { checksumFinish } from './checksum';

export interface FieldNode {
  name: string;
  label: string;
  /** Offset of the field's first byte in the frame. */
  offset: number;
  /** Bytes the field covers (for a bit field, the bytes that hold its bits). */
  length: number;
  /** For bit fields: which bits of those bytes (big-endian) belong to it. */
  bitMask?: number;
  children?: FieldNode[];
}

export function field(name: string, label: string, offset: number, length: number, children?: FieldNode[]): FieldNode {
  return children === undefined ? { name, label, offset, length } : { name, label, offset, length, children };
}

/**
 * A bit field with Wireshark's dotted picture: ".... ..1. = Syn: Set".
 * `value` is the whole (1..4 byte) field; the picture shows its low `bits`
 * bits (all of them by default; TCP's flags show 12, as Wireshark does).
 */
export function bitField(
  name: string,
  text: string,
  offset: number,
  length: number,
  value: number,
  mask: number,
  valueText?: string,
  bits = length * 8,
): FieldNode {
  let picture = '';
  for (let i = bits - 1; i >= 0; i--) {
    const bit = 2 ** i;
    picture += Math.floor(mask / bit) % 2 === 1 ? String(Math.floor(value / bit) % 2) : '.';
    if (i % 4 === 0 && i > 0) picture += ' ';
  }
  const shifted = Math.floor((value % 2 ** bits) / lowestBit(mask)) & Math.floor(mask / lowestBit(mask));
  const shown = valueText ?? (isSingleBit(mask) ? (shifted ? 'Set' : 'Not set') : String(shifted));
  return { name, label: `${picture} = ${text}: ${shown}`, offset, length, bitMask: mask };
}

function lowestBit(mask: number): number {
  let b = 1;
  while (mask % (b * 2) === 0 && b < 2 ** 31) b *= 2;
  return b;
}

function isSingleBit(mask: number): boolean {
  return mask > 0 && mask === lowestBit(mask);
}

export const hex16 = (v: number): string => `0x${v.toString(16).padStart(4, '0')}`;
export const hex8 = (v: number): string => `0x${v.toString(16).padStart(2, '0')}`;

/**
 * Label for a checksum field: "[correct]" or "[incorrect, should be 0x....]".
 * `sum` is the unfolded sum over everything the checksum covers, the field included.
 */
export function checksumLabel(title: string, fieldValue: number, sum: number): string {
  if (checksumFinish(sum) === 0) return `${title}: ${hex16(fieldValue)} [correct]`;
  // One's complement subtraction of the field: add its complement.
  return `${title}: ${hex16(fieldValue)} [incorrect, should be ${hex16(checksumFinish(sum + (~fieldValue & 0xffff)))}]`;
}

