import { describe, expect, it } from 'vitest';
import { UdpSocketState } from './socket';

describe('UdpSocketState', () => {
  it('queues copies of datagrams in arrival order', () => {
    const s = new UdpSocketState();
    const p = new Uint8Array([1, 2, 3]);
    s.deliver(10, 1000, p);
    p[0] = 9;
    s.deliver(11, 1001, new Uint8Array([4]));
    expect(s.take()).toEqual({ from: 10, fromPort: 1000, data: new Uint8Array([1, 2, 3]) });
    expect(s.take()!.fromPort).toBe(1001);
    expect(s.take()).toBeUndefined();
  });

  it('drops and counts datagrams that do not fit the receive buffer', () => {
    const s = new UdpSocketState();
    s.rcvBuf = 1000;
    expect(s.deliver(1, 1, new Uint8Array(600))).toBe(true);
    expect(s.deliver(1, 1, new Uint8Array(600))).toBe(false);
    expect(s.counters.rcvbufDrops).toBe(1);
    s.take();
    expect(s.deliver(1, 1, new Uint8Array(600))).toBe(true);
  });

  it('accepts one datagram larger than the buffer into an empty queue, as Linux does', () => {
    const s = new UdpSocketState();
    s.rcvBuf = 100;
    expect(s.deliver(1, 1, new Uint8Array(500))).toBe(true);
  });

  it('a connected socket ignores datagrams from anyone but its peer', () => {
    const s = new UdpSocketState();
    s.remoteAddr = 5;
    s.remotePort = 53;
    expect(s.deliver(5, 54, new Uint8Array(1))).toBe(false);
    expect(s.deliver(5, 53, new Uint8Array(1))).toBe(true);
  });
});
