// Issue 3: for bulk transfer and for request/response, every byte arrives
// exactly once, in order and unchanged, under each wire fault at 0.1%, 1% and
// 5% (applied to both directions, so data and ACKs both suffer).
import { describe, expect, it } from 'vitest';
import { micros, millis } from '../../sim';
import type { FaultSpec } from '../link';
import { faultCounters } from '../link';
import { twoHosts } from '../stack/testing/world';
import { runBulk, runRequestResponse } from './harness';

const RATES = [0.001, 0.01, 0.05] as const;

const FAULTS: Record<string, (p: number) => FaultSpec> = {
  loss: (p) => ({ loss: p }),
  // Bursts of 4 frames on average, and never longer than 10 ms: at 1 Gb/s a burst
  // is over in microseconds; the bound only keeps one burst from swallowing
  // retransmissions seconds apart (see GilbertElliottLoss).
  'burst loss': (p) => ({ burstLoss: { rate: p, meanBurst: 4, maxBurstNanos: millis(10) } }),
  corruption: (p) => ({ corrupt: p }),
  duplication: (p) => ({ duplicate: p }),
  reordering: (p) => ({ reorder: { rate: p, holdFrames: 3, holdNanos: millis(1) } }),
  jitter: (p) => ({ jitter: { rate: p, maxNanos: micros(2000) } }),
};

const BULK_BYTES = 400_000;

function prefixed(c: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(c).map(([k, v]) => [`back.${k}`, v]));
}

describe.each(Object.entries(FAULTS))('under %s', (name, spec) => {
  it.each(RATES)(`a bulk transfer delivers every byte exactly once, in order, at rate %s`, (p) => {
    const w = twoHosts({ seed: 1000 + Math.round(p * 1e4), faultsAtoB: spec(p), faultsBtoA: spec(p) });
    const r = runBulk(w, BULK_BYTES);
    expect(r.errors).toEqual([]);
    expect(r.done).toBe(true);
    expect(r.firstMismatch).toBe(-1);
    expect(r.received).toBe(BULK_BYTES);
    expect(r.eof).toBe(true);
    const c = { ...faultCounters(w.link.faultsAtoB), ...prefixed(faultCounters(w.link.faultsBtoA)) };
    // At 5% the fault surely acted on the run (at 0.1% a short run may see none of it).
    if (p === 0.05) expect(Object.entries(c).some(([k, v]) => !k.endsWith('.seen') && v > 0)).toBe(true);
    if (name === 'corruption' && p === 0.05) {
      const d = w.b.drops.snapshot();
      expect((d['tcp-checksum'] ?? 0) + (d['ipv4-checksum'] ?? 0)).toBeGreaterThan(0);
    }
  });

  it.each(RATES)(`request/response delivers every request and response intact at rate %s`, (p) => {
    const w = twoHosts({ seed: 2000 + Math.round(p * 1e4), faultsAtoB: spec(p), faultsBtoA: spec(p) });
    const r = runRequestResponse(w, 60, 300, 5000);
    expect(r.errors).toEqual([]);
    expect(r.done).toBe(true);
    expect(r.rounds).toBe(60);
    expect(r.requestMismatch).toBe(-1);
    expect(r.responseMismatch).toBe(-1);
  });
});
