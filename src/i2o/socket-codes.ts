// The socket class's codes and payload layouts: one table that the codec
// (socket-class.ts), the dissector and the printer all read, so the bytes, the
// inspector's tree and the one-line summary cannot disagree.
//
// RECONSTRUCTION. Intel's socket class is not in the public I2O specification,
// and the article (seed/) names its messages only in prose. The lab carries it
// as I2O private messages (Function 0xFF) under an OrganizationID of its own,
// 0x4F4C ('OL', Offload Lab), with one XFunctionCode per socket operation. The
// codes, payload words and reply conventions below are the lab's design.

/** The lab's OrganizationID: ASCII 'OL' (0x4F 0x4C). Not a registered I2O vendor id. */
export const SOCKET_ORG_ID = 0x4f4c;

export const SOCKET_CLASS_NOTE =
  "Reconstruction: Intel's I2O socket class is not in the public I2O 1.5 specification. " +
  'The lab encodes socket requests and events as I2O private messages (Function 0xFF) with ' +
  'its own OrganizationID 0x4F4C (\'OL\') and one XFunctionCode per socket operation; the ' +
  'codes and payload layouts are the lab\'s design, not Intel\'s.';

export type SocketRequestOp =
  | 'SOCKET' | 'BIND' | 'LISTEN' | 'ACCEPT' | 'CONNECT' | 'SEND' | 'RECV'
  | 'SHUTDOWN' | 'CLOSE' | 'SETSOCKOPT' | 'GETSOCKOPT' | 'SENDTO';

/** Requests the IOP answers with a plain completion reply; the others complete through an event. */
export type CompletableOp = 'SOCKET' | 'BIND' | 'LISTEN' | 'SEND' | 'SHUTDOWN' | 'CLOSE' | 'SETSOCKOPT' | 'GETSOCKOPT' | 'SENDTO';
export const COMPLETABLE_OPS: readonly CompletableOp[] = ['SOCKET', 'BIND', 'LISTEN', 'SEND', 'SHUTDOWN', 'CLOSE', 'SETSOCKOPT', 'GETSOCKOPT', 'SENDTO'];

export type SocketEventOp = 'RECV_DATA' | 'CONNECTED' | 'ACCEPTED' | 'CLOSED' | 'ERROR' | 'RECVFROM_DATA' | 'OPTVAL';

/**
 * XFunctionCodes. Requests (host to IOP) 0x0001-0x000C; events (IOP to host)
 * 0x0081-0x0086. SENDTO (0x000C) and RECVFROM_DATA (0x0086) were added to the
 * reconstruction for datagram sockets: SEND and RECV_DATA carry no address,
 * and a UDP datagram needs one per message (sendto(2), recvfrom(2)).
 * OPTVAL (0x0087) answers GETSOCKOPT with the option's bytes: a COMPLETE's
 * one value word cannot hold a struct linger or a congestion control name.
 */
export const XFN: Readonly<Record<SocketRequestOp | SocketEventOp, number>> = {
  SOCKET: 0x0001,
  BIND: 0x0002,
  LISTEN: 0x0003,
  ACCEPT: 0x0004,
  CONNECT: 0x0005,
  SEND: 0x0006,
  RECV: 0x0007,
  SHUTDOWN: 0x0008,
  CLOSE: 0x0009,
  SETSOCKOPT: 0x000a,
  GETSOCKOPT: 0x000b,
  SENDTO: 0x000c,
  RECV_DATA: 0x0081,
  CONNECTED: 0x0082,
  ACCEPTED: 0x0083,
  CLOSED: 0x0084,
  ERROR: 0x0085,
  RECVFROM_DATA: 0x0086,
  OPTVAL: 0x0087,
};

const XFN_NAMES = new Map<number, SocketRequestOp | SocketEventOp>(
  Object.entries(XFN).map(([k, v]) => [v, k as SocketRequestOp | SocketEventOp]),
);

export function xfnName(code: number): SocketRequestOp | SocketEventOp | undefined {
  return XFN_NAMES.get(code);
}

export function isRequestOp(name: string): name is SocketRequestOp {
  const code = XFN[name as SocketRequestOp];
  return code !== undefined && code < 0x80;
}

