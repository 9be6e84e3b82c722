// The scenario world's stream carries what the charts need beyond sample rows: the
// recorder's events and each traced connection's rows, each sent once, and all of them
// again after a reset (so a seek back rebuilds the charts from the stream alone).
import { describe, expect, it } from 'vitest';
import { createScenarioLabWorld, ScenarioLabWorld } from './scenario-world';
import { parseFromWorker, PROTOCOL_VERSION, type FromWorker } from './protocol';
import { WorkerSession } from './session';
import type { ScenarioSpec } from './scenario-source';

const spec: ScenarioSpec = { kind: 'scenario', seed: 3, preset: '2002-gigabit', configurations: ['native', 'offload'] };

function made(): ScenarioLabWorld {
  const w = createScenarioLabWorld(spec);
  if (!(w instanceof ScenarioLabWorld)) throw new Error(JSON.stringify(w));
  return w;
}

const rows = (s: ReturnType<ScenarioLabWorld['drain']>) =>
  s.worlds.map((w) => (w.connections ?? []).reduce((n, c) => n + (c.samples.t?.length ?? 0), 0));

describe('the scenario world streams connection rows and events', () => {
  it('sends each connection row once, and every row again after a reset', () => {
    const w = made();
    w.drain(true);
    w.runFor({ maxEvents: 40_000 });
    const first = w.drain(false);
    w.runFor({ maxEvents: 40_000 });
    const second = w.drain(false);
    const all = w.drain(true);
    const total = first.worlds.map((_, i) => rows(first)[i]! + rows(second)[i]!);
    expect(total.some((n) => n > 0)).toBe(true);
    expect(rows(all)).toEqual(total);
    for (const x of all.worlds) for (const c of x.connections ?? []) expect(Object.keys(c.samples).sort()).toEqual(['cwnd', 'srttNs', 'ssthresh', 't']);
  });

  it('sends events as plain data, none twice', () => {
    const w = made();
    w.drain(true);
    w.runFor({ maxEvents: 60_000 });
    const a = w.drain(false).worlds.flatMap((x) => x.events ?? []);
    const again = w.drain(false).worlds.flatMap((x) => x.events ?? []);
    expect(again).toEqual([]);
    for (const e of a) expect(e).toEqual({ t: expect.any(Number), kind: expect.any(String), count: expect.any(Number) });
  });

  it('keeps the connection rows through the protocol\'s validation', () => {
    const out: FromWorker[] = [];
    const session = new WorkerSession((m) => out.push(m));
    session.receive({ v: PROTOCOL_VERSION, type: 'create', epoch: 1, spec });
    session.receive({ v: PROTOCOL_VERSION, type: 'run', epoch: 1, seq: 1, budget: { maxEvents: 40_000 } });
    const slice = parseFromWorker(structuredClone(out[out.length - 1]));
    if ('kind' in slice || slice.type !== 'slice') throw new Error('no slice');
    const conns = slice.stream?.worlds.flatMap((x) => x.connections ?? []) ?? [];
    expect(conns.length).toBeGreaterThan(0);
    expect(conns[0]!.samples.t).toBeInstanceOf(Float64Array);
  });
});
