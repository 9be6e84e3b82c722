// Issue 3: the pcapng of a lossy run passes tshark with checksum validation on
// (no bad checksums, no malformed packets, no expert errors), and tshark's
// reassembled stream equals what was sent. The capture is what tcpdump on host
// b would see: frames b receives (after the wire's faults) and frames b sends.
import { afterAll, describe, expect, it } from 'vitest';
import type { Nanos } from '../../sim';
import type { FrameSink } from '../link';
import { fillPayload } from '../payload';
import { PcapngWriter } from '../wire';
import {
  TSHARK_MISSING_MESSAGE, removeTempCaptures, tsharkAvailable, tsharkExpert, tsharkFollowTcp, writeTempCapture,
} from '../wire/testing/tshark';
import { twoHosts } from '../stack/testing/world';
import { runBulk } from './harness';

afterAll(removeTempCaptures);

const BYTES = 300_000;
const PORT = 5001;

function lossyCapture(): { pcap: Uint8Array; received: number; mismatch: number; drops: number } {
  const w = twoHosts({ seed: 31, faultsAtoB: { loss: 0.02 }, faultsBtoA: { loss: 0.02 } });
  const pcap = new PcapngWriter({ application: 'offload-lab scenario test', comment: 'lossy bulk run, host b view' });
  const ifb = pcap.addInterface({ name: 'b-eth0', description: 'host b' });
  const sim = w.sim;
  // Frames b receives: a tap between the fault chain and the stack.
  const inner = w.link.aToB.sink;
  const tapIn: FrameSink = {
    receiveFrame(f) {
      pcap.writePacket(ifb, sim.now, f.slice());
      inner.receiveFrame(f);
    },
  };
  w.link.aToB.sink = tapIn;
  // Frames b sends: the wire's own tap (before the faults of the way back).
  w.link.bToA.tap = { onFrame: (t: Nanos, f: Uint8Array) => void pcap.writePacket(ifb, t, f.slice()) };
  const r = runBulk(w, BYTES, { port: PORT });
  const lost = (w.link.faultsAtoB.loss?.counters.dropped ?? 0) + (w.link.faultsBtoA.loss?.counters.dropped ?? 0);
  return { pcap: pcap.toBytes(), received: r.received, mismatch: r.firstMismatch, drops: lost };
}

describe('pcapng of a lossy run', () => {
  it.skipIf(!tsharkAvailable())('passes tshark with checksums validated and reassembles to the bytes sent', () => {
    const run = lossyCapture();
    expect(run.received).toBe(BYTES);
    expect(run.mismatch).toBe(-1);
    expect(run.drops).toBeGreaterThan(0);
    const file = writeTempCapture(run.pcap, 'lossy-bulk.pcapng');
    const decode = ['-d', `tcp.port==${PORT},data`];
    const report = tsharkExpert(file, decode);
    expect(report.malformed).toBe(0);
    expect(report.errors).toBe(0);
    expect(report.entries.filter((e) => /checksum/i.test(e.summary))).toEqual([]);
    const follow = tsharkFollowTcp(file, 0, decode);
    const expected = new Uint8Array(BYTES);
    fillPayload(7, 0, expected);
    expect(follow.fromNode0.length).toBe(BYTES);
    expect(Buffer.from(follow.fromNode0).equals(Buffer.from(expected))).toBe(true);
  });

  it.runIf(!tsharkAvailable())(`is skipped: ${TSHARK_MISSING_MESSAGE}`, () => {
    expect(tsharkAvailable()).toBe(false);
  });
});
