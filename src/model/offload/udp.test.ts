// UDP on the offload path: datagrams leave through the OSM's transmit pool as
// SENDTO requests (the socket class's datagram send, with the destination),
// the card DMAs them and the ISM sends them; every byte arrives intact.
import { describe, expect, it } from 'vitest';
import { decodeSocketFrame, isI2oError } from '../../i2o';
import { isSysError, type Received } from '../../net/stack';
import { fillPayload, verifyPayload } from '../../net/payload';
import { offloadWorld, PEER_ADDR } from './testing/world';

describe('UDP on offload', () => {
  it('sends each datagram through the transmit pool as one SENDTO and the peer receives them intact', () => {
    const w = offloadWorld({ server: { txPool: { buffers: 8 } } });
    const ops: string[] = [];
    w.server.setI2oTap((_dir, _t, bytes) => {
      const d = decodeSocketFrame(bytes);
      if (!isI2oError(d)) ops.push(d.socket.op === 'COMPLETE' ? `COMPLETE(${d.socket.request})` : d.socket.op);
    });
    const rx = w.peer.socket('dgram') as number;
    expect(w.peer.bind(rx, { addr: 0, port: 9000 })).toBe(0);
    const tx = w.server.api.socket('dgram') as number;
    const N = 200;
    const SIZE = 1472;
    let sent = 0;
    let blocked = 0;
    const sendNext = (): void => {
      while (sent < N) {
        const buf = new Uint8Array(SIZE);
        fillPayload(1, sent * SIZE, buf);
        const r = w.server.api.sendto(tx, buf, { addr: PEER_ADDR, port: 9000 }, (n) => {
          expect(n).toBe(SIZE);
          sent += 1;
          sendNext();
        });
        if (typeof r !== 'number') {
          blocked += 1;
          return;
        }
        expect(r).toBe(SIZE);
        sent += 1;
      }
    };
    sendNext();
    let received = 0;
    let bad = 0;
    const into = new Uint8Array(65536);
    const recvNext = (): void => {
      for (;;) {
        const r = w.peer.recvfrom(rx, into, (x) => {
          take(x);
          recvNext();
        });
        if (isSysError(r) || !('bytes' in r)) return;
        take(r);
      }
    };
    const take = (x: Received | { errno: string }): void => {
      if (!('bytes' in x)) return;
      const off = received * SIZE;
      if (x.bytes !== SIZE || verifyPayload(1, off, into.subarray(0, x.bytes)) !== -1) bad += 1;
      received += 1;
    };
    recvNext();
    w.run(50e6);
    const sendtos = ops.filter((o) => o === 'SENDTO').length;
    const done = ops.filter((o) => o === 'COMPLETE(SENDTO)').length;
    const c = w.server.counters();
    console.log(`UDP offload: ${sent}/${N} datagrams sent (${blocked} sends waited for the pool), ${received} received, ${bad} bad; ` +
      `SENDTO ${sendtos}, COMPLETE(SENDTO) ${done}, i2oMessages ${c.i2oMessages}, copies ${c.copies}, DMA ${c.dmaTransfers}`);
    expect(sent).toBe(N);
    expect(sendtos).toBe(N);
    expect(done).toBe(N);
    expect(received).toBe(N);
    expect(bad).toBe(0);
    expect(blocked).toBeGreaterThan(0);
    expect(c.copies).toBeGreaterThanOrEqual(N);
  });

  it('a datagram with no destination fails as on native (EDESTADDRREQ) and an oversized one with EMSGSIZE', () => {
    const w = offloadWorld();
    const fd = w.server.api.socket('dgram') as number;
    const none = w.server.api.send(fd, new Uint8Array(10));
    const big = w.server.api.sendto(fd, new Uint8Array(70_000), { addr: PEER_ADDR, port: 9 });
    expect(isSysError(none) && none.errno).toBe('EDESTADDRREQ');
    expect(isSysError(big) && big.errno).toBe('EMSGSIZE');
  });
});
