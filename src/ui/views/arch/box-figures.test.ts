// The HDM box's gauge is the card MAC's transmit descriptors free, of the ring's
// size, read from the machine's counters as the worker forwards them; a box
// without a model gauge of its own keeps the IOP run queue, and a configuration
// without an HDM ring shows none.
import { describe, expect, it } from 'vitest';
import { bps, micros } from '../../../sim';
import { emptyCounters } from '../../../model/machine';
import { startBulk } from '../../../model/offload/testing/bulk';
import { offloadWorld } from '../../../model/offload/testing/world';
import type { WorldFigures } from '../../../worker';
import { ViewFeed } from '../feed/view-feed';
import { boxFigures } from './box-figures';

function feedWith(configuration: string, counters: Record<string, number>): ViewFeed {
  const feed = new ViewFeed();
  const figures: WorldFigures = {
    nowNanos: 0, eventsProcessed: 0, pending: 0, nextEventNanos: null,
    processors: [{ name: `${configuration}:iop`, clockHz: 600e6, busyNanos: 0, totalCycles: 0, queueDepth: 3, cyclesByCategory: [] }],
    worlds: [{ configuration, position: 0, traceHash: '0', traceWritten: 0, framesCaptured: 0, counters }],
  } as unknown as WorldFigures;
  feed.figures = figures;
  return feed;
}

describe('boxFigures for the HDM', () => {
  it('shows all descriptors free on an idle card, from the machine that was built', () => {
    const m = offloadWorld({ server: { txDescriptors: 64 } }).server;
    const g = boxFigures(feedWith('offload', { ...m.counters() }), 'offload', 'hdm').gauge;
    expect(g).toEqual({ label: 'tx descriptors free', value: 64, of: 64 });
  });

  it('follows the ring as a slow wire holds its frames', () => {
    const w = offloadWorld({ rate: bps(100e6), delay: micros(50), tcp: { sndBuf: 256 << 10, rcvBuf: 256 << 10 }, server: { txDescriptors: 16 } });
    startBulk(w, 'server-sends', 400_000, 65536);
    let lowest = 16;
    for (let t = 0; t < 40; t++) {
      w.run(250_000);
      const g = boxFigures(feedWith('offload', { ...w.server.counters() }), 'offload', 'hdm').gauge;
      expect(g?.of).toBe(16);
      lowest = Math.min(lowest, g?.value ?? 16);
    }
    // The ring filled at some sample: none free.
    expect(lowest).toBe(0);
  });

  it('keeps the IOP run queue for the ISM box and shows no ring where the machine has none', () => {
    const ism = boxFigures(feedWith('offload', { ...emptyCounters(), hdmTxDescriptors: 256, hdmTxFree: 200 }), 'offload', 'ism').gauge;
    expect(ism).toEqual({ label: 'IOP run queue', value: 3 });
    const none = boxFigures(feedWith('offload', { ...emptyCounters() }), 'offload', 'hdm').gauge;
    expect(none).toEqual({ label: 'IOP run queue', value: 3 });
  });
});
