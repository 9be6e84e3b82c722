// An HTTP/1.0 server on the lab's stack that answers every GET with `size`
// bytes of deterministic payload (src/net/payload.ts, connection PAYLOAD_CONN_HTTP),
// written against the BSD socket API (SocketApi) in continuation style.
//
// Per connection: read the request head (http10.ts), send the response head and
// the body, shutdown(SHUT_WR) (HTTP/1.0: our FIN ends the body), read until the
// client closes, close. Only then is the response reported through
// `onResponse`: the client's FIN after ours means it has every byte, whereas
// "all handed to send()" only means the bytes sit in our send buffer. Errors are values: a failed
// connection is closed and counted, the server keeps accepting.
import type { Fd, SocketApi, SysError } from '../../net/stack';
import { isPending, isSysError } from '../../net/stack';
import { fillPayload } from '../../net/payload';
import { MAX_HEAD_BYTES, parseRequestHead, respondTo, responseHead } from './http10';
import { concatSource, drainToEof, writeAll } from './stream-writer';

/** The payload connection id whose bytes the server serves. */
export const PAYLOAD_CONN_HTTP = 1;

export interface ResponseReport {
  readonly status: number;
  /** Body bytes the server handed to the socket. */
  readonly bodyBytes: number;
  readonly error: SysError['errno'] | null;
}

export interface HttpServerOptions {
  readonly port: number;
  readonly size: number;
  readonly backlog?: number;
  readonly chunk?: number;
  /** Called when a request head has been read, before the response is sent. */
  readonly onRequest?: (method: string, target: string) => void;
  readonly onResponse?: (r: ResponseReport) => void;
}

export class HttpPayloadServer {
  responses = 0;
  failures = 0;
  private listenFd: Fd = -1;

  constructor(
    private readonly api: SocketApi,
    private readonly opts: HttpServerOptions,
  ) {}

  /** socket, bind (any address), listen, and accept for ever. */
  start(): 0 | SysError {
    const fd = this.api.socket('stream');
    if (isSysError(fd)) return fd;
    this.api.setsockopt(fd, 'SO_REUSEADDR', true);
    const b = this.api.bind(fd, { addr: 0, port: this.opts.port });
    if (isSysError(b)) return b;
    const l = this.api.listen(fd, this.opts.backlog ?? 16);
    if (isSysError(l)) return l;
    this.listenFd = fd;
    this.acceptLoop();
    return 0;
  }

  private acceptLoop(): void {
    for (;;) {
      const r = this.api.accept(this.listenFd, (a) => {
        if (!isSysError(a)) this.serve(a.fd);
        this.acceptLoop();
      });
      if (isPending(r)) return;
      if (isSysError(r)) return; // the listener was closed
      this.serve(r.fd);
    }
  }

  private serve(fd: Fd): void {
    const head = new Uint8Array(MAX_HEAD_BYTES);
    let len = 0;
    const finish = (status: number, bodyBytes: number, err: SysError | null): void => {
      this.api.close(fd);
      if (err) this.failures += 1;
      else this.responses += 1;
      this.opts.onResponse?.({ status, bodyBytes, error: err?.errno ?? null });
    };
    const onHead = (r: number | SysError): boolean => {
      if (isSysError(r)) {
        finish(0, 0, r);
        return false;
      }
      if (r === 0) {
        finish(0, 0, null); // closed before a request: nothing to answer
        return false;
      }
      len += r;
      const p = parseRequestHead(head, len);
      if (p.kind === 'incomplete') return true;
      if (p.kind === 'request') this.opts.onRequest?.(p.method, p.target);
      const { status, bodyBytes } = p.kind === 'bad' ? { status: 400 as const, bodyBytes: 0 } : respondTo(p, this.opts.size);
      const src = concatSource(responseHead(status, status === 200 ? this.opts.size : 0), bodyBytes, (o, into) =>
        fillPayload(PAYLOAD_CONN_HTTP, o, into),
      );
      writeAll(this.api, fd, src, this.opts.chunk ?? 65536, (err, sent) => {
        const body = Math.max(0, sent - (src.length - bodyBytes));
        if (err) return finish(status, body, err);
        const s = this.api.shutdown(fd, 'wr');
        if (isSysError(s)) return finish(status, body, s);
        drainToEof(this.api, fd, (e) => finish(status, body, e));
      });
      return false;
    };
    const read = (): void => {
      for (;;) {
        const r = this.api.recv(fd, head.subarray(len), (x) => {
          if (onHead(x)) read();
        });
        if (isPending(r)) return;
        if (!onHead(r)) return;
      }
    };
    read();
  }
}
