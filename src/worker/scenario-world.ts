// The machine model's run (src/scenario Run: one Simulator per configuration, advanced
// on one clock) as a LabWorld, with its trace, capture and metrics streamed to the page.
//
// Contract:
// - The model is used unchanged: this adapter turns on each simulator's trace, taps
//   each world's capture into a FrameLog and reads figures; it computes nothing the
//   views show.
// - Position: per configuration, (events processed, clock). Because a run is a pure
//   function of (scenario, seed), a world rebuilt from the spec and replayed to the same
//   per-configuration event counts is in the same state (the trace hash in the figures
//   proves it). `seek` backwards rebuilds and replays from time zero (the model has no
//   state snapshot to restore from); `seek` forwards just runs on.
// - `stepBy('crossing')` runs events until some world writes a trace record,
//   `stepBy('packet')` until some world captures a frame; each gives up after
//   STEP_LIMIT events so a quiet model cannot hang the worker.
import { CATEGORIES, type Nanos } from '../sim';
import { Run, type CapturePoint, type World } from '../scenario';
import { FrameLog } from './frame-log';
import type { SeekTarget, SliceBudget, SliceReason, StepUnit, WorldFigures, WorldInfo } from './protocol';
import { resolveScenario, type ResolvedScenario, type ScenarioSpec } from './scenario-source';
import type { SliceStream, WorldStream } from './stream';
import type { LiveChange, LiveValue } from '../scenario/run';
import { outcomeMessage, type ApplyOutcome } from './live-apply';
import { drainTrace } from './trace-drain';
import type { LabWorld, WorldError } from './world';

export const STEP_LIMIT = 200_000;

interface Tap {
  readonly world: World;
  readonly log: FrameLog;
  traceCursor: number;
  frameCursor: number;
  sampleCursor: number;
  eventCursor: number;
  /** Rows of each traced connection already streamed (keyed by the recorder's trace). */
  connectionRows: WeakMap<object, number>;
}

/** Taps a world's capture at `point`, or says why that world cannot capture there. */
function tapWorld(world: World, frameCapacity: number, point: CapturePoint): Tap | WorldError {
  const log = new FrameLog(frameCapacity, point);
  world.sim.trace.enabled = true;
  const err = world.setCapture({ point, frame: (t, source, bytes, comment) => log.frame(t, source, bytes, comment) }, point);
  if (err) return { kind: 'world-error', message: `${world.configuration} ${err.path}: ${err.message}` };
  return { world, log, traceCursor: 0, frameCursor: 0, sampleCursor: 0, eventCursor: 0, connectionRows: new WeakMap() };
}

export interface ScenarioWorldOptions {
  readonly frameCapacity?: number;
  readonly traceCapacity?: number;
}

export class ScenarioLabWorld implements LabWorld {
  readonly info: WorldInfo;
  private run!: Run;
  /** Live changes already streamed, per configuration. */
  private liveCursor: number[] = [];
  private taps: Tap[] = [];

  constructor(private readonly resolved: ResolvedScenario, private readonly opts: ScenarioWorldOptions = {}) {
    this.info = {
      title: resolved.title,
      summary: `${resolved.configurations.join(', ')} on one clock, seed ${resolved.scenario.seed}, `
        + `${resolved.scenario.durationMs} ms of simulated time (workload ${resolved.scenario.workload.kind}).`,
      categories: [...CATEGORIES],
      configurations: [...resolved.configurations],
      notes: [...resolved.notes],
    };
    const err = this.rebuild();
    if (err) throw new Error(err.message);
  }

  private rebuild(): WorldError | null {
    const made = Run.create(this.resolved.scenario, this.resolved.costs, this.resolved.configurations,
      { ...(this.opts.traceCapacity === undefined ? {} : { traceCapacity: this.opts.traceCapacity }), liveChanges: this.resolved.liveChanges });
    if (!made.ok) return { kind: 'world-error', message: `${made.error.path}: ${made.error.message}` };
    this.run = made.run;
    const taps: Tap[] = [];
    for (const w of made.run.worlds) {
      const tap = tapWorld(w, this.opts.frameCapacity ?? 4096, this.resolved.capturePoint);
      if ('kind' in tap) return tap;
      taps.push(tap);
    }
    this.taps = taps;
    return null;
  }

