import { describe, expect, it } from 'vitest';
import { bytesToNanos, cyclesToNanos, formatNanos, gbps, ghz, hz, micros, millis, nanos, seconds } from './units';

describe('units', () => {
  it('formatNanos picks a readable unit with three decimals', () => {
    expect(formatNanos(0)).toBe('0 ns');
    expect(formatNanos(850)).toBe('850 ns');
    expect(formatNanos(999)).toBe('999 ns');
    expect(formatNanos(1000)).toBe('1.000 µs');
    expect(formatNanos(12500)).toBe('12.500 µs');
    expect(formatNanos(1_234_000)).toBe('1.234 ms');
    expect(formatNanos(2e9)).toBe('2.000 s');
    expect(formatNanos(-1500)).toBe('-1.500 µs');
  });

  it('time constructors give integer nanoseconds', () => {
    expect(nanos(1.4)).toBe(1);
    expect(micros(1.5)).toBe(1500);
    expect(millis(0.0015)).toBe(1500);
    expect(seconds(2)).toBe(2e9);
  });

  it('cyclesToNanos rounds the service time up to a whole ns', () => {
    expect(cyclesToNanos(3000, ghz(3))).toBe(1000);
    expect(cyclesToNanos(1, ghz(3))).toBe(1);
    expect(cyclesToNanos(1000, hz(3e8))).toBe(3334);
    expect(cyclesToNanos(0, ghz(1))).toBe(0);
  });

  it('bytesToNanos gives the serialisation time at a bit rate', () => {
    expect(bytesToNanos(1500, gbps(1))).toBe(12000);
    expect(bytesToNanos(1, gbps(3))).toBe(3);
  });
});
