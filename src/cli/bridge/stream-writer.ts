// Writes a byte source to a stream socket with blocking sends in continuation
// style (SocketApi: a call that cannot complete returns PENDING and later calls
// its continuation once, from a sim event).
//
// The source is described, not materialised: `fill(offset, into)` writes the
// bytes at `offset`, so 10 MB of payload never sits in memory. One chunk buffer
// is reused; it is never touched while a send of it is pending.
import type { Fd, SocketApi, SysError } from '../../net/stack';
import { isPending, isSysError } from '../../net/stack';

export interface ByteSource {
  readonly length: number;
  fill(offset: number, into: Uint8Array): void;
}

/** `head` followed by `bodyLength` bytes of `body` from stream offset 0. */
export function concatSource(head: Uint8Array, bodyLength: number, body: (offset: number, into: Uint8Array) => void): ByteSource {
  return {
    length: head.length + bodyLength,
    fill(offset, into) {
      let i = 0;
      while (i < into.length && offset + i < head.length) {
        into[i] = head[offset + i]!;
        i += 1;
      }
      if (i < into.length) body(offset + i - head.length, into.subarray(i));
    },
  };
}

/** Sends all of `src` on `fd`; then `done(null, sent)` or `done(error, sent)`. */
export function writeAll(
  api: SocketApi, fd: Fd, src: ByteSource, chunk: number, done: (err: SysError | null, sent: number) => void,
): void {
  const buf = new Uint8Array(Math.max(1, Math.min(chunk, src.length)));
  let off = 0;
  const pump = (): void => {
    // A loop, not recursion: sends that complete at once must not grow the stack.
    while (off < src.length) {
      const n = Math.min(buf.length, src.length - off);
      const view = n === buf.length ? buf : buf.subarray(0, n);
      src.fill(off, view);
      const r = api.send(fd, view, after);
      if (isPending(r)) return;
      if (isSysError(r)) return done(r, off);
      off += r;
    }
    done(null, off);
  };
  const after = (r: number | SysError): void => {
    if (isSysError(r)) return done(r, off);
    off += r;
    pump();
  };
  pump();
}

/** Reads and discards until end of stream; then `done(null)` or the error. */
export function drainToEof(api: SocketApi, fd: Fd, done: (err: SysError | null, bytes: number) => void): void {
  const buf = new Uint8Array(4096);
  let bytes = 0;
  const pump = (): void => {
    for (;;) {
      const r = api.recv(fd, buf, after);
      if (isPending(r)) return;
      if (!handle(r)) return;
    }
  };
  const handle = (r: number | SysError): boolean => {
    if (isSysError(r)) {
      done(r, bytes);
      return false;
    }
    if (r === 0) {
      done(null, bytes);
      return false;
    }
    bytes += r;
    return true;
  };
  const after = (r: number | SysError): void => {
    if (handle(r)) pump();
  };
  pump();
}
