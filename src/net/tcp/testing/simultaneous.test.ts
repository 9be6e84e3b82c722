import { describe, expect, it } from 'vitest';
import type { Nanos } from '../../../sim/units';
import { seq } from '../../wire/seq';
import { TcpConnection } from '../connection';
import type { TcpState } from '../state';
import { Loopback } from './loopback';
import { pattern } from './segments';

function pair() {
  const a = new TcpConnection({ local: { addr: 1, port: 5001 }, iss: seq(0xffff_fff0) });
  const b = new TcpConnection({ local: { addr: 2, port: 5002 }, iss: seq(77_000) });
  const states: [TcpState[], TcpState[]] = [[], []];
  a.onTrace = (e) => { if (e.kind === 'state') states[0].push(e.to); };
  b.onTrace = (e) => { if (e.kind === 'state') states[1].push(e.to); };
  return { a, b, states };
}

describe('simultaneous open and close over a loopback (RFC 9293 3.5, 3.6)', () => {
  it('two connect() calls that cross each other both reach ESTABLISHED through SYN-RECEIVED', () => {
    const { a, b, states } = pair();
    a.connect({ addr: 2, port: 5002 }, 0 as Nanos);
    b.connect({ addr: 1, port: 5001 }, 0 as Nanos);
    const lb = new Loopback(a, b, { delay: 1_000_000 });
    lb.run(10_000_000);
    expect(a.state).toBe('ESTABLISHED');
    expect(b.state).toBe('ESTABLISHED');
    expect(states[0]).toEqual(['SYN-SENT', 'SYN-RECEIVED', 'ESTABLISHED']);
    expect(states[1]).toEqual(['SYN-SENT', 'SYN-RECEIVED', 'ESTABLISHED']);
    // Data flows both ways afterwards.
    a.send(pattern(5000), lb.now as Nanos);
    b.send(pattern(3000), lb.now as Nanos);
    lb.run(lb.now + 50_000_000);
    expect(b.recvAvailable).toBe(5000);
    expect(a.recvAvailable).toBe(3000);
  });

  it('two close() calls that cross each other both pass CLOSING into TIME-WAIT', () => {
    const { a, b, states } = pair();
    a.connect({ addr: 2, port: 5002 }, 0 as Nanos);
    const l = new TcpConnection({ local: { addr: 2, port: 5002 }, iss: seq(1) });
    l.listen();
    const lb = new Loopback(a, l, { delay: 1_000_000 });
    lb.run(10_000_000);
    const server = lb.ends[1];
    expect(server.state).toBe('ESTABLISHED');
    server.onTrace = b.onTrace;
    a.close(lb.now as Nanos);
    server.close(lb.now as Nanos);
    lb.run(lb.now + 10_000_000);
    expect(a.state).toBe('TIME-WAIT');
    expect(server.state).toBe('TIME-WAIT');
    expect(states[0].slice(-3)).toEqual(['FIN-WAIT-1', 'CLOSING', 'TIME-WAIT']);
    expect(states[1]).toEqual(['FIN-WAIT-1', 'CLOSING', 'TIME-WAIT']);
  });

  it('a stalled reader closes the window; persist probes back off until it reads, then all data arrives', () => {
    const cfg = { rcvBuf: 8192 };
    const a = new TcpConnection({ config: cfg, local: { addr: 1, port: 5001 }, iss: seq(1) });
    const l = new TcpConnection({ config: cfg, local: { addr: 2, port: 80 }, iss: seq(2) });
    l.listen();
    a.connect({ addr: 2, port: 80 }, 0 as Nanos);
    const probeTimes: number[] = [];
    const lb = new Loopback(a, l, {
      delay: 100_000,
      drop: (seg, from) => {
        if (from === 0 && seg.payload.length === 1) probeTimes.push(lb.now);
        return false;
      },
    });
    const data = pattern(50_000);
    let sent = 0;
    const received = new Uint8Array(data.length);
    let got = 0;
    const buf = new Uint8Array(4096);
    lb.run(20e9, (now) => {
      if (a.state === 'ESTABLISHED' && sent < data.length) sent += a.send(data.subarray(sent), now as Nanos);
      // The reader is stalled for the first 5 s.
      if (now < 5e9 || lb.ends[1] === l) return;
      for (let n = lb.ends[1].recv(buf, now as Nanos); n > 0; n = lb.ends[1].recv(buf, now as Nanos)) {
        received.set(buf.subarray(0, n), got);
        got += n;
      }
    });
    expect(got).toBe(data.length);
    expect(received).toEqual(data);
    // Probes at RTO, then 2x, 4x, 8x the RTO (200 ms floor): 0.2, 0.6, 1.4, 3.0 s after the window closed.
    expect(probeTimes.length).toBeGreaterThanOrEqual(4);
    const gaps = probeTimes.slice(1, 4).map((t, i) => t - probeTimes[i]!);
    expect(gaps[1]! / gaps[0]!).toBeCloseTo(2, 1);
    expect(gaps[2]! / gaps[1]!).toBeCloseTo(2, 1);
  });
});
