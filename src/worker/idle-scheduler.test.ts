import { describe, expect, it } from 'vitest';
import { IdleScheduler, type TimerHost } from './idle-scheduler';
import { PROTOCOL_VERSION, type FromWorker } from './protocol';
import { ScenarioLabWorld } from './scenario-world';
import { IDLE_SLICE_EVENTS, WorkerSession } from './session';
import { attachSession, type WorkerScopeLike } from './worker-host';
import type { LabWorld } from './world';

/** Timers that fire only when the test says so, in order of due time. */
class FakeTimers implements TimerHost {
  private next = 1;
  private now = 0;
  readonly due = new Map<number, { at: number; fn: () => void }>();
  setTimeout(fn: () => void, ms: number): unknown {
    const id = this.next++;
    this.due.set(id, { at: this.now + ms, fn });
    return id;
  }
  clearTimeout(h: unknown): void {
    this.due.delete(h as number);
  }
  /** Advances the clock by `ms`, firing what falls due (one timer at a time, at most `maxFires`). */
  advance(ms: number, maxFires = 10_000): number {
    const until = this.now + ms;
    let fired = 0;
    while (fired < maxFires) {
      const first = [...this.due.entries()].filter(([, t]) => t.at <= until).sort((a, b) => a[1].at - b[1].at || a[0] - b[0])[0];
      if (!first) break;
      this.due.delete(first[0]);
      this.now = first[1].at;
      first[1].fn();
      fired += 1;
    }
    this.now = until;
    return fired;
  }
}

const v = PROTOCOL_VERSION;
const spec = { kind: 'scenario', seed: 3, preset: '2002-gigabit', configurations: ['native', 'offload'] } as const;

describe('the idle scheduler', () => {
  it('starts idle work only after a quiet period and runs one slice per tick until none is left', () => {
    const timers = new FakeTimers();
    let left = 3;
    let ran = 0;
    const s = new IdleScheduler(() => { ran += 1; left -= 1; return left > 0; }, timers, 100);
    s.request();
    expect(timers.advance(99)).toBe(0);
    expect(ran).toBe(0);
    expect(timers.advance(1)).toBe(3);
    expect(ran).toBe(3);
    expect(s.pending).toBe(false);
  });

  it('a request cancels the pending slice and waits for the next quiet period', () => {
    const timers = new FakeTimers();
    let ran = 0;
    const s = new IdleScheduler(() => { ran += 1; return true; }, timers, 100);
    s.request();
    expect(timers.advance(100, 1)).toBe(1);
    expect(ran).toBe(1);
    // The next slice is due at once, as a task of its own; a request comes first and cancels it.
    expect(s.pending).toBe(true);
    // Requests back to back (the page playing): no slice in between.
    for (let k = 0; k < 5; k++) {
      s.request();
      timers.advance(50);
    }
    expect(ran).toBe(1);
    s.stop();
    expect(s.pending).toBe(false);
  });
});

describe('the worker host with idle work', () => {
  function host() {
    const timers = new FakeTimers();
    const posted: FromWorker[] = [];
    let listener: ((e: { data?: unknown }) => void) | null = null;
    const scope: WorkerScopeLike = {
      postMessage: (m) => { posted.push(m); },
      addEventListener: (type, l) => { if (type === 'message') listener = l; },
    };
    const session = attachSession(scope, timers);
    return { timers, posted, session, send: (data: unknown) => listener!({ data }) };
  }

  it('answers a request at once even while idle work is pending, and idle work never changes what the world shows', () => {
    const h = host();
    const quiet = host();
    for (const x of [h, quiet]) {
      x.send({ v, type: 'create', epoch: 1, spec });
      x.send({ v, type: 'run', epoch: 1, seq: 1, budget: { maxEvents: 6000 } });
    }
    // A few slices in, with more to do.
    expect(h.timers.advance(100, 3)).toBe(3);
    expect(h.timers.due.size).toBe(1);
    const before = h.posted.length;
    for (const x of [h, quiet]) x.send({ v, type: 'step', epoch: 1, seq: 2, unit: 'event', count: 1 });
    expect(h.posted.length).toBe(before + 1);
    const reply = h.posted[h.posted.length - 1]!;
    expect(reply).toMatchObject({ type: 'slice', seq: 2, events: 1 });
    expect(reply).toEqual(quiet.posted[quiet.posted.length - 1]);
    // Idle work resumes after the quiet period and posts nothing.
    expect(h.timers.advance(10_000)).toBeGreaterThan(1);
    expect(h.posted.length).toBe(before + 1);
  });
});

describe('the session idle work', () => {
  function sessionWithWorlds() {
    const out: FromWorker[] = [];
    const worlds: ScenarioLabWorld[] = [];
    const s = new WorkerSession((m) => out.push(m), (sp) => {
      const w = ScenarioLabWorld.fromSpec(sp, { checkpoints: { spacing: 300, near: 2, ladder: 2 } });
      if (w instanceof ScenarioLabWorld) worlds.push(w);
      return w as LabWorld;
    });
    return { s, out, worlds };
  }

  it('runs in slices of at most IDLE_SLICE_EVENTS events', () => {
    const { s, worlds } = sessionWithWorlds();
    s.receive({ v, type: 'create', epoch: 1, spec });
    s.receive({ v, type: 'run', epoch: 1, seq: 1, budget: { maxEvents: 5000 } });
    const w = worlds[0]!;
    let last = 0;
    let slices = 0;
    while (s.idle()) {
      expect(w.checkpoints.regeneratedEvents - last).toBeLessThanOrEqual(IDLE_SLICE_EVENTS);
      last = w.checkpoints.regeneratedEvents;
      slices += 1;
    }
    expect(slices).toBeGreaterThan(3);
    expect(w.checkpoints.size).toBeGreaterThan(0);
  });

  it('creating a world discards every checkpoint of the one before', () => {
    const { s, worlds } = sessionWithWorlds();
    s.receive({ v, type: 'create', epoch: 1, spec });
    s.receive({ v, type: 'run', epoch: 1, seq: 1, budget: { maxEvents: 4000 } });
    while (s.idle());
    expect(worlds[0]!.checkpoints.size).toBeGreaterThan(0);
    s.receive({ v, type: 'create', epoch: 2, spec });
    expect(worlds[0]!.checkpoints.size).toBe(0);
    expect(worlds[1]!.checkpoints.size).toBe(0);
    // A world at time zero needs no checkpoint.
    expect(s.idle()).toBe(false);
  });
});
