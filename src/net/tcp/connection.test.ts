import { describe, expect, it } from 'vitest';
import type { Nanos } from '../../sim/units';
import { TcpConnection } from './connection';
import { DEFAULT_TCP_CONFIG } from './config';
import { recvSeg, sendSeg } from './testing/helpers';
import { LOCAL, LOCAL_ISS, REMOTE, finSeg, pattern, seg } from './testing/segments';
import { establishedSocket, newSocket } from './testing/sockets';

const t0 = 0 as Nanos;

describe('TcpConnection application interface', () => {
  it('defaults follow tcp-api.md', () => {
    expect(DEFAULT_TCP_CONFIG).toMatchObject({
      mss: 1460, sndBuf: 131072, rcvBuf: 131072, windowScale: true, sack: true, timestamps: true, nodelay: false,
      delayedAck: true, congestion: 'newreno', initialCwndSegments: 10,
    });
    const c = new TcpConnection({ local: LOCAL, iss: LOCAL_ISS });
    expect(c.state).toBe('CLOSED');
    expect(c.pollAt()).toBe(Infinity);
    expect(c.cwnd).toBe(10 * 536);
  });

  it('setBuffers works before the handshake only', () => {
    const c = newSocket();
    expect(c.setBuffers(1000, 2000)).toBe(true);
    c.connect(REMOTE, t0);
    expect(recvSeg(c).window).toBe(2000);
    expect(c.setBuffers(5000, 5000)).toBe(false);
  });

  it('setCongestionControl switches the algorithm', () => {
    const c = newSocket();
    c.setCongestionControl('cubic');
    expect(c.tcb.cc.name).toBe('cubic');
  });

  it('readability, writability and EOF follow the connection', () => {
    const s = establishedSocket();
    expect(s.isWritable).toBe(true);
    expect(s.isReadable).toBe(false);
    expect(s.sendSpace).toBe(131072);
    sendSeg(s, finSeg({ payload: pattern(3) }));
    expect(s.isReadable).toBe(true);
    expect(s.isEof).toBe(false);
    expect(s.recv(new Uint8Array(10), t0)).toBe(3);
    expect(s.isEof).toBe(true);
    expect(s.recv(new Uint8Array(10), t0)).toBe(-1);
    expect(s.isWritable).toBe(true);
    s.shutdownWrite(t0);
    expect(s.isWritable).toBe(false);
    expect(s.state).toBe('LAST-ACK');
  });

  it('pollAt reports the latest now when work is due and the timer otherwise', () => {
    const s = establishedSocket();
    s.send(pattern(10), 5 as Nanos);
    expect(s.pollAt()).toBe(5);
    recvSeg(s, 5);
    expect(s.pollAt()).toBe(5 + s.rto);
    sendSeg(s, seg({ ack: s.tcb.sndMax }), 6);
    expect(s.pollAt()).toBe(Infinity);
    expect(s.allAcked).toBe(true);
  });
});
