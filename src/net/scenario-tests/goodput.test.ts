// Issue 3: a clean 1 Gb/s link with 100 µs one-way delay and adequate buffers
// reaches at least 95% of the goodput ceiling for one bulk flow.
//
// The ceiling: each full segment carries MSS - 12 bytes of data (1448: the
// timestamp option takes 12 of the 40-byte TCP header's option space when
// negotiated) and occupies on the wire 14 (Ethernet header) + 20 (IPv4) + 20
// (TCP) + 12 (timestamps) + 1448 + 4 (FCS) + 8 (preamble, SFD) + 12 (gap) =
// 1538 byte times. ACKs travel the other way and cost the data nothing.
import { describe, expect, it } from 'vitest';
import { gbps, micros } from '../../sim';
import { ETH_HEADER_LEN, ETH_WIRE_OVERHEAD } from '../link';
import { twoHosts } from '../stack/testing/world';
import { runBulk } from './harness';

const RATE = 1e9;
const MSS = 1460;
const TS_OPTION = 12;

/** Goodput ceiling in bits per second for full segments at `rate` bits per second. */
function goodputCeiling(rate: number, mss: number, tsOption: number): number {
  const payload = mss - tsOption;
  const onWire = ETH_HEADER_LEN + 20 + 20 + tsOption + payload + ETH_WIRE_OVERHEAD;
  return (rate * payload) / onWire;
}

describe('goodput on a clean link', () => {
  it('one bulk flow on 1 Gb/s with 100 µs delay reaches 95% of the goodput ceiling', () => {
    const bytes = 10_000_000;
    const w = twoHosts({
      seed: 7, rate: gbps(1), delay: micros(100), tcp: { sndBuf: 1 << 20, rcvBuf: 1 << 20 },
    });
    const r = runBulk(w, bytes, { chunk: 256 * 1024 });
    expect(r.errors).toEqual([]);
    expect(r.received).toBe(bytes);
    expect(r.firstMismatch).toBe(-1);
    const seconds = (r.finishedAt - r.connectedAt) / 1e9;
    const goodput = (bytes * 8) / seconds;
    const ceiling = goodputCeiling(RATE, MSS, TS_OPTION);
    console.log(
      `goodput ${(goodput / 1e6).toFixed(1)} Mb/s of a ${(ceiling / 1e6).toFixed(1)} Mb/s ceiling ` +
        `(${((100 * goodput) / ceiling).toFixed(2)}%) over ${bytes / 1e6} MB in ${(seconds * 1e3).toFixed(2)} ms`,
    );
    expect(goodput / ceiling).toBeGreaterThanOrEqual(0.95);
    expect(goodput / ceiling).toBeLessThanOrEqual(1.0);
  });
});
