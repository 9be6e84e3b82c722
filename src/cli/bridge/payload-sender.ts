// The lab's client that connects to a listener (the kernel's `nc -l`) and sends
// `size` bytes of deterministic payload (connection PAYLOAD_CONN_SEND), written
// against the BSD socket API in continuation style.
//
// Sequence: connect, send everything, shutdown(SHUT_WR) so our FIN follows the
// data, read until the peer closes (nc exits on end of stream, so its FIN means
// it has read every byte), close. `done` gets the outcome once.
import type { SockAddr, SocketApi, SysError } from '../../net/stack';
import { isPending, isSysError } from '../../net/stack';
import { fillPayload } from '../../net/payload';
import { drainToEof, writeAll } from './stream-writer';

export const PAYLOAD_CONN_SEND = 2;

export interface SendReport {
  readonly sent: number;
  /** The step that failed and its errno, or null when the peer closed after everything. */
  readonly error: string | null;
}

export function sendPayloadTo(
  api: SocketApi, to: SockAddr, size: number, done: (r: SendReport) => void, chunk = 65536,
): void {
  const fd = api.socket('stream');
  if (isSysError(fd)) return done({ sent: 0, error: `socket: ${fd.errno}` });
  const fail = (step: string, e: SysError, sent: number): void => {
    api.close(fd);
    done({ sent, error: `${step}: ${e.errno}` });
  };
  const afterConnect = (r: 0 | SysError): void => {
    if (isSysError(r)) return fail('connect', r, 0);
    const src = { length: size, fill: (o: number, into: Uint8Array) => fillPayload(PAYLOAD_CONN_SEND, o, into) };
    writeAll(api, fd, src, chunk, (err, sent) => {
      if (err) return fail('send', err, sent);
      const s = api.shutdown(fd, 'wr');
      if (isSysError(s)) return fail('shutdown', s, sent);
      drainToEof(api, fd, (e) => {
        if (e) return fail('recv', e, sent);
        api.close(fd);
        done({ sent, error: null });
      });
    });
  };
  const c = api.connect(fd, to, afterConnect);
  if (!isPending(c)) afterConnect(c);
}