/** One payload word. `bits` bounds its value (16 for ports, errno, levels). */
export interface PayloadWord {
  readonly name: string;
  readonly label: string;
  readonly bits: 16 | 32;
  /**
   * A flag word a message may leave out: a missing field is encoded as 0 and a
   * 0 decodes to no field, so a message without the flag has one encoding.
   */
  readonly flag?: true;
}

/** Which way a data-bearing message's SGL moves bytes; 'none' means it has no SGL. */
export type SglUse = 'none' | 'host-to-iop' | 'iop-to-host';

export interface SocketLayout {
  readonly words: readonly PayloadWord[];
  readonly sgl: SglUse;
  /** One sentence for the inspector and the docs. */
  readonly summary: string;
}

const w = (name: string, label: string, bits: 16 | 32 = 32): PayloadWord => ({ name, label, bits });
/**
 * CLOSE's abort word: 1 resets the connection instead of closing it in order
 * (RFC 9293 3.10.4 ABORT; the OSM asks for it where Linux's tcp_close sends a
 * RST: data the application never read, RFC 2525 2.17, or a connection the
 * card accepted that the application never took). The card applies it when
 * it handles the frame.
 */
const ABORT: PayloadWord = { name: 'abort', label: 'Abort (1: reset, RFC 9293 3.10.4; 0: orderly close)', bits: 16, flag: true };
const HANDLE = w('handle', 'Socket handle');
const FLAGS = w('flags', 'MSG_* flags');

/**
 * Most optval bytes a SETSOCKOPT or OPTVAL carries inline: TCP_CA_NAME_MAX
 * (16), the longest option the lab sets (a congestion control name; an int
 * is 4 bytes, a struct linger 8). Options are arguments, not payload, so they
 * travel in the frame, as setsockopt(2)'s optval is copied in with the call.
 */
export const OPTVAL_BYTES = 16;
/** optlen, then the optval bytes in OPTVAL_BYTES / 4 words, unused bytes zero (little-endian, as C lays them out). */
const OPTVAL = [
  w('optlen', 'optlen (bytes of optval)', 16),
  w('optval0', 'optval bytes 0-3'), w('optval1', 'optval bytes 4-7'), w('optval2', 'optval bytes 8-11'), w('optval3', 'optval bytes 12-15'),
];
const LEVEL = w('level', 'Level (Linux numbering)', 16);
const OPTNAME = w('name', 'Option name (Linux numbering)', 16);

/** Request payloads (after the private word): words, then the SGL if any. */
export const REQUEST_LAYOUTS: Readonly<Record<SocketRequestOp, SocketLayout>> = {
  SOCKET: { words: [w('family', 'Address family', 16), w('type', 'Socket type', 16), w('protocol', 'Protocol', 16)], sgl: 'none', summary: 'Create a socket on the card; the reply carries its handle.' },
  BIND: { words: [HANDLE, w('addr', 'Local IPv4 address'), w('port', 'Local port', 16)], sgl: 'none', summary: 'Bind a local address and port.' },
  LISTEN: { words: [HANDLE, w('backlog', 'Backlog')], sgl: 'none', summary: 'Start listening; connections arrive as ACCEPTED events.' },
  ACCEPT: { words: [HANDLE], sgl: 'none', summary: 'Ask for the next connection; answered by an ACCEPTED event.' },
  CONNECT: { words: [HANDLE, w('addr', 'Remote IPv4 address'), w('port', 'Remote port', 16)], sgl: 'none', summary: 'Open a connection; answered by CONNECTED or ERROR.' },
  SEND: { words: [HANDLE, FLAGS], sgl: 'host-to-iop', summary: 'Send the bytes in the OSM transmit-pool buffers the SGL names.' },
  RECV: { words: [HANDLE, FLAGS], sgl: 'iop-to-host', summary: 'Lend OSM receive-pool buffers; answered by RECV_DATA when data arrives.' },
  SHUTDOWN: { words: [HANDLE, w('how', 'How (0 RD, 1 WR, 2 RDWR)', 16)], sgl: 'none', summary: 'Shut down one or both directions.' },
  CLOSE: { words: [HANDLE, ABORT], sgl: 'none', summary: 'Release the socket: an orderly close, or with abort a reset.' },
  SETSOCKOPT: { words: [HANDLE, LEVEL, OPTNAME, ...OPTVAL], sgl: 'none', summary: 'Set a socket option to the optval bytes given (an int, a struct linger or a name).' },
  GETSOCKOPT: { words: [HANDLE, LEVEL, OPTNAME, w('optlen', 'optlen (room for the value, bytes)', 16)], sgl: 'none', summary: 'Read a socket option; answered by OPTVAL with its bytes, or ERROR.' },
  SENDTO: { words: [HANDLE, FLAGS, w('addr', 'Destination IPv4 address'), w('port', 'Destination port', 16)], sgl: 'host-to-iop', summary: 'Send one datagram, the bytes in the transmit-pool buffers the SGL names, to the address given.' },
};