  runFor(budget: SliceBudget): { events: number; reason: SliceReason } {
    const r = this.run.runFor(budget.untilNanos === undefined
      ? { maxEvents: budget.maxEvents }
      : { maxEvents: budget.maxEvents, until: budget.untilNanos as Nanos });
    const reason: SliceReason = r.done ? 'empty'
      : budget.untilNanos !== undefined && r.now >= budget.untilNanos ? 'until' : 'budget';
    return { events: r.events, reason };
  }

  step(): boolean {
    return this.run.step();
  }

  stepBy(unit: StepUnit): boolean {
    if (unit === 'event') return this.step();
    const mark = () => this.taps.reduce((n, t) => n + (unit === 'crossing' ? t.world.sim.trace.totalWritten : t.log.total), 0);
    const before = mark();
    for (let i = 0; i < STEP_LIMIT; i++) {
      if (!this.run.step()) return false;
      if (mark() !== before) return true;
    }
    return false;
  }

  seek(target: SeekTarget): WorldError | null {
    if (target.kind === 'time') {
      if (target.nanos < this.run.now) {
        const err = this.rebuild();
        if (err) return err;
      }
      this.run.advanceTo(target.nanos as Nanos);
      return null;
    }
    if (target.worlds.length !== this.taps.length) {
      return { kind: 'world-error', message: `a position names ${target.worlds.length} configurations, the run has ${this.taps.length}` };
    }
    const behind = this.taps.some((t, i) => t.world.sim.eventsProcessed > target.worlds[i]!.events);
    if (behind) {
      const err = this.rebuild();
      if (err) return err;
    }
    for (let i = 0; i < this.taps.length; i++) {
      const sim = this.taps[i]!.world.sim;
      const want = target.worlds[i]!;
      const more = want.events - sim.eventsProcessed;
      // Through the run, so the live changes logged on the way apply at their positions.
      if (more > 0) this.run.runWorld(i, { maxEvents: more });
      // The clock moved past the last event only when a slice ran to an instant: every
      // event up to that instant had run, so this runs none and only sets the clock.
      if (sim.now < want.nowNanos) this.run.runWorld(i, { until: want.nowNanos as Nanos });
      if (sim.eventsProcessed !== want.events) {
        return { kind: 'world-error', message: `replay of ${this.taps[i]!.world.configuration} reached ${sim.eventsProcessed} events, not ${want.events}` };
      }
    }
    return null;
  }

  /**
   * A live change where the run stands (src/scenario Run.applyLive): never fatal; the
   * world's change log (kept in the resolved scenario, which every rebuild replays)
   * follows the run's, so a seek back replays the change at its position.
   */
  apply(path: string, value: LiveValue): ApplyOutcome {
    const r = this.run.applyLive(path, value);
    if (!r.ok) return { ok: false, message: `${r.error.path}: ${r.error.message}`, at: [], log: this.run.liveChanges, dropped: 0 };
    const log = this.resolved.liveChanges as LiveChange[];
    log.splice(0, log.length, ...this.run.liveChanges);
    const t = Math.min(...r.change.at.map((p) => p.nowNanos));
    return { ok: true, message: outcomeMessage(true, t, r.dropped), at: r.change.at, log: [...log], dropped: r.dropped };
  }

