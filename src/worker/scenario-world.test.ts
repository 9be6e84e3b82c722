import { describe, expect, it } from 'vitest';
import { createScenarioLabWorld, ScenarioLabWorld } from './scenario-world';
import { WorkerSession } from './session';
import { PROTOCOL_VERSION, parseFromWorker, type FromWorker } from './protocol';
import type { ScenarioSpec } from './scenario-source';

const spec: ScenarioSpec = { kind: 'scenario', seed: 7, preset: '2002-gigabit', configurations: ['native', 'offload'] };

function made(): ScenarioLabWorld {
  const w = createScenarioLabWorld(spec);
  if (!(w instanceof ScenarioLabWorld)) throw new Error(JSON.stringify(w));
  return w;
}

describe('the scenario world', () => {
  it('runs the model and streams the frames it captured, numbered without gaps', () => {
    const w = made();
    w.drain(true);
    w.runFor({ maxEvents: 4000 });
    const s = w.drain(false);
    const frames = s.worlds.flatMap((x) => x.frames);
    expect(frames.length).toBeGreaterThan(0);
    for (const x of s.worlds) x.frames.forEach((f, i) => expect(f.no).toBe(x.frames[0]!.no + i));
    expect(w.figures().eventsProcessed).toBeGreaterThan(0);
  });

  it('seeking back to a position gives exactly the figures it had there', () => {
    const w = made();
    w.runFor({ maxEvents: 1500 });
    const at = w.figures();
    const before = w.drain(true);
    w.runFor({ maxEvents: 2500 });
    expect(w.figures().eventsProcessed).toBeGreaterThan(at.eventsProcessed);
    const err = w.seek({ kind: 'position', worlds: at.worlds!.map((x) => x.position) });
    expect(err).toBeNull();
    expect(w.figures()).toEqual(at);
    const after = w.drain(true);
    expect(after.worlds.map((x) => x.frames.length)).toEqual(before.worlds.map((x) => x.frames.length));
    expect(after.worlds.map((x) => x.trace.time.length)).toEqual(before.worlds.map((x) => x.trace.time.length));
  });

  it('seeking to an instant behind rebuilds and runs to it', () => {
    const w = made();
    w.runFor({ maxEvents: 3000 });
    const t = Math.floor(w.figures().nowNanos / 2);
    expect(w.seek({ kind: 'time', nanos: t })).toBeNull();
    expect(w.figures().nowNanos).toBe(t);
  });

  it('a step by packet stops right after a frame was captured', () => {
    const w = made();
    const before = w.figures().worlds!.reduce((n, x) => n + x.framesCaptured, 0);
    expect(w.stepBy('packet')).toBe(true);
    expect(w.figures().worlds!.reduce((n, x) => n + x.framesCaptured, 0)).toBe(before + 1);
  });

  it('names configurations the model cannot build yet instead of failing, and fails when none is left', () => {
    const w = createScenarioLabWorld({ ...spec, configurations: ['offload'] });
    expect('kind' in w).toBe(false);
    const bad = createScenarioLabWorld({ ...spec, preset: 'no-such-preset' });
    expect(bad).toMatchObject({ kind: 'world-error' });
  });
});

describe('the session with a scenario world', () => {
  it('answers create with a reset stream and a seek with a valid slice', () => {
    const out: FromWorker[] = [];
    const session = new WorkerSession((m) => out.push(m));
    session.receive({ v: PROTOCOL_VERSION, type: 'create', epoch: 1, spec });
    expect(out[0]).toMatchObject({ type: 'ready' });
    expect((out[0] as { stream?: { reset: boolean } }).stream?.reset).toBe(true);
    session.receive({ v: PROTOCOL_VERSION, type: 'step', epoch: 1, seq: 1, unit: 'packet', count: 2 });
    session.receive({ v: PROTOCOL_VERSION, type: 'seek', epoch: 1, seq: 2, target: { kind: 'time', nanos: 0 } });
    const seek = parseFromWorker(structuredClone(out[2]));
    expect(seek).toMatchObject({ type: 'slice', reason: 'seek', seq: 2 });
  });

  it('refuses to seek a demo world with a typed error', () => {
    const out: FromWorker[] = [];
    const session = new WorkerSession((m) => out.push(m));
    session.receive({ v: PROTOCOL_VERSION, type: 'create', epoch: 1, spec: { kind: 'demo', seed: 1 } });
    session.receive({ v: PROTOCOL_VERSION, type: 'seek', epoch: 1, seq: 1, target: { kind: 'time', nanos: 0 } });
    expect(out[1]).toMatchObject({ type: 'error', failure: { kind: 'protocol' } });
  });
});
