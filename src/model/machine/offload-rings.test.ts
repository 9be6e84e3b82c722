// The card MAC's ring sizes reach the HDM from the machine's options, and a
// small transmit ring applies backpressure more often than the default one
// while the flow still arrives complete, intact and in order. The machine's
// counters report the ring (stops, wakes, peak, free) and the ISM's transmit
// queue (peak, stopped waits).
import { describe, expect, it } from 'vitest';
import { bps, micros } from '../../sim';
import { readTcp, type TcpFrameInfo } from '../../net/link';
import { Hdm } from '../offload';
import { HDM_RINGS } from '../offload/config';
import { startBulk } from '../offload/testing/bulk';
import { offloadWorld, type OffloadWorldOptions } from '../offload/testing/world';

const MS = 1e6;
const TOTAL = 400_000;

/** A 100 Mb/s bulk send from the offload server; returns its counters, its checker and the wire's order. */
function slowBulk(server: OffloadWorldOptions['server']) {
  const w = offloadWorld({ rate: bps(100e6), delay: micros(50), tcp: { sndBuf: 256 << 10, rcvBuf: 256 << 10 }, server });
  let highest = -1;
  let outOfOrder = 0;
  const seg: TcpFrameInfo = { srcPort: 0, dstPort: 0, seq: 0, ack: 0, flags: 0, payloadLength: 0 };
  w.link.aToB.tap = {
    onFrame(_t, f) {
      if (!readTcp(f, seg) || seg.payloadLength === 0) return;
      const end = (seg.seq + seg.payloadLength) >>> 0;
      if (highest < 0 || ((end - highest) | 0) > 0) highest = end;
      else outOfOrder += 1;
    },
  };
  const run = startBulk(w, 'server-sends', TOTAL, 65536);
  w.run(200 * MS);
  const port = w.server.port;
  if (!(port instanceof Hdm)) throw new Error('the offload server port is not its HDM');
  return { c: w.server.counters(), run, outOfOrder, hdm: port, cfg: w.server.config };
}

describe('the offload machine with a configurable HDM ring', () => {
  it('builds the HDM with the rings its options give, and the e1000 defaults otherwise', () => {
    const small = offloadWorld({ server: { txDescriptors: 16, rxDescriptors: 48 } });
    const hdm = small.server.port as Hdm;
    expect([hdm.tx.size, hdm.rxDescriptors]).toEqual([16, 48]);
    expect([small.server.config.txDescriptors, small.server.config.rxDescriptors]).toEqual([16, 48]);
    const dflt = offloadWorld().server;
    expect([(dflt.port as Hdm).tx.size, (dflt.port as Hdm).rxDescriptors]).toEqual([256, 256]);
    expect(dflt.config.txDescriptors).toBe(HDM_RINGS.txDescriptors.value);
    // Idle: every descriptor free, and the counters say so.
    expect([dflt.counters().hdmTxDescriptors, dflt.counters().hdmTxFree]).toEqual([256, 256]);
  });

  it('stops and wakes a 16-descriptor ring more often than the default one and still delivers every byte intact and in order', () => {
    const dflt = slowBulk({});
    const small = slowBulk({ txDescriptors: 16 });
    const line = (n: string, r: typeof dflt) => `${n}: stops ${r.c.hdmTxStops}, wakes ${r.c.hdmTxWakes}, peak ${r.c.hdmTxPeakInUse}/${r.c.hdmTxDescriptors}, ` +
      `ISM queue peak ${r.c.xmitPeakQueued}, stopped waits ${r.c.xmitStoppedWaits}, received ${r.run.received()}`;
    console.log(line('256', dflt));
    console.log(line('16', small));
    for (const r of [dflt, small]) {
      expect(r.run.received()).toBe(TOTAL);
      expect(r.run.checker!.ok).toBe(true);
      expect(r.outOfOrder).toBe(0);
      expect(r.c.hdmTxWakes).toBe(r.c.hdmTxStops);
      // Idle again at the end: every descriptor came back.
      expect(r.c.hdmTxFree).toBe(r.c.hdmTxDescriptors);
      expect(r.hdm.tx.counters.overruns).toBe(0);
    }
    expect(small.c.hdmTxDescriptors).toBe(16);
    expect(small.c.hdmTxPeakInUse).toBe(16);
    expect(small.c.hdmTxStops).toBeGreaterThan(dflt.c.hdmTxStops);
    expect(small.c.hdmTxStops).toBeGreaterThan(0);
    // The frames that did not fit waited in the ISM's ordered queue.
    expect(small.c.xmitStoppedWaits).toBeGreaterThan(dflt.c.xmitStoppedWaits);
    expect(small.c.xmitPeakQueued).toBeGreaterThan(0);
    expect(dflt.c.hdmTxPeakInUse).toBeLessThanOrEqual(256);
  });
});
