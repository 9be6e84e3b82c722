import { describe, expect, it } from 'vitest';
import type { Nanos } from '../../../sim/units';
import { NewReno } from './newreno';

const t = 0 as Nanos;
const MSS = 1000;

describe('NewReno (RFC 5681, RFC 6582)', () => {
  it('starts with the initial window of RFC 6928 and no threshold', () => {
    const c = new NewReno(MSS, 10);
    expect(c.cwnd).toBe(10 * MSS);
    expect(c.ssthresh).toBe(Infinity);
  });

  it('slow start adds min(acked, SMSS) per ACK', () => {
    const c = new NewReno(MSS, 10);
    c.onAck(2 * MSS, t, 0);
    expect(c.cwnd).toBe(11 * MSS);
    c.onAck(500, t, 0);
    expect(c.cwnd).toBe(11 * MSS + 500);
  });

  it('congestion avoidance adds one SMSS per window of acknowledged data', () => {
    const c = new NewReno(MSS, 10);
    c.onEnterRecovery(t, 20 * MSS, false);
    c.onExitRecovery(t, 20 * MSS);
    expect(c.cwnd).toBe(10 * MSS);
    for (let i = 0; i < 9; i++) c.onAck(MSS, t, 0);
    expect(c.cwnd).toBe(10 * MSS);
    c.onAck(MSS, t, 0);
    expect(c.cwnd).toBe(11 * MSS);
  });

  it('fast recovery: ssthresh = max(FlightSize/2, 2*SMSS), cwnd = ssthresh + 3*SMSS, +1 SMSS per dup ACK', () => {
    const c = new NewReno(MSS, 10);
    c.onEnterRecovery(t, 10 * MSS, true);
    expect(c.ssthresh).toBe(5 * MSS);
    expect(c.cwnd).toBe(8 * MSS);
    c.onDupAck(t);
    expect(c.cwnd).toBe(9 * MSS);
    c.onEnterRecovery(t, 2 * MSS, false);
    expect(c.ssthresh).toBe(2 * MSS);
  });

  it('partial ACK deflates by the amount acknowledged and adds back one SMSS (RFC 6582 3.2 step 5)', () => {
    const c = new NewReno(MSS, 10);
    c.onEnterRecovery(t, 10 * MSS, true);
    c.onPartialAck(3 * MSS, t);
    expect(c.cwnd).toBe(8 * MSS - 3 * MSS + MSS);
    c.onPartialAck(500, t);
    expect(c.cwnd).toBe(6 * MSS - 500);
  });

  it('full ACK sets cwnd = min(ssthresh, max(FlightSize, SMSS) + SMSS) (RFC 6582 3.2 step 4)', () => {
    const c = new NewReno(MSS, 10);
    c.onEnterRecovery(t, 10 * MSS, true);
    c.onExitRecovery(t, 2 * MSS);
    expect(c.cwnd).toBe(3 * MSS);
    c.onEnterRecovery(t, 10 * MSS, true);
    c.onExitRecovery(t, 20 * MSS);
    expect(c.cwnd).toBe(c.ssthresh);
  });

  it('RTO: ssthresh from FlightSize, cwnd = 1 SMSS; a repeated RTO keeps ssthresh', () => {
    const c = new NewReno(MSS, 10);
    c.onRto(t, 10 * MSS, false);
    expect(c.ssthresh).toBe(5 * MSS);
    expect(c.cwnd).toBe(MSS);
    c.onRto(t, MSS, true);
    expect(c.ssthresh).toBe(5 * MSS);
  });
});