/** Completion replies (XFunctionCode = the request's): status word, private word, then these. */
export const COMPLETE_LAYOUT: SocketLayout = {
  words: [HANDLE, w('value', 'Result (handle, bytes accepted, receive buffers returned, or 0)')],
  sgl: 'none',
  summary: 'The request completed; for SEND the transmit-pool buffers may be reused.',
};

/** Event replies (IOP to host): status word, private word, then these. */
export const EVENT_LAYOUTS: Readonly<Record<SocketEventOp, SocketLayout>> = {
  RECV_DATA: { words: [HANDLE, FLAGS], sgl: 'iop-to-host', summary: 'Data was placed in the lent receive-pool buffers; the SGL counts say how much.' },
  CONNECTED: { words: [HANDLE, w('localAddr', 'Local IPv4 address'), w('localPort', 'Local port', 16), w('remoteAddr', 'Remote IPv4 address'), w('remotePort', 'Remote port', 16)], sgl: 'none', summary: 'The handshake of a CONNECT completed.' },
  ACCEPTED: { words: [w('listenHandle', 'Listening socket handle'), w('handle', 'New socket handle'), w('localAddr', 'Local IPv4 address'), w('localPort', 'Local port', 16), w('remoteAddr', 'Remote IPv4 address'), w('remotePort', 'Remote port', 16)], sgl: 'none', summary: 'A connection was accepted on a listening socket.' },
  CLOSED: { words: [HANDLE, w('reason', 'Reason (0 peer FIN, 1 reset, 2 close done)', 16)], sgl: 'none', summary: 'The connection closed.' },
  ERROR: { words: [HANDLE, w('errno', 'errno (Linux numbering)', 16), w('failedXFunction', 'XFunctionCode that failed', 16)], sgl: 'none', summary: 'A request failed, or the connection hit an asynchronous error.' },
  RECVFROM_DATA: { words: [HANDLE, FLAGS, w('addr', 'Source IPv4 address'), w('port', 'Source port', 16)], sgl: 'iop-to-host', summary: 'One datagram from the address given was placed in lent receive-pool buffers; the SGL counts say how much.' },
  OPTVAL: { words: [LEVEL, OPTNAME, ...OPTVAL], sgl: 'none', summary: "The answer to a GETSOCKOPT (its TransactionContext): the option's value as optval bytes." },
};

// Values the payloads use (Linux numbering, include/linux/socket.h, in.h).
export const AF_INET = 2;
export const SOCK_STREAM = 1;
export const SOCK_DGRAM = 2;
export const CLOSED_PEER_FIN = 0;
export const CLOSED_RESET = 1;
export const CLOSED_LOCAL = 2;

// ---------------------------------------------------------- socket options

/** How C lays out an option's optval: an int, a struct linger, or a name's bytes (no NUL). */
export type OptvalShape = 'int' | 'linger' | 'name';

/**
 * The options the lab carries, by (level, optname) in Linux numbering
 * (asm-generic/socket.h, uapi/linux/tcp.h), for the dissector and the
 * printer. The same numbers as net/stack/sockopt.ts, which the codec cannot
 * import (i2o sits beside net); a model test checks the two tables agree.
 */
