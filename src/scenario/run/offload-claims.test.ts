// The claims of issue 4 that the runner checks end to end on the 2002-gigabit
// preset, each printing the figures it compares. Runs are 30 ms of simulated
// time (5 ms warmup): enough for a 1 Gb/s flow to reach steady state.
import { describe, expect, it } from 'vitest';
import { runConfigs, scenarioOf } from './testing';

const SHORT = ['warmupMs=5', 'durationMs=30'];

describe('offload against native on the 2002-gigabit preset', () => {
  it('host CPU saved by offload grows with message size from 64 B to 64 KB', () => {
    // TCP_NODELAY on both, as netperf -D does for small messages: with Nagle and delayed ACKs the
    // 64 B stream spends the short run waiting for the delayed-ACK timer on native.
    const sizes = [64, 512, 4096, 65536];
    const saved: number[] = [];
    for (const m of sizes) {
      const r = runConfigs(scenarioOf('2002-gigabit', ['warmupMs=4', 'durationMs=16', 'tcp.nodelay=true', `workload.messageBytes=${m}`]), ['native', 'offload']);
      const n = r.native!;
      const o = r.offload!;
      expect(n.integrityOk && o.integrityOk).toBe(true);
      const frac = 1 - o.cyclesPerByte / n.cyclesPerByte;
      saved.push(frac);
      console.log(`message ${m} B: host cycles/B native ${n.cyclesPerByte.toFixed(2)}, offload ${o.cyclesPerByte.toFixed(2)}, saved ${(frac * 100).toFixed(1)}%`);
    }
    for (let i = 1; i < saved.length; i++) expect(saved[i]!).toBeGreaterThan(saved[i - 1]!);
    expect(saved[saved.length - 1]!).toBeGreaterThan(0.5);
  }, 120_000);

  it('with a 200 MHz IOP and a communication-bound bulk send, offload loses throughput against native as LAWS predicts', () => {
    const r = runConfigs(scenarioOf('2002-gigabit', [...SHORT, 'inic.iopClockMHz=200', 'workload.appCyclesPerByte=0', 'workload.appCyclesPerRequest=0']), ['native', 'offload']);
    const n = r.native!;
    const o = r.offload!;
    const laws = o.laws;
    if ('error' in laws) throw new Error(laws.error);
    const simGain = o.goodputBps / n.goodputBps;
    console.log(`200 MHz IOP: native ${(n.goodputBps / 1e6).toFixed(0)} Mb/s, offload ${(o.goodputBps / 1e6).toFixed(0)} Mb/s (IOP ${(o.iopUtil * 100).toFixed(0)}% busy); simulated gain ${simGain.toFixed(3)}, LAWS gain ${laws.gain.toFixed(3)} (alpha ${laws.alpha.toFixed(1)}, beta ${laws.beta.toFixed(2)}, gamma ${laws.gamma.toFixed(2)}), offloadLoses=${laws.offloadLoses}`);
    expect(laws.offloadLoses).toBe(true);
    expect(simGain).toBeLessThan(0.8);
    expect(o.iopUtil).toBeGreaterThan(0.95);
    // The simulated loss is of the size LAWS predicts (within a factor 1.5 either way).
    expect(simGain / laws.gain).toBeGreaterThan(1 / 1.5);
    expect(simGain / laws.gain).toBeLessThan(1.5);
    expect(n.integrityOk && o.integrityOk).toBe(true);
  }, 60_000);

  it('across a sweep of application cycles per byte on a CPU-bound host the simulated gain never exceeds the LAWS bound and follows its shape', () => {
    const os = [0, 10, 20, 30, 40];
    const sim: number[] = [];
    const law: number[] = [];
    for (const o of os) {
      const r = runConfigs(scenarioOf('2002-gigabit', [...SHORT, `workload.appCyclesPerByte=${o}`]), ['native', 'offload']);
      const l = r.offload!.laws;
      if ('error' in l) throw new Error(l.error);
      const g = r.offload!.goodputBps / r.native!.goodputBps;
      sim.push(g);
      law.push(l.gain);
      console.log(`o = ${o} cycles/B: native ${(r.native!.goodputBps / 1e6).toFixed(0)} Mb/s (host ${(r.native!.hostCpuUtil * 100).toFixed(0)}%), offload ${(r.offload!.goodputBps / 1e6).toFixed(0)} Mb/s; simulated gain ${g.toFixed(3)}, LAWS gain ${l.gain.toFixed(3)}, bound 1+1/gamma ${l.gainBound.toFixed(3)}`);
      // Never above the bound (1% for sampling granularity at the window's edges).
      expect(g).toBeLessThanOrEqual(l.gainBound * 1.01);
      expect(g).toBeLessThanOrEqual(l.gain * 1.05);
    }
    // Shape: flat (gain 1, wire-bound) while the host is not the limit, a peak where LAWS has its peak, then falling.
    const argmax = (xs: number[]): number => xs.indexOf(Math.max(...xs));
    expect(argmax(sim)).toBe(argmax(law));
    for (let i = 1; i < os.length; i++) {
      const ds = sim[i]! - sim[i - 1]!;
      const dl = law[i]! - law[i - 1]!;
      if (Math.abs(dl) > 0.02) expect(Math.sign(ds)).toBe(Math.sign(dl));
      else expect(Math.abs(ds)).toBeLessThan(0.03);
    }
  }, 180_000);
});
