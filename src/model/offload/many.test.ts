// Many connections share the OSM's pools: eighty clients at once each get
// their bytes through (the receive pool is divided fairly, no connection
// starves) and every connection's close frees what it held.
import { describe, expect, it } from 'vitest';
import { nanos } from '../../sim';
import type { PayloadChecker } from '../../net/payload';
import { isSysError, type Accepted, type Fd } from '../../net/stack';
import { callThen, receivePayload, sendPayload } from '../../net/stack/testing/apps';
import { SERVER_ADDR, offloadWorld } from './testing/world';

describe('many connections through the offload server', () => {
  it('eighty concurrent clients each deliver 20 KB intact and the pools are whole again afterwards', () => {
    const w = offloadWorld();
    const server = w.server.api;
    const n = 80;
    const each = 20_000;
    const l = server.socket('stream') as Fd;
    server.bind(l, { addr: 0, port: 8080 });
    server.listen(l, 128);
    const checkers: PayloadChecker[] = [];
    let ended = 0;
    const acceptNext = (): void => {
      callThen<Accepted>((k) => server.accept(l, k), (a) => {
        if (isSysError(a)) return;
        // The payload is keyed by the client's port, which both ends know.
        checkers.push(receivePayload(server, a.fd, a.remote.port, 0, Infinity, 8192, (_c, eof) => {
          if (eof) ended += 1;
          server.close(a.fd);
        }));
        acceptNext();
      });
    };
    acceptNext();
    // The clients connect one every 20 µs.
    for (let i = 0; i < n; i++) {
      w.sim.call(nanos(w.sim.now + i * 20_000), () => {
        const c = w.peer.socket('stream') as Fd;
        callThen<0>((k) => w.peer.connect(c, { addr: SERVER_ADDR, port: 8080 }, k), (r) => {
          if (isSysError(r)) return;
          const port = (w.peer.getsockname(c) as { port: number }).port;
          sendPayload(w.peer, c, port, 0, each, 4096, () => w.peer.close(c));
        });
      });
    }
    w.run(300e6);
    const okCount = checkers.filter((c) => c.ok && c.offset === each).length;
    console.log(`${n} clients: ${checkers.length} accepted, ${ended} reached end of stream, ${okCount} delivered ${each} B intact; ` +
      `rx pool free ${w.server.pools.rx.available}/${w.server.pools.rx.count}, tx pool free ${w.server.pools.tx.available}/${w.server.pools.tx.count}, ` +
      `card sockets left ${w.server.ism.openFds}`);
    expect(checkers.length).toBe(n);
    expect(ended).toBe(n);
    expect(okCount).toBe(n);
    expect(w.server.pools.rx.available).toBe(w.server.pools.rx.count);
    expect(w.server.pools.tx.available).toBe(w.server.pools.tx.count);
  });
});
