// Live changes of a run: applied at a position, logged, replayed exactly by a
// rebuilt run; they take effect from their instant; bad ones are typed errors
// that leave the run untouched; a change made while rewound edits history.
import { describe, expect, it } from 'vitest';
import { CATEGORIES, type Nanos } from '../../sim';
import type { Configuration, Scenario } from '../schema';
import { resolvedCostsForScenario } from '../schema';
import type { LiveChange } from './live';
import { runResults } from './results';
import { Run } from './run';
import { scenarioOf } from './testing';

const base = (sets: string[] = []) => scenarioOf('2002-gigabit', ['warmupMs=1', 'durationMs=6', ...sets]);

function make(s: Scenario, configurations: Configuration[] = ['native', 'offload'], liveChanges?: readonly LiveChange[]): Run {
  const costs = resolvedCostsForScenario(s);
  if (!costs.ok) throw new Error('costs');
  const r = Run.create(s, costs.costs, configurations, liveChanges === undefined ? {} : { liveChanges });
  if (!r.ok) throw new Error(`${r.error.path}: ${r.error.message}`);
  for (const w of r.run.worlds) w.sim.trace.enabled = true;
  return r.run;
}

const hashes = (run: Run) => run.worlds.map((w) => `${w.sim.eventsProcessed}:${w.sim.trace.hash()}`);
const retransmits = (run: Run, i: number) => {
  let n = 0;
  for (const c of run.worlds[i]!.server.tcpConnections()) n += c.retransmits;
  return n;
};

function must<T extends { ok: boolean }>(r: T): T {
  if (!r.ok) throw new Error(JSON.stringify(r));
  return r;
}

