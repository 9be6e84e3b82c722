// Issue 3: traces of cwnd and ssthresh show slow start, congestion avoidance,
// fast retransmit and recovery, and RTO backoff where expected. The sender's
// own drop-tail queue is the bottleneck (100 Mb/s, 1 ms delay, 30 frames), so
// losses come from congestion, not from an injected fault.
import { describe, expect, it } from 'vitest';
import { bps, micros, millis, seconds } from '../../sim';
import { twoHosts } from '../stack/testing/world';
import { CwndTrace } from './cwnd-trace';
import { runBulk } from './harness';

const MSS = 1448;

function bottleneckRun(congestion: 'newreno' | 'cubic'): { r: ReturnType<typeof runBulk>; trace: CwndTrace } {
  const w = twoHosts({
    seed: 11, rate: bps(100e6), delay: millis(1), queueFrames: 30, staticArp: true,
    tcp: { sndBuf: 2 << 20, rcvBuf: 2 << 20, congestion },
  });
  const trace = new CwndTrace(w.sim, micros(100));
  // Attach as soon as the client's connection exists (connect is called inside runBulk).
  w.sim.call(w.sim.now, () => trace.attach(w.a.connectionOf(3)!));
  const r = runBulk(w, 3_000_000);
  trace.stop();
  return { r, trace };
}

describe('congestion control traces', () => {
  it('NewReno: slow start, then fast retransmit and recovery, then linear congestion avoidance', () => {
    const { r, trace } = bottleneckRun('newreno');
    expect(r.received).toBe(3_000_000);
    expect(r.firstMismatch).toBe(-1);
    const fr = trace.eventsOf('fast-retransmit');
    const enter = trace.eventsOf('recovery-enter');
    const exit = trace.eventsOf('recovery-exit');
    expect(fr.length).toBeGreaterThan(0);
    expect(enter.length).toBeGreaterThan(0);
    expect(exit.length).toBeGreaterThan(0);
    expect(trace.eventsOf('rto')).toEqual([]);

    // Slow start (cwnd below ssthresh, which is unbounded before the first loss): from the
    // initial window of 10 segments cwnd grows to several times it, much faster than in
    // congestion avoidance below (ACK-clocked by the 100 Mb/s bottleneck).
    const firstLoss = enter[0]!.at;
    const ss = trace.between(r.connectedAt, firstLoss);
    expect(ss[0]!.cwnd).toBe(10 * MSS);
    expect(ss.every((s) => s.cwnd < s.ssthresh)).toBe(true);
    const peak = Math.max(...ss.map((s) => s.cwnd));
    expect(peak).toBeGreaterThan(4 * ss[0]!.cwnd);
    const ssRate = (peak - ss[0]!.cwnd) / (firstLoss - r.connectedAt);

    // Fast recovery: ssthresh falls to about half the window in flight; recovery exits at cwnd = ssthresh.
    // RFC 5681 (4): ssthresh = max(FlightSize / 2, 2 * SMSS).
    expect(enter[0]!.ssthresh / peak).toBeGreaterThan(0.4);
    expect(enter[0]!.ssthresh / peak).toBeLessThan(0.6);
    expect(exit[0]!.cwnd).toBeLessThanOrEqual(exit[0]!.ssthresh + MSS);

    // Congestion avoidance: after the first recovery, while no loss, cwnd grows by about
    // one MSS per RTT (RFC 5681 3.1), measured against the connection's own smoothed RTT.
    const caStart = exit[0]!.at;
    const nextLoss = enter[1]?.at ?? Number.POSITIVE_INFINITY;
    const ca = trace.between(caStart, nextLoss).filter((s) => s.cwnd >= s.ssthresh);
    expect(ca.length).toBeGreaterThan(100);
    const first = ca[0]!;
    const last = ca[ca.length - 1]!;
    const meanSrtt = ca.reduce((n, s) => n + s.srtt, 0) / ca.length;
    const perRtt = (last.cwnd - first.cwnd) / ((last.t - first.t) / meanSrtt);
    expect(perRtt).toBeGreaterThan(0.5 * MSS);
    expect(perRtt).toBeLessThan(2 * MSS);
    const caRate = (last.cwnd - first.cwnd) / (last.t - first.t);
    expect(ssRate).toBeGreaterThan(5 * caRate);
  });

  it('RTO: with the link down, retransmission timeouts back off exponentially and cwnd falls to one segment', () => {
    const w = twoHosts({
      seed: 12, delay: micros(100), staticArp: true,
      faultsAtoB: { outages: [{ down: millis(3), up: seconds(5) }] },
      faultsBtoA: { outages: [{ down: millis(3), up: seconds(5) }] },
    });
    const trace = new CwndTrace(w.sim, millis(1));
    w.sim.call(w.sim.now, () => trace.attach(w.a.connectionOf(3)!));
    const r = runBulk(w, 2_000_000);
    trace.stop();
    expect(r.received).toBe(2_000_000);
    expect(r.firstMismatch).toBe(-1);
    const rtos = trace.eventsOf('rto');
    expect(rtos.length).toBeGreaterThanOrEqual(3);
    // Each timeout waits about twice as long as the one before (RFC 6298 5.5).
    for (let i = 2; i < rtos.length; i++) {
      const gap = rtos[i]!.at - rtos[i - 1]!.at;
      const prev = rtos[i - 1]!.at - rtos[i - 2]!.at;
      if (rtos[i]!.at > seconds(5)) break;
      expect(gap / prev).toBeGreaterThan(1.8);
      expect(gap / prev).toBeLessThan(2.2);
      expect(rtos[i]!.backoff).toBeGreaterThan(rtos[i - 1]!.backoff);
    }
    // RFC 5681 3.1: after a timeout the loss window is one segment.
    expect(rtos[0]!.cwnd).toBeLessThanOrEqual(1460);
  });

  it('CUBIC: the window shrinks by its beta (0.7) on loss instead of NewReno\'s half', () => {
    const { r, trace } = bottleneckRun('cubic');
    expect(r.received).toBe(3_000_000);
    expect(r.firstMismatch).toBe(-1);
    const enter = trace.eventsOf('recovery-enter');
    expect(enter.length).toBeGreaterThan(0);
    const before = trace.between(r.connectedAt, enter[0]!.at);
    const peak = Math.max(...before.map((s) => s.cwnd));
    // RFC 9438 4.6: ssthresh = cwnd * beta_cubic (0.7). (A timeout may follow when a
    // retransmission is itself lost: RFC 6675 retransmits a segment once per recovery.)
    expect(enter[0]!.ssthresh / peak).toBeGreaterThan(0.6);
    expect(enter[0]!.ssthresh / peak).toBeLessThan(0.8);
  });
});
