import { describe, expect, it } from 'vitest';
import { millis, seconds } from '../../sim/units';
import { RttEstimator } from './rtt';

const est = () => new RttEstimator(seconds(1), millis(200), seconds(60));

describe('RttEstimator (RFC 6298)', () => {
  it('starts at the initial RTO of 1 s (2.1)', () => {
    expect(est().rto).toBe(seconds(1));
  });

  it('first sample: SRTT = R, RTTVAR = R/2, RTO = SRTT + 4*RTTVAR (2.2)', () => {
    const e = est();
    e.sample(millis(100));
    expect(e.srtt).toBe(millis(100));
    expect(e.rttvar).toBe(millis(50));
    expect(e.rto).toBe(millis(300));
  });

  it('later samples: RTTVAR from the old SRTT, then SRTT (2.3), matching a hand computation', () => {
    const e = est();
    e.sample(millis(100));
    e.sample(millis(200));
    // RTTVAR = 3/4*50 + 1/4*|100-200| = 62.5 ms; SRTT = 7/8*100 + 1/8*200 = 112.5 ms.
    expect(e.rttvar).toBeCloseTo(millis(62.5), 3);
    expect(e.srtt).toBeCloseTo(millis(112.5), 3);
    expect(e.rto).toBeCloseTo(millis(112.5 + 250), 3);
    e.sample(millis(50));
    // RTTVAR = 3/4*62.5 + 1/4*|112.5-50| = 62.5; SRTT = 7/8*112.5 + 1/8*50 = 104.6875
    expect(e.rttvar).toBeCloseTo(millis(62.5), 3);
    expect(e.srtt).toBeCloseTo(millis(104.6875), 3);
  });

  it('rounds the RTO up to rtoMin (2.4)', () => {
    const e = est();
    e.sample(millis(1));
    expect(e.rto).toBe(millis(200));
  });

  it('doubles on each backoff and stops at rtoMax (5.5, 2.5)', () => {
    const e = est();
    e.sample(millis(100));
    const seen: number[] = [];
    for (let i = 0; i < 10; i++) {
      e.backoff();
      seen.push(e.rto);
    }
    expect(seen.slice(0, 4)).toEqual([millis(600), millis(1200), millis(2400), millis(4800)]);
    expect(seen[9]).toBe(seconds(60));
  });

  it('a new sample collapses the backoff (5.7)', () => {
    const e = est();
    e.sample(millis(100));
    e.backoff();
    e.backoff();
    e.sample(millis(100));
    expect(e.backoffCount).toBe(0);
    expect(e.rto).toBeLessThan(millis(400));
  });

  it('after a SYN timeout without samples, data starts with an RTO of 3 s (5.7)', () => {
    const e = est();
    e.backoff();
    e.afterSynTimeout();
    expect(e.rto).toBe(seconds(3));
    const sampled = est();
    sampled.sample(millis(100));
    sampled.afterSynTimeout();
    expect(sampled.rto).toBe(millis(300));
  });
});
