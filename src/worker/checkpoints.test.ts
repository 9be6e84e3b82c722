import { describe, expect, it } from 'vitest';
import type { CheckpointPolicy } from './checkpoints';
import type { SeekTarget, WorldPosition } from './protocol';
import { createScenarioLabWorld, ScenarioLabWorld } from './scenario-world';
import type { ScenarioSpec } from './scenario-source';

const spec: ScenarioSpec = { kind: 'scenario', seed: 11, preset: '2002-gigabit', configurations: ['native', 'offload'] };
const policy: CheckpointPolicy = { spacing: 400, near: 2, ladder: 3 };

function world(p: CheckpointPolicy = policy): ScenarioLabWorld {
  const w = createScenarioLabWorld(spec, { checkpoints: p });
  if (!(w instanceof ScenarioLabWorld)) throw new Error(JSON.stringify(w));
  return w;
}

function idleUntilDone(w: ScenarioLabWorld, slice = 500): number {
  let slices = 0;
  while (w.idle(slice)) slices += 1;
  return slices;
}

const positionNow = (w: ScenarioLabWorld): WorldPosition[] => w.figures().worlds!.map((x) => x.position);

/** A drained stream as plain data, typed arrays as base64 of their bytes (quick to compare, exact). */
function digest(x: unknown): unknown {
  if (ArrayBuffer.isView(x)) return `${x.constructor.name}:${Buffer.from(x.buffer, x.byteOffset, x.byteLength).toString('base64')}`;
  if (Array.isArray(x)) return x.map(digest);
  if (x !== null && typeof x === 'object') return Object.fromEntries(Object.entries(x).map(([k, v]) => [k, digest(v)]));
  return x;
}

/** What a world reached `target` with, as a fresh world replaying from time zero gets it. */
function replayed(target: SeekTarget) {
  const ref = world();
  expect(ref.seek(target)).toBeNull();
  return { figures: ref.figures(), stream: digest(ref.drain(true)) };
}

/** A deterministic stream of numbers in [0, 1) (a 32-bit LCG), so the "random" positions are the same every run. */
function lcg(seed: number): () => number {
  let x = seed >>> 0;
  return () => {
    x = (Math.imul(x, 1664525) + 1013904223) >>> 0;
    return x / 2 ** 32;
  };
}

