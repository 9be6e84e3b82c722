// Issue 3, performance: the per-segment hot path (a full-size segment sent and
// received with its ACK) keeps no memory per segment. After a warm-up transfer
// has grown pools, buffers and queues to their working size, further transfers
// on the same connection must not grow what the two stacks, the link and the
// simulator keep reachable. The count is exact and machine-independent (see
// testing/reachable.ts); heap figures, which move with the JIT and the
// collector, are reported by bench/stack.bench.ts instead.
import { describe, expect, it } from 'vitest';
import { openBulkFlow } from './testing/bulk-flow';
import { reachable, type Reachable } from './testing/reachable';

const total = (r: Reachable): number => r.objects + r.slots;

describe('the per-segment hot path', () => {
  it('keeps no objects, slots or buffers per segment once warm', () => {
    const flow = openBulkFlow();
    // Warm-up: 16 MB, after which pools, buffers and the event queue have their
    // working size (measured: they stop growing within the first 14 MB; the
    // receiver's run queue, and with it its batches and transmit queue, reaches
    // its deepest backlog only after 8 MB, when the sender's in-order bursts
    // (xmit-queue.ts) meet a large window).
    flow.send(16_000_000);
    const warm = reachable(flow.w);
    const sizes: Reachable[] = [];
    let segs = 0;
    for (let i = 0; i < 3; i++) {
      segs += flow.send(2_000_000);
      sizes.push(reachable(flow.w));
    }
    expect(segs).toBeGreaterThan(4000);
    const shown = [warm, ...sizes].map((r) => `${r.objects}/${r.slots}/${r.bufferBytes}`).join(', ');
    // Queues and free lists may stand at different lengths at the end of each
    // transfer (what is in flight then), and a frame pool may take one more
    // buffer of a size it had not needed yet, so some slack; anything kept per
    // segment, or per ACK, or per timer, would be thousands of slots and
    // megabytes of buffers over these 6 MB.
    for (const r of sizes) {
      expect(Math.abs(total(r) - total(warm)), `objects/slots/buffer bytes after each transfer: ${shown}`).toBeLessThan(64);
      expect(Math.abs(r.bufferBytes - warm.bufferBytes), `objects/slots/buffer bytes after each transfer: ${shown}`).toBeLessThan(16_384);
    }
  });

  it('the count sees what a leaking structure keeps', () => {
    const flow = openBulkFlow();
    flow.send(1_000_000);
    const before = reachable(flow.w);
    // A leak of the kind the test above guards against: something kept per segment.
    const kept: object[] = [];
    (flow.w as unknown as { leak: object[] }).leak = kept;
    for (let i = 0; i < 100; i++) kept.push({ seq: i, bytes: new Uint8Array(16) });
    const after = reachable(flow.w);
    expect(total(after) - total(before)).toBeGreaterThanOrEqual(300);
    expect(after.bufferBytes - before.bufferBytes).toBe(1600);
  });
});