describe('live changes of a run', () => {
  it('a rebuilt run replaying the change log reaches the same trace hashes and metrics as the live run', () => {
    const live = make(base());
    live.runFor({ maxEvents: 7_777 });
    must(live.applyLive('faults.wire.loss.model', 'independent'));
    must(live.applyLive('faults.wire.loss.rate', 0.02));
    live.advanceTo(3_000_000 as Nanos);
    must(live.applyLive('wire.delayUs', 40));
    live.runToEnd();
    expect(live.liveChanges).toHaveLength(3);
    const replay = make(base(), ['native', 'offload'], live.liveChanges);
    // Other slicing, same states: the changes apply at their logged positions whatever the steps.
    for (let k = 0; k < 500; k++) replay.step();
    replay.runToEnd(undefined, 3_333);
    expect(hashes(replay)).toEqual(hashes(live));
    expect(JSON.stringify(runResults(replay))).toBe(JSON.stringify(runResults(live)));
    // And the changes did change the run.
    const plain = make(base());
    plain.runToEnd();
    expect(hashes(plain)).not.toEqual(hashes(live));
  });

  it('a loss rate raised live adds retransmissions after its instant and none before', () => {
    const run = make(base(['faults.wire.loss.model=independent', 'faults.wire.loss.rate=0']), ['native']);
    run.advanceTo(3_000_000 as Nanos);
    const before = retransmits(run, 0);
    expect(before).toBe(0);
    must(run.applyLive('faults.wire.loss.rate', 0.02));
    expect(run.appliedChanges[0]![0]).toMatchObject({ t: 3_000_000, label: 'loss rate 0 % → 2 %' });
    run.runToEnd();
    expect(retransmits(run, 0)).toBeGreaterThan(0);
    // Rebuilt without the change, the same stretch after 3 ms retransmits nothing.
    const plain = make(base(['faults.wire.loss.model=independent', 'faults.wire.loss.rate=0']), ['native']);
    plain.runToEnd();
    expect(retransmits(plain, 0)).toBe(0);
  });

  it('a higher app cost per request raises the host CPU from its instant on', () => {
    const s = base(['workload.appCyclesPerRequest=0']);
    const a = make(s, ['native']);
    const b = make(s, ['native']);
    a.advanceTo(2_000_000 as Nanos);
    b.advanceTo(2_000_000 as Nanos);
    expect(hashes(a)).toEqual(hashes(b));
    must(b.applyLive('workload.appCyclesPerRequest', 200_000));
    a.runToEnd();
    b.runToEnd();
    const app = (r: Run) => r.worlds[0]!.server.hostCpus.reduce((n, p) => n + p.cyclesByCategory()[categoryIndex('app')]!, 0);
    expect(app(a)).toBe(0);
    expect(app(b)).toBeGreaterThan(0);
    expect(runResults(b).configurations[0]!.cyclesPerByte).toBeGreaterThan(runResults(a).configurations[0]!.cyclesPerByte);
  });

  it('an offered UDP rate and a think time changed live change the load from their instant on', () => {
    const udp = base(['workload.kind=udp-stream', 'workload.rateMbps=100']);
    const slow = make(udp, ['native']);
    const fast = make(udp, ['native']);
    slow.advanceTo(2_000_000 as Nanos);
    fast.advanceTo(2_000_000 as Nanos);
    must(fast.applyLive('workload.rateMbps', 400));
    slow.runToEnd();
    fast.runToEnd();
    const sent = (r: Run) => r.worlds[0]!.workload.stats.requests;
    // 4 ms at 400 Mb/s instead of 100: about four times the datagrams after the change.
    expect(sent(fast) / sent(slow)).toBeGreaterThan(2.5);
    const rr = base(['workload.kind=request-response', 'workload.thinkTimeUs=0']);
    const busy = make(rr, ['native']);
    const idle = make(rr, ['native']);
    busy.advanceTo(2_000_000 as Nanos);
    idle.advanceTo(2_000_000 as Nanos);
    const at = idle.worlds[0]!.workload.stats.requests;
    must(idle.applyLive('workload.thinkTimeUs', 100_000));
    busy.runToEnd();
    idle.runToEnd();
    // With 100 ms of think time each client makes at most one more request in the 4 ms left.
    expect(idle.worlds[0]!.workload.stats.requests - at).toBeLessThanOrEqual(16);
    expect(busy.worlds[0]!.workload.stats.requests).toBeGreaterThan(idle.worlds[0]!.workload.stats.requests);
  });

  it('a bad path, value or restart parameter is a typed error naming the field and leaves the run untouched', () => {
    const run = make(base(), ['native']);
    run.advanceTo(1_000_000 as Nanos);
    const before = hashes(run);
    const cases: [string, string | number | boolean, RegExp][] = [
      ['faults.wire.loss.model', 'bursty', /must be one of/],
      ['faults.wire.jitterUs', -5, /≥ 0/],
      ['faults.wire.jitterUs', Number.NaN, /finite number/],
      ['faults.wire.loss.rate', 0.1, /applies only when faults.wire.loss.model/],
      ['server.clockMHz', 3000, /restarts the run/],
      ['costs.host.copy.cyclesPerByte', 3, /restarts the run/],
      ['wire.delayUss', 3, /not a known parameter/],
    ];
    for (const [path, value, message] of cases) {
      const r = run.applyLive(path, value);
      expect(r.ok).toBe(false);
      if (r.ok) continue;
      expect(r.error.kind).toBe('live-error');
      expect(r.error.path).toBe(path);
      expect(r.error.message).toMatch(message);
    }
    expect(run.liveChanges).toEqual([]);
    expect(hashes(run)).toEqual(before);
    expect(run.current).toEqual(run.scenario);
  });

  it('a change applied while rewound before later logged changes drops them (editing history)', () => {
    const live = make(base(), ['native']);
    live.advanceTo(1_000_000 as Nanos);
    must(live.applyLive('wire.delayUs', 20));
    live.advanceTo(3_000_000 as Nanos);
    must(live.applyLive('wire.delayUs', 60));
    // Rewound: rebuilt from the log and replayed to 2 ms, between the two changes.
    const rewound = make(base(), ['native'], live.liveChanges);
    rewound.advanceTo(2_000_000 as Nanos);
    expect(rewound.current.wire.delayUs).toBe(60);
    const r = must(rewound.applyLive('faults.wire.jitterUs', 10));
    expect(r.ok && r.dropped).toBe(1);
    expect(rewound.liveChanges.map((c) => c.path)).toEqual(['wire.delayUs', 'faults.wire.jitterUs']);
    expect(rewound.current.wire.delayUs).toBe(20);
    expect(rewound.current.faults.wire.jitterUs).toBe(10);
  });

  it('a change scheduled ahead of a paused copy applies when the copy is advanced past it', () => {
    const live = make(base(), ['native', 'offload']);
    const copy = make(base(), ['native', 'offload']);
    live.advanceTo(2_000_000 as Nanos);
    const r = must(live.applyLive('workload.appCyclesPerByte', 3));
    live.runToEnd();
    if (!r.ok) return;
    expect(must(copy.scheduleLive(r.change)).ok).toBe(true);
    expect(copy.scheduleLive({ ...r.change, at: [{ events: 0, nowNanos: 0 }] }).ok).toBe(false);
    copy.runToEnd(undefined, 10_001);
    expect(hashes(copy)).toEqual(hashes(live));
    // One that lies behind the run's position is refused.
    const behind = copy.scheduleLive({ path: 'wire.delayUs', value: 9, at: r.change.at });
    expect(behind.ok).toBe(false);
  });

  it('a corrupt log is refused at create with the entry named', () => {
    const costs = resolvedCostsForScenario(base());
    if (!costs.ok) throw new Error('costs');
    const bad = Run.create(base(), costs.costs, ['native'], { liveChanges: [{ path: 'server.cores', value: 2, at: [{ events: 5, nowNanos: 10 }] }] });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error.path).toBe('liveChanges.0.server.cores');
    const order = Run.create(base(), costs.costs, ['native'], {
      liveChanges: [
        { path: 'wire.delayUs', value: 9, at: [{ events: 50, nowNanos: 100 }] },
        { path: 'wire.delayUs', value: 8, at: [{ events: 40, nowNanos: 100 }] },
      ],
    });
    expect(order.ok).toBe(false);
    if (!order.ok) expect(order.error.path).toBe('liveChanges.1.at.0');
  });
});

function categoryIndex(name: string): number {
  return (CATEGORIES as readonly string[]).indexOf(name);
}

