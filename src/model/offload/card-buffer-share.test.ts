// The card's part of each socket buffer (OffloadOptions.cardBufferSharePercent,
// the scenario's inic.cardBufferSharePercent) reaches the OSM's memory
// management: the card's socket is told that part of SO_SNDBUF and SO_RCVBUF and
// the OSM keeps the rest as its pool share, while getsockopt on the OSM still
// answers the whole the application set. Bytes arrive intact whatever the split.
import { describe, expect, it } from 'vitest';
import type { Fd } from '../../net/stack';
import { CARD_BUFFER_SHARE } from './config';
import type { OsmUserInterface } from './osm/user-interface';
import { startBulk } from './testing/bulk';
import { offloadWorld } from './testing/world';

const MS = 1e6;

/** One stream socket on an idle offload server with SO_SNDBUF 64 KiB and SO_RCVBUF 128 KiB. */
function tunedSocket(cardBufferSharePercent?: number) {
  const w = offloadWorld({ server: cardBufferSharePercent === undefined ? {} : { cardBufferSharePercent } });
  const osm = w.server.api as OsmUserInterface;
  const fd = osm.socket('stream') as Fd;
  w.run(1 * MS);
  expect(osm.setsockopt(fd, 'SO_SNDBUF', 65536)).toBe(0);
  expect(osm.setsockopt(fd, 'SO_RCVBUF', 131072)).toBe(0);
  w.run(1 * MS);
  // The card's socket: the ISM stack's only one, its lowest descriptor.
  expect(w.server.ism.openFds).toBe(1);
  const card = 3;
  const rec = [...osm.byHandle.values()][0]!;
  return { w, osm, fd, card, rec };
}

describe('the card\'s share of each socket buffer', () => {
  it('gives the card\'s socket 3/4 of SO_SNDBUF and SO_RCVBUF at 75 %, while the OSM still answers the whole', () => {
    const { w, osm, fd, card, rec } = tunedSocket(75);
    expect(w.server.config.cardBufferSharePercent).toBe(75);
    expect(w.server.ism.getsockopt(card, 'SO_SNDBUF')).toBe(49152);
    expect(w.server.ism.getsockopt(card, 'SO_RCVBUF')).toBe(98304);
    expect(osm.getsockopt(fd, 'SO_SNDBUF')).toBe(65536);
    expect(osm.getsockopt(fd, 'SO_RCVBUF')).toBe(131072);
    // The OSM's pool share is the remaining quarter, in 4 KiB buffers: 16 KiB and 32 KiB.
    expect([rec.txShare, rec.rxShare]).toEqual([4, 8]);
  });

  it('splits evenly by default, as the model always did', () => {
    const { w, osm, fd, card, rec } = tunedSocket();
    expect(w.server.config.cardBufferSharePercent).toBe(CARD_BUFFER_SHARE.value);
    expect(w.server.ism.getsockopt(card, 'SO_SNDBUF')).toBe(32768);
    expect(w.server.ism.getsockopt(card, 'SO_RCVBUF')).toBe(65536);
    expect(osm.getsockopt(fd, 'SO_SNDBUF')).toBe(65536);
    expect([rec.txShare, rec.rxShare]).toEqual([8, 16]);
  });

  it('rounds the card\'s part up and leaves the OSM at least one buffer', () => {
    const { w, osm, fd, card, rec } = tunedSocket(10);
    expect(w.server.ism.getsockopt(card, 'SO_SNDBUF')).toBe(6554);
    expect(osm.getsockopt(fd, 'SO_SNDBUF')).toBe(65536);
    expect(rec.txShare).toBe(14);
    const high = tunedSocket(90);
    expect(high.w.server.ism.getsockopt(high.card, 'SO_SNDBUF')).toBe(58983);
    expect(high.rec.txShare).toBe(1);
  });

  for (const dir of ['server-sends', 'server-receives'] as const) {
    it(`delivers every byte intact at 75 % when the ${dir === 'server-sends' ? 'server sends' : 'server receives'}, the card's connection holding 3/4 of each buffer`, () => {
      const w = offloadWorld({ server: { cardBufferSharePercent: 75 } });
      const total = 1_000_000;
      const run = startBulk(w, dir, total, 65536);
      w.run(100 * MS);
      // The listener and the connection it accepted (which inherits its 128 KiB buffers): the card holds 3/4 of each.
      const conns = w.server.ism.connections();
      expect(conns.map((c) => c.tcb.state === 'LISTEN').sort()).toEqual([false, true]);
      for (const c of conns) expect([c.tcb.cfg.sndBuf, c.tcb.cfg.rcvBuf]).toEqual([98304, 98304]);
      expect(run.sendError).toBeNull();
      expect(run.sendDone).toBe(true);
      expect(run.recvDone).toBe(true);
      expect(run.received()).toBe(total);
      expect(run.checker!.ok).toBe(true);
    });
  }
});
