// The little HTTP/1.0 the lab's server speaks (RFC 1945): read a request head,
// answer GET with a body of deterministic payload and close the connection
// (HTTP/1.0 marks the end of the body by closing, and Content-Length lets the
// client check it got everything).
//
// Contract: pure functions over bytes, never throw. A head longer than
// MAX_HEAD_BYTES without its blank line is a bad request.
export const MAX_HEAD_BYTES = 8192;

export type HeadParse =
  | { readonly kind: 'incomplete' }
  | { readonly kind: 'request'; readonly method: string; readonly target: string; readonly version: string; readonly headLength: number }
  | { readonly kind: 'bad'; readonly reason: string };

const CR = 13;
const LF = 10;

/** Looks for a complete request head (request line, headers, blank line) in bytes[0, len). */
export function parseRequestHead(bytes: Uint8Array, len: number): HeadParse {
  const end = findHeadEnd(bytes, len);
  if (end < 0) {
    return len >= MAX_HEAD_BYTES ? { kind: 'bad', reason: `no end of head in ${MAX_HEAD_BYTES} bytes` } : { kind: 'incomplete' };
  }
  let lineEnd = 0;
  while (lineEnd < end && bytes[lineEnd] !== CR && bytes[lineEnd] !== LF) lineEnd += 1;
  let line = '';
  for (let i = 0; i < lineEnd; i++) {
    const c = bytes[i]!;
    if (c < 0x20 || c > 0x7e) return { kind: 'bad', reason: `byte 0x${c.toString(16)} in the request line` };
    line += String.fromCharCode(c);
  }
  // RFC 1945 section 5.1: Request-Line = Method SP Request-URI SP HTTP-Version CRLF.
  const parts = line.split(' ');
  const [method, target, version] = parts;
  if (parts.length !== 3 || !method || !target || !version) return { kind: 'bad', reason: `request line "${line}"` };
  if (!/^HTTP\/\d\.\d$/.test(version)) return { kind: 'bad', reason: `version "${version}"` };
  return { kind: 'request', method, target, version, headLength: end };
}

/** Index just past the blank line ending the head (CRLFCRLF, or bare LFLF as RFC 1945 19.3 tolerates), or -1. */
function findHeadEnd(b: Uint8Array, len: number): number {
  for (let i = 0; i < len; i++) {
    if (b[i] !== LF) continue;
    if (i + 1 < len && b[i + 1] === LF) return i + 2;
    if (i + 2 < len && b[i + 1] === CR && b[i + 2] === LF) return i + 3;
  }
  return -1;
}

const REASONS: Record<number, string> = { 200: 'OK', 400: 'Bad Request', 501: 'Not Implemented' };

/** The response head for `status` with a body of `contentLength` bytes. */
export function responseHead(status: 200 | 400 | 501, contentLength: number): Uint8Array {
  const text =
    `HTTP/1.0 ${status} ${REASONS[status] ?? ''}\r\n` +
    'Server: offload-lab\r\n' +
    `Content-Type: ${status === 200 ? 'application/octet-stream' : 'text/plain'}\r\n` +
    `Content-Length: ${contentLength}\r\n` +
    'Connection: close\r\n\r\n';
  return new TextEncoder().encode(text);
}

/** What the server does with a parsed request: the status and how many body bytes follow. */
export function respondTo(req: HeadParse & { kind: 'request' }, size: number): { status: 200 | 501; bodyBytes: number } {
  if (req.method === 'GET') return { status: 200, bodyBytes: size };
  if (req.method === 'HEAD') return { status: 200, bodyBytes: 0 };
  return { status: 501, bodyBytes: 0 };
}