describe('checkpoints', () => {
  it('a seek through a checkpoint gives the figures and drained stream of a full replay, back and forward', () => {
    const w = world();
    const rnd = lcg(5);
    // A path of positions the live run passed, reached by runs and single steps.
    const path: WorldPosition[][] = [positionNow(w)];
    for (let k = 0; k < 12; k++) {
      if (rnd() < 0.3) w.step();
      else w.runFor({ maxEvents: 200 + Math.floor(rnd() * 1200) });
      path.push(positionNow(w));
    }
    idleUntilDone(w);
    expect(w.checkpoints.size).toBeGreaterThan(1);
    let throughCheckpoint = 0;
    for (let k = 0; k < 6; k++) {
      const to = path[Math.floor(rnd() * path.length)]!;
      const target: SeekTarget = rnd() < 0.25
        ? { kind: 'time', nanos: Math.floor(rnd() * w.figures().endNanos! * 0.01) }
        : { kind: 'position', worlds: to };
      const total = target.kind === 'position' ? to.reduce((n, p) => n + p.events, 0) : Infinity;
      expect(w.seek(target)).toBeNull();
      if (w.seekEvents < total && target.kind === 'position') throughCheckpoint += 1;
      const ref = replayed(target);
      expect(w.figures()).toEqual(ref.figures);
      expect(digest(w.drain(true))).toEqual(ref.stream);
      // Run on a little (so the next seek may go either way) and let idle work refill the store.
      w.runFor({ maxEvents: 150 });
      expect(w.drain(false).reset).toBe(false);
      idleUntilDone(w);
    }
    expect(throughCheckpoint).toBeGreaterThan(2);
  });

  it('after a seek back, the run it replaced is kept and a seek forward again resumes from it', () => {
    const w = world();
    w.runFor({ maxEvents: 1000 });
    const mid = positionNow(w);
    w.runFor({ maxEvents: 2000 });
    const far = positionNow(w);
    const farFigures = w.figures();
    expect(w.seek({ kind: 'position', worlds: mid })).toBeNull();
    expect(w.seek({ kind: 'position', worlds: far })).toBeNull();
    expect(w.seekEvents).toBe(0);
    expect(w.figures()).toEqual(farFigures);
  });

  it('with regeneration done, a step back replays at most the spacing plus one event per configuration', () => {
    const w = world();
    w.runFor({ maxEvents: 6000 });
    for (let k = 0; k < 5; k++) {
      idleUntilDone(w);
      const before = positionNow(w);
      w.stepBy('packet');
      expect(w.seek({ kind: 'position', worlds: before })).toBeNull();
      expect(w.seekEvents).toBeLessThanOrEqual(policy.spacing + before.length);
      expect(positionNow(w)).toEqual(before);
    }
  });

  it('stepping back again and again without idle time uses the near checkpoints, then the ladder, never time zero', () => {
    const w = world();
    w.runFor({ maxEvents: 6000 });
    const stops: WorldPosition[][] = [];
    for (let k = 0; k < 4; k++) {
      stops.push(positionNow(w));
      w.runFor({ maxEvents: 100 });
    }
    idleUntilDone(w);
    const costs = stops.reverse().map((to) => {
      expect(w.seek({ kind: 'position', worlds: to })).toBeNull();
      expect(positionNow(w)).toEqual(to);
      return w.seekEvents;
    });
    // The first two land on the near rungs (S/2..S and 2S..4S behind), the others on the ladder.
    expect(costs[0]).toBeLessThanOrEqual(policy.spacing + 2);
    expect(costs[1]).toBeLessThanOrEqual(4 * policy.spacing + 2);
    for (const [i, c] of costs.entries()) expect(c).toBeLessThan(stops[i]!.reduce((n, p) => n + p.events, 0) / 2);
  });

  it('idle work runs in slices of at most the given events and stops when there is nothing left to do', () => {
    const w = world();
    w.runFor({ maxEvents: 5000 });
    let last = w.checkpoints.regeneratedEvents;
    let slices = 0;
    const live = w.figures();
    while (w.idle(300)) {
      const now = w.checkpoints.regeneratedEvents;
      expect(now - last).toBeLessThanOrEqual(300);
      last = now;
      slices += 1;
    }
    expect(slices).toBeGreaterThan(5);
    // The live run never moved.
    expect(w.figures()).toEqual(live);
    expect(w.idle(300)).toBe(false);
    expect(w.checkpoints.size).toBeLessThanOrEqual(w.checkpoints.capacity);
  });

  it('holds no more than its capacity however the live run moves', () => {
    const w = world({ spacing: 200, near: 1, ladder: 2 });
    const rnd = lcg(9);
    for (let k = 0; k < 10; k++) {
      w.runFor({ maxEvents: 300 + Math.floor(rnd() * 800) });
      idleUntilDone(w);
      expect(w.checkpoints.size).toBeLessThanOrEqual(w.checkpoints.capacity);
      expect(w.seek({ kind: 'time', nanos: Math.floor(w.figures().nowNanos * rnd()) })).toBeNull();
      expect(w.checkpoints.size).toBeLessThanOrEqual(w.checkpoints.capacity);
    }
  });

  it('a checkpoint made before a live change applies it when advanced past it, and lands where the live run was', () => {
    const w = world();
    w.runFor({ maxEvents: 3000 });
    idleUntilDone(w);
    const behindChange = w.checkpoints.positions();
    expect(behindChange.length).toBeGreaterThan(0);
    const r = w.apply('wire.delayUs', 80);
    expect(r.ok).toBe(true);
    // Every checkpoint lay behind the change, so every one took it.
    expect(w.checkpoints.positions()).toEqual(behindChange);
    w.runFor({ maxEvents: 1500 });
    const end = w.figures();
    const endStream = digest(w.drain(true));
    w.runFor({ maxEvents: 1000 });
    // Back before the change (the run it replaces is held ahead, past `end`), then
    // forward past the change to `end`: only a checkpoint made before the change can serve.
    const early = behindChange[behindChange.length - 1]!;
    expect(w.seek({ kind: 'position', worlds: early })).toBeNull();
    expect(w.seek({ kind: 'position', worlds: end.worlds!.map((x) => x.position) })).toBeNull();
    expect(w.seekEvents).toBeLessThan(end.eventsProcessed);
    expect(w.figures()).toEqual(end);
    expect(digest(w.drain(true))).toEqual(endStream);
    // A fresh world replaying the change log agrees.
    const fresh = createScenarioLabWorld({ ...spec, liveChanges: r.log.map((c) => ({ ...c, at: [...c.at] })) });
    if (!(fresh instanceof ScenarioLabWorld)) throw new Error('world');
    expect(fresh.seek({ kind: 'position', worlds: end.worlds!.map((x) => x.position) })).toBeNull();
    expect(fresh.figures().worlds!.map((x) => x.traceHash)).toEqual(end.worlds!.map((x) => x.traceHash));
  });

  it('a checkpoint past a live change (the run went back, then changed a parameter) is dropped, never replayed', () => {
    const w = world();
    w.runFor({ maxEvents: 3000 });
    const far = positionNow(w);
    w.runFor({ maxEvents: 1000 });
    expect(w.seek({ kind: 'position', worlds: far.map((p) => ({ ...p })) })).toBeNull();
    w.runFor({ maxEvents: 10 });
    idleUntilDone(w);
    // The run replaced by the seek is held ahead of the live position.
    expect(w.checkpoints.positions().some((p) => p.some((x, i) => x.events > positionNow(w)[i]!.events))).toBe(true);
    expect(w.apply('wire.delayUs', 80).ok).toBe(true);
    const live = positionNow(w);
    for (const p of w.checkpoints.positions()) p.forEach((x, i) => expect(x.events).toBeLessThanOrEqual(live[i]!.events));
  });
});
