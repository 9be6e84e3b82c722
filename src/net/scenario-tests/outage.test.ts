// Issue 3: every byte arrives exactly once, in order and unchanged across a
// link down/up (both directions down for 1.5 s in the middle of the run).
import { describe, expect, it } from 'vitest';
import { millis, seconds, type Nanos } from '../../sim';
import type { FaultSpec } from '../link';
import { twoHosts } from '../stack/testing/world';
import { runBulk, runRequestResponse } from './harness';

const down = (from: Nanos, to: Nanos): FaultSpec => ({ outages: [{ down: from, up: to }] });

describe('across a link down and up', () => {
  it('a bulk transfer resumes after the outage and delivers every byte once, in order', () => {
    const spec = down(millis(2), millis(1502));
    const w = twoHosts({ seed: 41, faultsAtoB: spec, faultsBtoA: spec });
    const r = runBulk(w, 1_000_000);
    expect(r.errors).toEqual([]);
    expect(r.received).toBe(1_000_000);
    expect(r.firstMismatch).toBe(-1);
    expect(r.eof).toBe(true);
    // The outage really cut the transfer: frames were lost and it finished after the link came back.
    expect(w.link.faultsAtoB.outage!.counters.dropped).toBeGreaterThan(0);
    expect(r.finishedAt).toBeGreaterThan(seconds(1.502));
  });

  it('request/response resumes after the outage with every request and response intact', () => {
    const spec = down(millis(10), millis(1510));
    const w = twoHosts({ seed: 42, faultsAtoB: spec, faultsBtoA: spec });
    const r = runRequestResponse(w, 80, 200, 4000);
    expect(r.errors).toEqual([]);
    expect(r.rounds).toBe(80);
    expect(r.requestMismatch).toBe(-1);
    expect(r.responseMismatch).toBe(-1);
    expect(w.link.faultsAtoB.outage!.counters.dropped + w.link.faultsBtoA.outage!.counters.dropped).toBeGreaterThan(0);
    expect(r.finishedAt).toBeGreaterThan(seconds(1.51));
  });
});
