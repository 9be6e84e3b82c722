import { describe, expect, it } from 'vitest';
import { SendBuffer } from './send-buffer';
import { pattern } from './testing/segments';

describe('SendBuffer', () => {
  it('accepts writes up to its capacity and reports free space', () => {
    const b = new SendBuffer(100, 50);
    expect(b.write(pattern(70))).toBe(70);
    expect(b.write(pattern(70))).toBe(30);
    expect(b.free).toBe(0);
    expect(b.length).toBe(100);
  });

  it('returns segments by offset, including across the wrap of the ring', () => {
    const b = new SendBuffer(100, 50);
    const data = pattern(300);
    b.write(data.subarray(0, 80));
    b.consume(60);
    b.write(data.subarray(80, 140));
    // Holds stream bytes [60, 140): the ring wrapped after byte 100.
    expect(b.segment(0, 50)).toEqual(data.subarray(60, 110));
    expect(b.segment(30, 50)).toEqual(data.subarray(90, 140));
    expect(b.segment(70, 50)).toEqual(data.subarray(130, 140));
  });

  it('hands out the same view object for the same segment length (no allocation per segment)', () => {
    const b = new SendBuffer(1000, 100);
    b.write(pattern(1000));
    const v1 = b.segment(0, 100);
    const v2 = b.segment(100, 100);
    expect(v2).toBe(v1);
    expect(v2).toEqual(pattern(200).subarray(100, 200));
  });
});
