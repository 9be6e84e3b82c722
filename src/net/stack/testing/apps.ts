// Small applications written against SocketApi in continuation style, for
// tests, scenarios and the benchmark. Each checks every byte it receives
// against the deterministic payload (src/net/payload.ts).
import { PayloadChecker, fillPayload } from '../../payload';
import type { Fd, SocketApi } from '../api';
import { isPending, isSysError, type SysError } from '../errno';

type Step<T> = T | SysError | { pending: true };

/** Calls `op(cont)`; delivers its result to `k` whether it came now or later. */
export function callThen<T>(op: (cont: (r: T | SysError) => void) => Step<T>, k: (r: T | SysError) => void): void {
  const r = op(k);
  if (!isPending(r)) k(r as T | SysError);
}

/**
 * Sends `total` bytes of connection `conn`'s payload from stream offset
 * `start`, in blocking `chunk`-sized writes; then `done(null)` or the error.
 */
export function sendPayload(
  api: SocketApi, fd: Fd, conn: number, start: number, total: number, chunk: number,
  done: (err: SysError | null) => void,
): void {
  const buf = new Uint8Array(Math.max(1, Math.min(chunk, total)));
  let off = 0;
  const next = (): void => {
    while (off < total) {
      const n = Math.min(buf.length, total - off);
      const view = n === buf.length ? buf : buf.subarray(0, n);
      fillPayload(conn, start + off, view);
      const r = api.send(fd, view, after);
      if (isPending(r)) return;
      if (isSysError(r)) return done(r);
      off += r;
      if (r < n) {
        // A partial write (non-blocking): the rest is sent from the next chunk's start.
        continue;
      }
    }
    done(null);
  };
  const after = (r: number | SysError): void => {
    if (isSysError(r)) return done(r);
    off += r;
    next();
  };
  next();
}

/**
 * Receives until `limit` bytes arrived (or end of stream when limit is
 * Infinity), checking them; `done(checker, err)` at the end.
 */
export function receivePayload(
  api: SocketApi, fd: Fd, conn: number, start: number, limit: number, bufSize: number,
  done: (c: PayloadChecker, eof: boolean, err: SysError | null) => void,
): PayloadChecker {
  const checker = new PayloadChecker(conn);
  checker.offset = start;
  const buf = new Uint8Array(bufSize);
  let got = 0;
  const next = (): void => {
    while (got < limit) {
      const want = Math.min(buf.length, limit - got);
      const r = api.recv(fd, want === buf.length ? buf : buf.subarray(0, want), after);
      if (isPending(r)) return;
      if (!handle(r)) return;
    }
    done(checker, false, null);
  };
  const handle = (r: number | SysError): boolean => {
    if (isSysError(r)) {
      done(checker, false, r);
      return false;
    }
    if (r === 0) {
      done(checker, true, null);
      return false;
    }
    checker.accept(buf.subarray(0, r));
    got += r;
    return true;
  };
  const after = (r: number | SysError): void => {
    if (handle(r)) next();
  };
  next();
  return checker;
}