export const SOCKOPT_LEVELS: ReadonlyMap<number, string> = new Map([[1, 'SOL_SOCKET'], [6, 'IPPROTO_TCP']]);
export const SOCKOPTS: ReadonlyMap<number, { readonly name: string; readonly shape: OptvalShape }> = new Map([
  [0x1_0002, { name: 'SO_REUSEADDR', shape: 'int' }],
  [0x1_0003, { name: 'SO_TYPE', shape: 'int' }],
  [0x1_0004, { name: 'SO_ERROR', shape: 'int' }],
  [0x1_0007, { name: 'SO_SNDBUF', shape: 'int' }],
  [0x1_0008, { name: 'SO_RCVBUF', shape: 'int' }],
  [0x1_000d, { name: 'SO_LINGER', shape: 'linger' }],
  [0x6_0001, { name: 'TCP_NODELAY', shape: 'int' }],
  [0x6_000d, { name: 'TCP_CONGESTION', shape: 'name' }],
] as const);

/** The option (level, optname) names, or undefined. */
export function sockoptOf(level: number, name: number): { readonly name: string; readonly shape: OptvalShape } | undefined {
  return SOCKOPTS.get(level * 0x10000 + name);
}

/** 'SOL_SOCKET/SO_LINGER'; numbers stand in for what the table does not name. */
export function sockoptName(level: number, name: number): string {
  return `${SOCKOPT_LEVELS.get(level) ?? String(level)}/${sockoptOf(level, name)?.name ?? String(name)}`;
}

/** One decoded piece of an optval: its C name, its bytes within optval, and its value as text. */
export interface OptvalField {
  readonly name: string;
  readonly offset: number;
  readonly length: number;
  readonly text: string;
}

/**
 * The fields of optval bytes for option (level, name), as C reads them:
 * int (little-endian, signed), struct linger { int l_onoff; int l_linger; },
 * or a congestion control name. An empty list when the length does not fit
 * the option's shape or the option is unknown (the bytes are then shown raw).
 */
export function optvalFields(level: number, name: number, optval: Uint8Array): OptvalField[] {
  const shape = sockoptOf(level, name)?.shape;
  const d = new DataView(optval.buffer, optval.byteOffset, optval.byteLength);
  if (shape === 'int' && optval.length === 4) return [{ name: 'int', offset: 0, length: 4, text: String(d.getInt32(0, true)) }];
  if (shape === 'linger' && optval.length === 8) {
    return [
      { name: 'l_onoff', offset: 0, length: 4, text: String(d.getInt32(0, true)) },
      { name: 'l_linger', offset: 4, length: 4, text: `${d.getInt32(4, true)} s` },
    ];
  }
  if (shape === 'name' && optval.length > 0) {
    const chars = Array.from(optval, (b) => (b >= 0x20 && b < 0x7f && b !== 0x22 && b !== 0x5c ? String.fromCharCode(b) : `\\x${b.toString(16).padStart(2, '0')}`));
    return [{ name: 'name', offset: 0, length: optval.length, text: `"${chars.join('')}"` }];
  }
  return [];
}

/** optval as one phrase: 'int 1', 'struct linger {l_onoff 1, l_linger 7 s}', '"cubic"', or its bytes in hex. */
export function optvalText(level: number, name: number, optval: Uint8Array): string {
  const f = optvalFields(level, name, optval);
  if (f.length === 1 && f[0]!.name === 'int') return `int ${f[0]!.text}`;
  if (f.length === 1) return f[0]!.text;
  if (f.length === 2) return `struct linger {${f.map((x) => `${x.name} ${x.text}`).join(', ')}}`;
  if (optval.length === 0) return 'empty';
  return `bytes ${Array.from(optval, (b) => b.toString(16).padStart(2, '0')).join(' ')}`;
}

/**
 * The option a SETSOCKOPT or OPTVAL body carries: level, name, the optval
 * bytes (optlen of them) and the index of the first optval word; null for a
 * layout with no optval or an optlen past OPTVAL_BYTES (malformed).
 */
export function optvalOf(layout: SocketLayout, body: readonly number[]): { level: number; name: number; optval: Uint8Array; word: number } | null {
  const at = (n: string): number => layout.words.findIndex((x) => x.name === n);
  const word = at('optval0');
  const len = body[at('optlen')];
  if (word < 0 || len === undefined || len > OPTVAL_BYTES) return null;
  const room = new Uint8Array(OPTVAL_BYTES);
  const d = new DataView(room.buffer);
  for (let i = 0; i < OPTVAL_BYTES / 4; i++) d.setUint32(4 * i, body[word + i] ?? 0, true);
  return { level: body[at('level')] ?? 0, name: body[at('name')] ?? 0, optval: room.slice(0, len), word };
}
