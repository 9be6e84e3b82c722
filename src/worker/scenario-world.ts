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
//   proves it). The model's state cannot be serialized (its event queue holds
//   closures), so a snapshot here is a paused copy of the run (checkpoints.ts): `seek`
//   takes the replica (the live run or a checkpoint) nearest before the target, or a
//   fresh one, replays it forward and makes it the live run; the live run it replaces
//   may stay as a checkpoint. Whatever replica it starts from, the world lands in the
//   same state, with the same figures and the same drained history (`drain(true)`).
// - `idle(maxEvents)` regenerates checkpoints in slices of at most `maxEvents` events;
//   it never touches the live run.
// - `stepBy('crossing')` runs events until some world writes a trace record,
//   `stepBy('packet')` until some world captures a frame; each gives up after
//   STEP_LIMIT events so a quiet model cannot hang the worker.
import { CATEGORIES, type Nanos } from '../sim';
import type { Run } from '../scenario';
import { CheckpointStore, type CheckpointPolicy } from './checkpoints';
import type { SeekTarget, SliceBudget, SliceReason, StepUnit, WorldFigures, WorldInfo, WorldSpec } from './protocol';
import { advance, buildReplica, canReach, eventsOf, isReplica, positionOf, type Replica, type Tap } from './run-replica';
import { resolveScenario, type ResolvedScenario, type ScenarioSpec } from './scenario-source';
import type { SliceStream, WorldStream } from './stream';
import type { LiveChange, LiveValue } from '../scenario/run';
import { outcomeMessage, type ApplyOutcome } from './live-apply';
import { drainTrace } from './trace-drain';
import type { LabWorld, WorldError } from './world';

export const STEP_LIMIT = 200_000;

export interface ScenarioWorldOptions {
  readonly frameCapacity?: number;
  readonly traceCapacity?: number;
  /** Where the checkpoints stand (checkpoints.ts DEFAULT_POLICY when absent). */
  readonly checkpoints?: CheckpointPolicy;
}

export class ScenarioLabWorld implements LabWorld {
  readonly info: WorldInfo;
  private run!: Run;
  /** Live changes already streamed, per configuration. */
  private liveCursor: number[] = [];
  private taps: readonly Tap[] = [];
  readonly checkpoints: CheckpointStore;
  /** Events the last `seek` ran to reach its target (from whichever replica it started). */
  seekEvents = 0;

  constructor(private readonly resolved: ResolvedScenario, private readonly opts: ScenarioWorldOptions = {}) {
    this.info = {
      title: resolved.title,
      summary: `${resolved.configurations.join(', ')} on one clock, seed ${resolved.scenario.seed}, `
        + `${resolved.scenario.durationMs} ms of simulated time (workload ${resolved.scenario.workload.kind}).`,
      categories: [...CATEGORIES],
      configurations: [...resolved.configurations],
      notes: [...resolved.notes],
    };
    this.checkpoints = new CheckpointStore(resolved, opts, opts.checkpoints);
    const made = buildReplica(resolved, opts);
    if (!isReplica(made)) throw new Error(made.message);
    this.adopt(made);
  }

  /** A world for a spec, or why there is none (as createScenarioLabWorld, with its options). */
  static fromSpec(spec: WorldSpec, opts: ScenarioWorldOptions = {}): ScenarioLabWorld | WorldError {
    if (spec.kind !== 'scenario') return { kind: 'world-error', message: `not a scenario world: ${spec.kind}` };
    const w = createScenarioLabWorld(spec, opts);
    return w instanceof ScenarioLabWorld ? w : w as WorldError;
  }

  private adopt(r: Replica): void {
    this.run = r.run;
    this.taps = r.taps;
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
    if (target.kind === 'position' && target.worlds.length !== this.taps.length) {
      return { kind: 'world-error', message: `a position names ${target.worlds.length} configurations, the run has ${this.taps.length}` };
    }
    const live: Replica = { run: this.run, taps: this.taps };
    // The live run goes on forward; an instant behind its clock needs another replica.
    const liveCan = target.kind === 'time' ? target.nanos >= this.run.now : canReach(live, target);
    const held = this.checkpoints.take(target);
    let from: Replica;
    if (liveCan && (!held || eventsOf(held) <= eventsOf(live))) {
      if (held) this.checkpoints.offer(held, positionOf(live));
      from = live;
    } else {
      const fresh = held ?? buildReplica(this.resolved, this.opts);
      if (!isReplica(fresh)) return fresh;
      from = fresh;
    }
    const r = advance(from, target);
    if ('kind' in r) return r;
    this.seekEvents = r.events;
    if (from !== live) {
      this.adopt(from);
      this.checkpoints.offer(live, positionOf(from));
    }
    return null;
  }

  idle(maxEvents: number): boolean {
    const more = this.checkpoints.work(positionOf({ run: this.run, taps: this.taps }), maxEvents);
    if (typeof more === 'boolean') return more;
    // Regeneration failed (it cannot for a run that built once): stop, keep the live run.
    this.checkpoints.clear();
    return false;
  }

  dispose(): void {
    this.checkpoints.clear();
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
    // Checkpoints behind the change take it (applied when they pass its position); ones
    // past it hold a history it replaced and are dropped.
    this.checkpoints.liveChanged(this.run.liveChanges);
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
