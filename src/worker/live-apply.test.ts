// The worker's `apply`: a live change answered by `applied`, never fatal; the
// change log it returns rebuilds the same world; a seek back replays it.
import { describe, expect, it } from 'vitest';
import { WorkerClient } from './client';
import { InProcessWorker } from './in-process-worker';
import { PROTOCOL_VERSION, isProtocolError, parseFromWorker, parseToWorker, type FromWorker } from './protocol';
import { createScenarioLabWorld, ScenarioLabWorld } from './scenario-world';
import type { ScenarioSpec } from './scenario-source';
import { WorkerSession } from './session';

const spec: ScenarioSpec = { kind: 'scenario', seed: 7, preset: '2002-gigabit', configurations: ['native', 'offload'] };

function session() {
  const out: FromWorker[] = [];
  const s = new WorkerSession((m) => {
    const parsed = parseFromWorker(m);
    if ('kind' in parsed) throw new Error(parsed.message);
    out.push(parsed);
  });
  return { s, out, last: () => out[out.length - 1]! };
}

const hashes = (f: FromWorker) => (f.type === 'slice' || f.type === 'ready' ? f.figures.worlds!.map((w) => w.traceHash) : []);

describe('apply in the worker session', () => {
  it('applies a live change without restarting: the clock goes on, the reply says where it took effect', () => {
    const { s, last } = session();
    s.receive({ v: PROTOCOL_VERSION, type: 'create', epoch: 1, spec });
    s.receive({ v: PROTOCOL_VERSION, type: 'run', epoch: 1, seq: 1, budget: { maxEvents: 3000 } });
    const before = last();
    if (before.type !== 'slice') throw new Error(before.type);
    s.receive({ v: PROTOCOL_VERSION, type: 'apply', epoch: 1, seq: 2, path: 'faults.wire.loss.model', value: 'independent' });
    const a = last();
    expect(a.type).toBe('applied');
    if (a.type !== 'applied') return;
    expect(a.ok).toBe(true);
    expect(a.seq).toBe(2);
    expect(a.at.map((p) => p.events)).toEqual(before.figures.worlds!.map((w) => w.position.events));
    expect(a.message).toMatch(/took effect at \d+\.\d{3} ms/);
    expect(a.log).toHaveLength(1);
    s.receive({ v: PROTOCOL_VERSION, type: 'run', epoch: 1, seq: 3, budget: { maxEvents: 3000 } });
    const after = last();
    if (after.type !== 'slice') throw new Error(after.type);
    expect(after.figures.nowNanos).toBeGreaterThan(before.figures.nowNanos);
    // The change is annotated on the time axis of each configuration.
    const notes = after.stream!.worlds.flatMap((w) => (w.events ?? []).filter((e) => e.kind === 'live-change'));
    expect(notes).toHaveLength(2);
    expect(notes[0]!.text).toMatch(/loss model none → independent/);
  });

  it('answers a bad value or a restart parameter with ok: false and keeps the world running unchanged', () => {
    const { s, last } = session();
    s.receive({ v: PROTOCOL_VERSION, type: 'create', epoch: 1, spec });
    s.receive({ v: PROTOCOL_VERSION, type: 'run', epoch: 1, seq: 1, budget: { maxEvents: 2000 } });
    const before = last();
    s.receive({ v: PROTOCOL_VERSION, type: 'apply', epoch: 1, seq: 2, path: 'faults.wire.jitterUs', value: -1 });
    const bad = last();
    expect(bad).toMatchObject({ type: 'applied', ok: false, path: 'faults.wire.jitterUs' });
    if (bad.type === 'applied') expect(bad.message).toMatch(/faults.wire.jitterUs: must be ≥ 0/);
    s.receive({ v: PROTOCOL_VERSION, type: 'apply', epoch: 1, seq: 3, path: 'inic.iopClockMHz', value: 1200 });
    expect(last()).toMatchObject({ type: 'applied', ok: false });
    s.receive({ v: PROTOCOL_VERSION, type: 'seek', epoch: 1, seq: 4, target: { kind: 'time', nanos: 0 } });
    s.receive({ v: PROTOCOL_VERSION, type: 'run', epoch: 1, seq: 5, budget: { maxEvents: 2000 } });
    expect(hashes(last())).toEqual(hashes(before));
  });

  it('a world created with the returned log, and a seek back, replay the change at its position', () => {
    const w = createScenarioLabWorld(spec);
    if (!(w instanceof ScenarioLabWorld)) throw new Error('world');
    w.runFor({ maxEvents: 2500 });
    const r = w.apply('wire.delayUs', 50);
    expect(r.ok).toBe(true);
    w.runFor({ maxEvents: 4000 });
    const end = w.figures();
    const again = createScenarioLabWorld({ ...spec, liveChanges: r.log.map((c) => ({ ...c, at: [...c.at] })) });
    if (!(again instanceof ScenarioLabWorld)) throw new Error('world');
    expect(again.seek({ kind: 'position', worlds: end.worlds!.map((x) => x.position) })).toBeNull();
    expect(again.figures().worlds!.map((x) => x.traceHash)).toEqual(end.worlds!.map((x) => x.traceHash));
    // Back to the start and forward again on the same world.
    expect(w.seek({ kind: 'time', nanos: 0 })).toBeNull();
    expect(w.seek({ kind: 'position', worlds: end.worlds!.map((x) => x.position) })).toBeNull();
    expect(w.figures().worlds!.map((x) => x.traceHash)).toEqual(end.worlds!.map((x) => x.traceHash));
  });

  it('a world without live parameters (the demo) refuses the change and keeps running', () => {
    const { s, last } = session();
    s.receive({ v: PROTOCOL_VERSION, type: 'create', epoch: 1, spec: { kind: 'demo', seed: 3 } });
    s.receive({ v: PROTOCOL_VERSION, type: 'apply', epoch: 1, seq: 1, path: 'wire.delayUs', value: 3 });
    expect(last()).toMatchObject({ type: 'applied', ok: false, message: 'this world takes no live changes (only scenario worlds do)' });
    s.receive({ v: PROTOCOL_VERSION, type: 'run', epoch: 1, seq: 2, budget: { maxEvents: 100 } });
    expect(last().type).toBe('slice');
  });

  it('the protocol refuses an apply whose value is neither a number, a string nor a boolean', () => {
    expect(isProtocolError(parseToWorker({ v: PROTOCOL_VERSION, type: 'apply', epoch: 1, seq: 1, path: 'wire.delayUs', value: { x: 1 } }))).toBe(true);
    expect(isProtocolError(parseToWorker({ v: PROTOCOL_VERSION, type: 'apply', epoch: 1, seq: 1, path: 'wire.delayUs', value: 3 }))).toBe(false);
  });

  it('the client resolves apply with the answer, in order between slices, and refuses it once the world is replaced', async () => {
    const client = new WorkerClient(() => new InProcessWorker(), { next: () => ({ maxEvents: 2000 }), done: () => {} });
    client.start(spec);
    const first = client.apply('faults.wire.jitterUs', 5);
    const second = client.apply('faults.wire.jitterUs', -5);
    const a = await first;
    const b = await second;
    expect(a).toMatchObject({ ok: true, path: 'faults.wire.jitterUs', dropped: 0 });
    expect(a.log).toHaveLength(1);
    expect(b.ok).toBe(false);
    expect(b.message).toMatch(/must be ≥ 0/);
    const spec2 = client.currentSpec;
    expect(spec2?.kind === 'scenario' && spec2.liveChanges?.length).toBe(1);
    const lost = client.apply('wire.delayUs', 9);
    client.start(spec);
    expect(await lost).toMatchObject({ ok: false, message: 'the world was replaced before the change reached it' });
    client.dispose();
    expect(await client.apply('wire.delayUs', 9)).toMatchObject({ ok: false, message: 'no world is running' });
  });
});
