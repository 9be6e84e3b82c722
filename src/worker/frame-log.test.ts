import { describe, expect, it } from 'vitest';
import { FrameLog } from './frame-log';
import { drainTrace } from './trace-drain';
import { TraceRing } from '../sim';

describe('FrameLog', () => {
  it('returns what is new since a number and counts what the ring overwrote', () => {
    const log = new FrameLog(3);
    for (let i = 0; i < 5; i++) log.frame(i * 10, 'server->peer', new Uint8Array([i]));
    const all = log.since(0);
    expect(all.frames.map((f) => f.no)).toEqual([2, 3, 4]);
    expect(all.dropped).toBe(2);
    expect(log.since(4).frames.map((f) => f.bytes[0])).toEqual([4]);
    expect(log.since(5).frames).toEqual([]);
  });

  it('copies the bytes it captures, so the model may reuse its buffer', () => {
    const log = new FrameLog(2);
    const buf = new Uint8Array([1, 2]);
    log.frame(0, 'i2o-inbound', buf);
    buf[0] = 9;
    expect(log.since(0).frames[0]!.bytes[0]).toBe(1);
  });
});

describe('drainTrace', () => {
  it('copies the records written since a cursor, across the ring wrapping', () => {
    const ring = new TraceRing(4);
    for (let i = 0; i < 6; i++) ring.record(i as never, i, 1, 2, 0, i * 100, 0, 0);
    const d = drainTrace(ring, 3);
    expect(Array.from(d.trace.span)).toEqual([3, 4, 5]);
    expect(d.dropped).toBe(0);
    expect(d.next).toBe(6);
    const old = drainTrace(ring, 0);
    expect(Array.from(old.trace.span)).toEqual([2, 3, 4, 5]);
    expect(old.dropped).toBe(2);
  });
});
