// A bulk transfer between two connections over the Loopback, with the test
// acting as both applications: the client writes `bytes` of pattern() data and
// closes, the server reads everything and closes at end of stream.
import type { Nanos } from '../../../sim/units';
import type { SeqNumber } from '../../wire/seq';
import { seq } from '../../wire/seq';
import type { TcpRepr } from '../../wire/types';
import type { TcpConfig } from '../config';
import { TcpConnection } from '../connection';
import type { TcpTraceEvent } from '../types';
import { Loopback } from './loopback';
import { pattern } from './segments';

export interface TransferOptions {
  bytes: number;
  delay?: number;
  client?: TcpConfig;
  server?: TcpConfig;
  clientIss?: number;
  serverIss?: number;
  drop?: (seg: TcpRepr, from: 0 | 1) => boolean;
  extraDelay?: (seg: TcpRepr, from: 0 | 1) => number;
  until?: number;
  onTrace?: (ev: TcpTraceEvent) => void;
}

export interface TransferResult {
  received: Uint8Array;
  expected: Uint8Array;
  client: TcpConnection;
  server: TcpConnection;
  loopback: Loopback;
  /** Time the server read the last byte, in ns. */
  doneAt: number;
}

export function runTransfer(o: TransferOptions): TransferResult {
  const client = new TcpConnection({ config: o.client, local: { addr: 1, port: 40000 }, iss: seq(o.clientIss ?? 1000) });
  const listener = new TcpConnection({
    config: o.server, local: { addr: 2, port: 80 }, iss: seq(0), nextIss: () => seq(o.serverIss ?? 900_000) as SeqNumber,
  });
  if (o.onTrace) client.onTrace = o.onTrace;
  listener.listen();
  client.connect({ addr: 2, port: 80 }, 0 as Nanos);
  const lb = new Loopback(client, listener, { delay: o.delay ?? 50_000, drop: o.drop, extraDelay: o.extraDelay });
  const expected = pattern(o.bytes);
  const received = new Uint8Array(o.bytes);
  let written = 0;
  let got = 0;
  let closed = false;
  let doneAt = -1;
  const buf = new Uint8Array(64 * 1024);
  lb.run(o.until ?? 600e9, (now) => {
    const [c, s] = lb.ends;
    const t = now as Nanos;
    if (written < o.bytes && (c.state === 'ESTABLISHED')) written += c.send(expected.subarray(written), t);
    if (written === o.bytes && !closed && c.state === 'ESTABLISHED') {
      c.close(t);
      closed = true;
    }
    if (s === listener) return;
    for (;;) {
      const n = s.recv(buf, t);
      if (n > 0) {
        received.set(buf.subarray(0, Math.min(n, o.bytes - got)), got);
        got += n;
        continue;
      }
      if (n < 0 && s.state === 'CLOSE-WAIT') {
        doneAt = now;
        s.close(t);
      }
      break;
    }
  });
  return { received: got === o.bytes ? received : received.subarray(0, got), expected, client: lb.ends[0], server: lb.ends[1], loopback: lb, doneAt };
}
