import { describe, expect, it } from 'vitest';
import type { Nanos } from '../../../sim/units';
import { CUBIC_ALPHA, CUBIC_BETA, CUBIC_C, Cubic } from './cubic';

const MSS = 1000;

/** A CUBIC that just had a loss at `wMax` segments, with time 0 the start of the epoch. */
function afterLoss(wMax: number): Cubic {
  const c = new Cubic(MSS, 10);
  c.cwnd = wMax * MSS;
  c.onEnterRecovery(0 as Nanos, wMax * MSS, false);
  c.onExitRecovery(0 as Nanos, wMax * MSS);
  return c;
}

/** Delivers one ACK per segment of cwnd every RTT, from `from` to `to` seconds. */
function run(c: Cubic, rtt: number, from: number, to: number): void {
  for (let t = from; t < to - 1e-9; t += rtt) {
    const n = Math.floor(c.cwnd / MSS);
    for (let i = 0; i < n; i++) c.onAck(MSS, Math.round(t * 1e9) as Nanos, rtt * 1e9);
  }
}

describe('CUBIC (RFC 9438)', () => {
  it('reduces by beta = 0.7 and sets K = cbrt((W_max - cwnd_epoch)/C)', () => {
    const c = afterLoss(100);
    expect(c.ssthresh).toBe(70 * MSS);
    expect(c.cwnd).toBe(70 * MSS);
    expect(c.wMax).toBe(100);
    expect(c.k).toBeCloseTo(Math.cbrt((100 - 70) / CUBIC_C), 9);
    expect(CUBIC_ALPHA).toBeCloseTo((3 * (1 - CUBIC_BETA)) / (1 + CUBIC_BETA), 12);
  });

  it('follows W_cubic(t) = C(t-K)^3 + W_max through the concave and convex regions', () => {
    const c = afterLoss(100);
    // A 200 ms RTT keeps the Reno-friendly estimate below W_cubic here.
    const rtt = 0.2;
    const checkpoints = [1, 2, 3, 4.2, 5, 6, 7];
    let t = 0;
    for (const cp of checkpoints) {
      run(c, rtt, t, cp);
      t = cp;
      const expected = c.wCubic(cp);
      // The window aims one RTT ahead, so allow the growth of one RTT plus rounding.
      const slack = Math.abs(c.wCubic(cp + rtt) - expected) + 1.5;
      expect(c.wEst).toBeLessThan(expected);
      expect(Math.abs(c.cwnd / MSS - expected), `t=${cp}s`).toBeLessThanOrEqual(slack);
    }
    expect(c.cwnd / MSS).toBeGreaterThan(100);
  });

  it('plateaus near W_max around t = K', () => {
    const c = afterLoss(100);
    run(c, 0.1, 0, c.k);
    expect(c.cwnd / MSS).toBeGreaterThan(97);
    expect(c.cwnd / MSS).toBeLessThan(101);
  });

  it('uses the Reno-friendly estimate where it exceeds W_cubic (short RTT)', () => {
    const c = afterLoss(100);
    const rtt = 0.01;
    run(c, rtt, 0, 0.5);
    const wEst = 70 + CUBIC_ALPHA * 50;
    expect(c.wEst).toBeCloseTo(wEst, 0);
    expect(c.cwnd / MSS).toBeCloseTo(wEst, 0);
    expect(c.cwnd / MSS).toBeGreaterThan(c.wCubic(0.5) + 10);
  });

  it('fast convergence lowers W_max when a loss comes below the previous W_max', () => {
    const c = afterLoss(100);
    c.cwnd = 80 * MSS;
    c.onEnterRecovery(1e9 as Nanos, 80 * MSS, false);
    expect(c.wMax).toBeCloseTo((80 * (1 + CUBIC_BETA)) / 2, 9);
  });

  it('after an RTO restarts from one segment and a fresh epoch', () => {
    const c = afterLoss(100);
    c.onRto(0 as Nanos, 70 * MSS, false);
    expect(c.cwnd).toBe(MSS);
    expect(c.epochStart).toBe(-1);
    expect(c.ssthresh).toBe(49 * MSS);
  });
});
