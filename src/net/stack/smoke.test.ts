import { describe, expect, it } from 'vitest';
import { millis } from '../../sim';
import { fillPayload, verifyPayload } from '../payload';
import { isSysError, PENDING } from './errno';
import { ADDR_B, twoHosts } from './testing/world';

describe('two stacks', () => {
  it('connect, send and receive 100 KB', () => {
    const w = twoHosts();
    const lfd = w.b.socket('stream') as number;
    expect(w.b.bind(lfd, { addr: 0, port: 80 })).toBe(0);
    expect(w.b.listen(lfd, 16)).toBe(0);
    const cfd = w.a.socket('stream') as number;
    let connected: unknown = null;
    expect(w.a.connect(cfd, { addr: ADDR_B, port: 80 }, (r) => (connected = r))).toBe(PENDING);
    let acc: unknown = null;
    w.b.accept(lfd, (r) => (acc = r));
    w.runFor(millis(10));
    expect(connected).toBe(0);
    expect(acc).toMatchObject({ remote: { port: expect.any(Number) } });
    const sfd = (acc as { fd: number }).fd;
    const data = new Uint8Array(100_000);
    fillPayload(1, 0, data);
    let sent: unknown = null;
    const r = w.a.send(cfd, data, (x) => (sent = x));
    if (r !== PENDING) sent = r;
    const got: number[] = [];
    const buf = new Uint8Array(65536);
    let total = 0;
    const reader = (x: unknown): void => {
      if (typeof x === 'number' && x > 0) {
        expect(verifyPayload(1, total, buf.subarray(0, x))).toBe(-1);
        total += x;
        got.push(x);
        const r2 = w.b.recv(sfd, buf, reader);
        if (r2 !== PENDING) reader(r2);
      }
    };
    const r0 = w.b.recv(sfd, buf, reader);
    if (r0 !== PENDING) reader(r0);
    w.runFor(millis(100));
    expect(isSysError(sent)).toBe(false);
    expect(sent).toBe(100_000);
    expect(total).toBe(100_000);
  });
});
