import { describe, expect, it } from 'vitest';
import { RecvBuffer } from './recv-buffer';
import { pattern } from './testing/segments';

describe('RecvBuffer', () => {
  it('makes bytes readable only when committed', () => {
    const b = new RecvBuffer(100);
    b.writeAt(0, pattern(30), 0, 30);
    expect(b.length).toBe(0);
    b.commit(30);
    const out = new Uint8Array(50);
    expect(b.read(out)).toBe(30);
    expect(out.subarray(0, 30)).toEqual(pattern(30));
  });

  it('stores out-of-order bytes past the readable end and wraps around the ring', () => {
    const b = new RecvBuffer(64);
    const data = pattern(200);
    b.writeAt(0, data, 0, 50);
    b.commit(50);
    b.read(new Uint8Array(40));
    // Readable: stream [40, 50). Store [60, 90) out of order, then fill [50, 60).
    b.writeAt(10, data, 60, 30);
    b.writeAt(0, data, 50, 10);
    b.commit(40);
    const out = new Uint8Array(50);
    expect(b.read(out)).toBe(50);
    expect(out).toEqual(data.subarray(40, 90));
  });

  it('never writes beyond its free space', () => {
    const b = new RecvBuffer(10);
    b.writeAt(5, pattern(20), 0, 20);
    b.commit(100);
    expect(b.length).toBe(10);
  });
});
