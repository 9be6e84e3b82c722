// One copy of a scenario's run as the worker keeps it: the src/scenario Run (every
// configuration on one clock) with its taps (trace on, capture into a FrameLog, the
// cursors of what has been streamed). The live world is one replica; paused
// checkpoints (checkpoints.ts) are others. A replica cannot be copied (the model's
// event queue holds closures), only built from (scenario, seed) and replayed forward.
//
// Contract:
// - `buildReplica` makes a fresh replica at time zero; each replica owns its own taps,
//   so a replica's FrameLog and cursors never see another replica's frames.
// - A replica's position is, per configuration, (events processed, clock). Because a
//   run is a pure function of (scenario, seed) and each configuration is its own
//   simulator, a replica at position p that `canReach` a target and is then `advance`d
//   to it is in exactly the state a fresh replica advanced to that target is in.
// - `canReach(r, target)`: a position target needs, per configuration, no more events
//   and no later clock than the target; a time target needs every clock strictly
//   before the instant (a clock at the instant may hold events at it that a replay
//   from zero would run). A fresh replica can reach every target.
// - `advance` runs the replay and says how many events it ran; it never runs past the
//   target, and reports a typed error when the replay does not land on it.
import type { Nanos } from '../sim';
import { Run, type CapturePoint, type World } from '../scenario';
import { FrameLog } from './frame-log';
import type { SeekTarget, WorldPosition } from './protocol';
import type { ResolvedScenario } from './scenario-source';
import type { WorldError } from './world';

export interface Tap {
  readonly world: World;
  readonly log: FrameLog;
  traceCursor: number;
  frameCursor: number;
  sampleCursor: number;
  eventCursor: number;
  /** Rows of each traced connection already streamed (keyed by the recorder's trace). */
  connectionRows: WeakMap<object, number>;
}

export interface Replica {
  readonly run: Run;
  readonly taps: readonly Tap[];
}

export interface ReplicaOptions {
  readonly frameCapacity?: number;
  readonly traceCapacity?: number;
}

/** Taps a world's capture at `point`, or says why that world cannot capture there. */
function tapWorld(world: World, frameCapacity: number, point: CapturePoint): Tap | WorldError {
  const log = new FrameLog(frameCapacity, point);
  world.sim.trace.enabled = true;
  const err = world.setCapture({ point, frame: (t, source, bytes, comment) => log.frame(t, source, bytes, comment) }, point);
  if (err) return { kind: 'world-error', message: `${world.configuration} ${err.path}: ${err.message}` };
  return { world, log, traceCursor: 0, frameCursor: 0, sampleCursor: 0, eventCursor: 0, connectionRows: new WeakMap() };
}

/** A fresh replica at time zero. */
export function buildReplica(resolved: ResolvedScenario, opts: ReplicaOptions = {}): Replica | WorldError {
  // The resolved scenario's live change log (kept current by the scenario world) is replayed.
  const made = Run.create(resolved.scenario, resolved.costs, resolved.configurations,
    { ...(opts.traceCapacity === undefined ? {} : { traceCapacity: opts.traceCapacity }), liveChanges: resolved.liveChanges });
  if (!made.ok) return { kind: 'world-error', message: `${made.error.path}: ${made.error.message}` };
  const taps: Tap[] = [];
  for (const w of made.run.worlds) {
    const tap = tapWorld(w, opts.frameCapacity ?? 4096, resolved.capturePoint);
    if ('kind' in tap) return tap;
    taps.push(tap);
  }
  return { run: made.run, taps };
}

export function isReplica(x: Replica | WorldError): x is Replica {
  return 'run' in x;
}

export function positionOf(r: Replica): WorldPosition[] {
  return r.taps.map((t) => ({ events: t.world.sim.eventsProcessed, nowNanos: t.world.sim.now }));
}

/** Events processed by every configuration together. */
export function eventsOf(r: Replica): number {
  let n = 0;
  for (const t of r.taps) n += t.world.sim.eventsProcessed;
  return n;
}

/** Whether each configuration of `r` is at or before `to` (events and clock). */
export function notAfter(r: Replica, to: readonly WorldPosition[]): boolean {
  return r.taps.length === to.length
    && r.taps.every((t, i) => t.world.sim.eventsProcessed <= to[i]!.events && t.world.sim.now <= to[i]!.nowNanos);
}

export function canReach(r: Replica, target: SeekTarget): boolean {
  if (target.kind === 'position') return notAfter(r, target.worlds);
  if (eventsOf(r) === 0 && r.run.now === 0) return true;
  const to = Math.min(target.nanos, r.run.end);
  return r.taps.every((t) => t.world.sim.now < to);
}

/**
 * Replays `r` forward to `target` (which it must `canReach`): per configuration the
 * missing events, then the clock; for an instant, every configuration up to it.
 * `maxEvents` bounds the events run by this call (idle work advances in slices); the
 * result says how many ran and whether the target was reached.
 */
export function advance(r: Replica, target: SeekTarget, maxEvents = Infinity): { events: number; reached: boolean } | WorldError {
  if (target.kind === 'time') {
    if (maxEvents === Infinity) return { events: r.run.advanceTo(target.nanos as Nanos).events, reached: true };
    const to = Math.min(target.nanos, r.run.end);
    const s = r.run.runFor({ maxEvents, until: to as Nanos });
    const reached = r.taps.every((t) => t.world.sim.now >= to);
    return { events: s.events, reached };
  }
  if (target.worlds.length !== r.taps.length) {
    return { kind: 'world-error', message: `a position names ${target.worlds.length} configurations, the run has ${r.taps.length}` };
  }
  let left = maxEvents;
  let events = 0;
  for (let i = 0; i < r.taps.length; i++) {
    const tap = r.taps[i]!;
    const sim = tap.world.sim;
    const want = target.worlds[i]!;
    const more = Math.min(want.events - sim.eventsProcessed, left);
    if (more > 0) {
      // Through the run, so logged live changes apply at their positions.
      const ran = r.run.runWorld(i, { maxEvents: more }).events;
      events += ran;
      left -= ran;
    }
    if (sim.eventsProcessed < want.events) {
      if (left > 0) return { kind: 'world-error', message: `replay of ${tap.world.configuration} ran out of events at ${sim.eventsProcessed}, not ${want.events}` };
      return { events, reached: false };
    }
    // The clock moved past the last event only when a slice ran to an instant: every
    // event up to that instant had run, so this runs none and only sets the clock.
    if (sim.now < want.nowNanos) r.run.runWorld(i, { until: want.nowNanos as Nanos });
    if (sim.eventsProcessed !== want.events) {
      return { kind: 'world-error', message: `replay of ${tap.world.configuration} reached ${sim.eventsProcessed} events, not ${want.events}` };
    }
  }
  return { events, reached: true };
}