  figures(): WorldFigures {
    const processors: WorldFigures['processors'] = [];
    let events = 0;
    let pending = 0;
    let next = Infinity;
    for (const { world } of this.taps) {
      events += world.sim.eventsProcessed;
      pending += world.sim.pending;
      const t = world.sim.peekTime();
      if (t !== undefined) next = Math.min(next, t);
      const cpus = [...world.server.hostCpus, ...(world.server.iop ? [world.server.iop] : [])];
      for (const p of cpus) {
        processors.push({
          name: p.name.startsWith(`${world.configuration}:`) ? p.name : `${world.configuration}:${p.name}`, clockHz: p.clock, busyNanos: p.busyNanos, totalCycles: p.totalCycles,
          queueDepth: p.queueDepth, cyclesByCategory: Array.from(p.cyclesByCategory()),
        });
      }
    }
    return {
      nowNanos: this.run.now,
      eventsProcessed: events,
      pending,
      nextEventNanos: next === Infinity ? null : next,
      processors,
      worlds: this.taps.map(({ world, log }) => ({
        configuration: world.configuration,
        position: { events: world.sim.eventsProcessed, nowNanos: world.sim.now },
        traceHash: world.sim.trace.hash(),
        traceWritten: world.sim.trace.totalWritten,
        framesCaptured: log.total,
        counters: { ...world.server.counters() },
      })),
      endNanos: this.run.end,
    };
  }

  drain(reset: boolean): SliceStream {
    if (reset) this.liveCursor = [];
    const worlds: WorldStream[] = this.taps.map((tap, i) => {
      if (reset) {
        tap.traceCursor = 0;
        tap.frameCursor = 0;
        tap.sampleCursor = 0;
        tap.eventCursor = 0;
        tap.connectionRows = new WeakMap();
      }
      const { world, log } = tap;
      const tr = drainTrace(world.sim.trace, tap.traceCursor);
      const fr = log.since(tap.frameCursor);
      tap.traceCursor = tr.next;
      tap.frameCursor = log.total;
      const samples: Record<string, Float64Array<ArrayBuffer>> = {};
      for (const [name, col] of Object.entries(world.metrics.samples.slice(tap.sampleCursor))) samples[name] = Float64Array.from(col);
      tap.sampleCursor = world.metrics.samples.length;
      // The charts' annotations and per-connection rows (src/ui/charts feedStream).
      const m = world.metrics;
      const events: { t: number; kind: string; count: number; text?: string }[] = m.events.slice(tap.eventCursor).map((e) => ({ t: e.t, kind: e.kind, count: e.count }));
      // Live changes, as annotations on the charts' time axis ('live-change', with what changed).
      const applied = this.run.appliedChanges[i] ?? [];
      for (const c of applied.slice(this.liveCursor[i] ?? 0)) events.push({ t: c.t, kind: 'live-change', count: 1, text: c.label });
      this.liveCursor[i] = applied.length;
      tap.eventCursor = m.events.length;
      const connections = [...m.connections.values()].map((c) => {
        const from = tap.connectionRows.get(c) ?? 0;
        tap.connectionRows.set(c, c.series.length);
        const cols: Record<string, Float64Array<ArrayBuffer>> = {};
        for (const [name, col] of Object.entries(c.series.slice(from))) cols[name] = Float64Array.from(col);
        return { label: c.label, samples: cols };
      });
      return {
        configuration: world.configuration,
        trace: tr.trace,
        // After a reset what the rings lost is history, not a gap in this stream.
        traceDropped: reset ? 0 : tr.dropped,
        frames: fr.frames,
        framesDropped: reset ? 0 : fr.dropped,
        samples,
        summary: { ...world.metrics.summary() } as Record<string, unknown>,
        events,
        connections,
      };
    });
    return { reset, worlds };
  }
}

export function createScenarioLabWorld(spec: ScenarioSpec, opts: ScenarioWorldOptions = {}): LabWorld | WorldError {
  const resolved = resolveScenario(spec);
  if ('kind' in resolved) return resolved;
  try {
    return new ScenarioLabWorld(resolved, opts);
  } catch (e) {
    return { kind: 'world-error', message: e instanceof Error ? e.message : String(e) };
  }
}
