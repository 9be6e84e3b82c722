// Test and bench support: one bulk TCP flow between two stacks over a perfect
// 10 Gb/s link (static ARP, 1 MB buffers, both ends non-blocking), and a pump
// that moves a number of bytes through it by alternating sends, slices of
// simulated time and receives. The memory test of the per-segment hot path and
// the stack benchmark measure the same flow.
import { gbps, micros } from '../../../sim';
import { fillPayload } from '../../payload';
import type { Fd } from '../api';
import { isPending, isSysError } from '../errno';
import { ADDR_B, twoHosts, type TwoHostWorld } from './world';

export interface BulkFlow {
  readonly w: TwoHostWorld;
  /** The client's socket (the sender) and the accepted server socket (the receiver). */
  readonly c: Fd;
  readonly s: Fd;
  /** Moves `bytes` from c to s; returns the data segments the sender sent meanwhile. */
  send(bytes: number): number;
}

export function openBulkFlow(): BulkFlow {
  const w = twoHosts({ seed: 1, rate: gbps(10), delay: micros(20), staticArp: true, tcp: { sndBuf: 1 << 20, rcvBuf: 1 << 20 } });
  const l = w.b.socket('stream') as Fd;
  w.b.bind(l, { addr: 0, port: 5001 });
  w.b.listen(l, 4);
  const c = w.a.socket('stream') as Fd;
  w.a.connect(c, { addr: ADDR_B, port: 5001 });
  w.runFor(micros(1000));
  const a = w.b.accept(l);
  if (isSysError(a) || isPending(a)) throw new Error('bulk flow: no connection');
  const s = a.fd;
  const chunk = new Uint8Array(256 * 1024);
  fillPayload(1, 0, chunk);
  const sink = new Uint8Array(256 * 1024);
  w.a.setsockopt(c, 'O_NONBLOCK', true);
  w.b.setsockopt(s, 'O_NONBLOCK', true);
  const send = (bytes: number): number => {
    const conn = w.a.connectionOf(c)!;
    const before = conn.counters.segmentsSent;
    let sent = 0;
    let got = 0;
    while (got < bytes) {
      while (sent < bytes) {
        const r = w.a.send(c, bytes - sent >= chunk.length ? chunk : chunk.subarray(0, bytes - sent));
        if (typeof r !== 'number') break;
        sent += r;
      }
      w.runFor(micros(200));
      for (;;) {
        const r = w.b.recv(s, sink);
        if (typeof r !== 'number' || r === 0) break;
        got += r;
      }
    }
    return conn.counters.segmentsSent - before;
  };
  return { w, c, s, send };
}
