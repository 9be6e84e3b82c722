// Continuation-style stream primitives over SocketApi for the workloads: send a
// range of a connection's deterministic payload in calls of at most `chunk`
// bytes (each call preceded by the application's work), and receive an exact
// number of bytes (or to end of stream), checking every byte as it arrives.
// Blocking calls (PENDING + continuation) and partial writes are both handled.
import { fillPayload, PayloadChecker } from '../../net/payload';
import { isPending, isSysError, type Fd, type SocketApi, type SysError } from '../../net/stack';

/** Work done before each send call of `n` bytes; calls `go` when done. */
export type BeforeCall = (n: number, go: () => void) => void;

const NOW: BeforeCall = (_n, go) => go();

/**
 * Sends bytes [start, start + total) of payload stream `conn` on `fd`; `done`
 * gets null or the error. `buf` is reused across calls (its length is the
 * call size). Synchronous completions loop instead of recursing.
 */
export function sendRange(
  api: SocketApi, fd: Fd, conn: number, start: number, total: number, buf: Uint8Array,
  before: BeforeCall | null, done: (err: SysError | null) => void,
): void {
  const pre = before ?? NOW;
  let off = 0;
  let view = buf;
  let inLoop = false;
  let again = false;
  // Sends what is left of `view`; true when it all went synchronously.
  const pump = (): boolean => {
    for (;;) {
      const r = api.send(fd, view, after);
      if (isPending(r)) return false;
      if (isSysError(r)) {
        done(r);
        return false;
      }
      off += r;
      if (r >= view.length) return true;
      // A partial write: the rest of this call's bytes go without new application work.
      view = view.subarray(r);
    }
  };
  const after = (r: number | SysError): void => {
    if (isSysError(r)) return done(r);
    off += r;
    if (r < view.length) {
      view = view.subarray(r);
      if (!pump()) return;
    }
    next();
  };
  const prepare = (): void => {
    const n = Math.min(buf.length, total - off);
    view = n === buf.length ? buf : buf.subarray(0, n);
    fillPayload(conn, start + off, view);
  };
  const ready = (): void => {
    if (inLoop) {
      again = true;
      return;
    }
    prepare();
    if (pump()) next();
  };
  const next = (): void => {
    for (;;) {
      if (off >= total) return done(null);
      inLoop = true;
      again = false;
      pre(Math.min(buf.length, total - off), ready);
      inLoop = false;
      if (!again) return;
      prepare();
      if (!pump()) return;
    }
  };
  next();
}

/**
 * Receives exactly `want` bytes (Infinity: to end of stream) into `buf`,
 * checking each chunk with `checker` and handing it to `onChunk(n, go)`, which
 * calls `go` to go on (after the application's work, say); `done` gets (eof,
 * err). Reaching end of stream before `want` bytes is eof = true.
 */
export function recvRange(
  api: SocketApi, fd: Fd, checker: PayloadChecker, want: number, buf: Uint8Array,
  onChunk: BeforeCall | null, done: (eof: boolean, err: SysError | null) => void,
): void {
  const per = onChunk ?? NOW;
  let got = 0;
  // Continuations that arrive synchronously loop here instead of recursing.
  let inLoop = false;
  let again = false;
  const go = (): void => {
    if (inLoop) again = true;
    else next();
  };
  const handle = (r: number | SysError): r is number => {
    if (isSysError(r)) {
      done(false, r);
      return false;
    }
    if (r === 0) {
      done(true, null);
      return false;
    }
    checker.accept(buf, r);
    got += r;
    return true;
  };
  const after = (r: number | SysError): void => {
    if (handle(r)) step(r);
  };
  const step = (r: number): void => {
    inLoop = true;
    again = false;
    per(r, go);
    inLoop = false;
    if (again) next();
  };
  const next = (): void => {
    for (;;) {
      if (got >= want) return done(false, null);
      const n = Math.min(buf.length, want - got);
      const r = api.recv(fd, n === buf.length ? buf : buf.subarray(0, n), after);
      if (isPending(r)) return;
      if (!handle(r)) return;
      inLoop = true;
      again = false;
      per(r, go);
      inLoop = false;
      if (!again) return;
    }
  };
  next();
}

/** Sends all of `data` (an application message built by the caller); `done` gets null or the error. */
export function sendAll(api: SocketApi, fd: Fd, data: Uint8Array, done: (err: SysError | null) => void): void {
  let view = data;
  const after = (r: number | SysError): void => {
    if (isSysError(r)) return done(r);
    if (r >= view.length) return done(null);
    view = view.subarray(r);
    pump();
  };
  const pump = (): void => {
    for (;;) {
      const r = api.send(fd, view, after);
      if (isPending(r)) return;
      if (isSysError(r)) return done(r);
      if (r >= view.length) return done(null);
      view = view.subarray(r);
    }
  };
  pump();
}

/**
 * Fills `buf` exactly from the stream without checking it (an application
 * header whose meaning the caller checks); `done(eof, err)`.
 */
export function recvAll(api: SocketApi, fd: Fd, buf: Uint8Array, done: (eof: boolean, err: SysError | null) => void): void {
  let got = 0;
  const handle = (r: number | SysError): boolean => {
    if (isSysError(r)) {
      done(false, r);
      return false;
    }
    if (r === 0) {
      done(true, null);
      return false;
    }
    got += r;
    return true;
  };
  const next = (): void => {
    for (;;) {
      if (got >= buf.length) return done(false, null);
      const r = api.recv(fd, buf.subarray(got), after);
      if (isPending(r)) return;
      if (!handle(r)) return;
    }
  };
  const after = (r: number | SysError): void => {
    if (handle(r)) next();
  };
  next();
}

export { PayloadChecker };
export type { Fd, SocketApi, SysError };
