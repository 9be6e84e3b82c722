// The stack's transmit queue: frames reach the driver in the order they were
// built whatever order the batches' CPU jobs complete in (a pure ACK may go
// ahead), and a driver that stops its queue gets the waiting frames, in
// order, when it wakes.
import { describe, expect, it } from 'vitest';
import type { Netif } from '../link';
import { readTcp, type TcpFrameInfo } from '../link';
import { openBulkFlow } from './testing/bulk-flow';
import { Batch, XmitQueue, type TxFlowControl } from './xmit-queue';

/** A driver with a ring of `ring` slots that the test drains by hand. */
class RingDriver implements Netif, TxFlowControl {
  readonly got: number[] = [];
  onTxWake: (() => void) | null = null;
  inUse = 0;
  constructor(private readonly ring: number) {}
  get txStopped(): boolean {
    return this.inUse >= this.ring;
  }
  transmit(f: Uint8Array): void {
    this.inUse += 1;
    this.got.push(f[0]!);
  }
  complete(n: number): void {
    this.inUse -= n;
    this.onTxWake?.();
  }
}

const frame = (id: number): Uint8Array => Uint8Array.of(id);

/** Builds a batch of frames `ids` (loose: may overtake) as Output does between begin and commit. */
function build(q: XmitQueue, ids: number[], loose = false): Batch {
  const b = new Batch();
  b.start = q.tail;
  for (const id of ids) q.add(frame(id), loose);
  b.end = q.tail;
  return b;
}

describe('the stack transmit queue', () => {
  it('hands frames to the driver in build order when a later batch completes first', () => {
    const d = new RingDriver(1000);
    const q = new XmitQueue(d, () => undefined);
    const kernel = build(q, [1, 2, 3]);
    const softirq = build(q, [4, 5]);
    q.completed(softirq);
    expect(d.got).toEqual([]);
    expect(q.counters.heldForOrder).toBe(2);
    q.completed(kernel);
    expect(d.got).toEqual([1, 2, 3, 4, 5]);
    expect(q.length).toBe(0);
  });

  it('lets a pure ACK leave ahead of an earlier batch whose job has not run', () => {
    const d = new RingDriver(1000);
    const q = new XmitQueue(d, () => undefined);
    const kernel = build(q, [1, 2]);
    const ack = build(q, [9], true);
    q.completed(ack);
    expect(d.got).toEqual([9]);
    q.completed(kernel);
    expect(d.got).toEqual([9, 1, 2]);
    expect(q.length).toBe(0);
  });

  it('keeps paid frames while the driver is stopped and releases them in order when it wakes', () => {
    const d = new RingDriver(2);
    const q = new XmitQueue(d, () => undefined);
    q.completed(build(q, [1, 2, 3, 4, 5]));
    expect(d.got).toEqual([1, 2]);
    expect(q.length).toBe(3);
    expect(q.counters.stoppedWaits).toBeGreaterThan(0);
    d.complete(1);
    expect(d.got).toEqual([1, 2, 3]);
    d.complete(2);
    expect(d.got).toEqual([1, 2, 3, 4, 5]);
    expect(q.length).toBe(0);
    expect(q.counters.peakQueued).toBe(5);
  });

  it('sends a bulk flow in sequence order while sends and ACK processing interleave on one CPU, retransmitting nothing', () => {
    // Large non-blocking sends (Kernel priority) and the ACK-clocked output of
    // softirq work interleave on the sender's CPU; before the queue kept build
    // order, softirq segments overtook the send's and the receiver's duplicate
    // ACKs caused spurious retransmissions (hundreds over a few MB).
    const flow = openBulkFlow();
    const seg: TcpFrameInfo = { srcPort: 0, dstPort: 0, seq: 0, ack: 0, flags: 0, payloadLength: 0 };
    let highest = -1;
    let outOfOrder = 0;
    let data = 0;
    flow.w.link.aToB.tap = {
      onFrame(_t, f) {
        if (!readTcp(f, seg) || seg.payloadLength === 0) return;
        data += 1;
        const end = (seg.seq + seg.payloadLength) >>> 0;
        if (highest < 0 || ((end - highest) | 0) > 0) highest = end;
        else outOfOrder += 1;
      },
    };
    flow.send(6_000_000);
    const c = flow.w.a.connectionOf(flow.c)!;
    expect(data).toBeGreaterThan(4000);
    expect(flow.w.a.out.xmitCounters.heldForOrder).toBeGreaterThan(0);
    expect(outOfOrder).toBe(0);
    expect(c.retransmits).toBe(0);
  });
});
