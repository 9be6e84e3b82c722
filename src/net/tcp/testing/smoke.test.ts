import { describe, expect, it } from 'vitest';
import type { Nanos } from '../../../sim/units';
import { seq } from '../../wire/seq';
import { TcpConnection } from '../connection';
import { Loopback } from './loopback';

describe('loopback smoke', () => {
  it('handshake, 100 kB transfer and close complete', () => {
    const a = new TcpConnection({ local: { addr: 1, port: 1000 }, iss: seq(1) });
    const b = new TcpConnection({ local: { addr: 2, port: 80 }, iss: seq(5000) });
    b.listen();
    a.connect({ addr: 2, port: 80 }, 0 as Nanos);
    const lb = new Loopback(a, b, { delay: 100_000 });
    const data = new Uint8Array(100_000).map((_, i) => (i * 7) & 0xff);
    let sent = 0;
    const got: number[] = [];
    const buf = new Uint8Array(65536);
    let closed = false;
    lb.run(5e9, (now) => {
      const [x, y] = lb.ends;
      if (x.state === 'ESTABLISHED' && sent < data.length) sent += x.send(data.subarray(sent), now as Nanos);
      if (sent === data.length && !closed) { x.close(now as Nanos); closed = true; }
      for (;;) {
        const n = y.recv(buf, now as Nanos);
        if (n <= 0) { if (n < 0 && y.state === 'CLOSE-WAIT') y.close(now as Nanos); break; }
        for (let i = 0; i < n; i++) got.push(buf[i]!);
      }
    });
    expect(got.length).toBe(data.length);
    expect(Uint8Array.from(got)).toEqual(data);
    expect(lb.ends[0].state).toBe('TIME-WAIT');
    expect(lb.ends[1].state).toBe('CLOSED');
  });
});
