// Checkpoints for rewinding (issue 5 item 3): paused replicas of the live run
// (run-replica.ts) kept at known positions, so a seek back replays from the nearest
// one instead of from time zero.
//
// Contract:
// - At most `capacity` replicas are held, plus the one being regenerated (memory
//   bound: that many paused runs, each with its trace ring and frame log).
//   `take(target)` removes and returns the held replica that can reach `target` with
//   the most events already run (the least replay), or null; a checkpoint is
//   consumed by use because a run cannot be copied.
// - Policy, for a live position of L events in all (every configuration together),
//   with `spacing` S: `near` rungs at S/2, 2S, 8S, ... behind the live position, each
//   served by a replica up to twice its distance behind (so once regeneration is done,
//   a step back replays at most S events plus one per configuration, and stepping back
//   again and again finds the next near rung a few S away), a *ladder* of `ladder`
//   rungs spread evenly up to where the near rungs reach (scrubbing anywhere replays
//   at most about 1.5 L / ladder events), and one
//   *ahead* slot for the run a backward seek replaced (scrubbing forward again).
//   A rung's per-configuration target is the live position minus its distance shared
//   in proportion to each configuration's events, so it lies on the live run's path.
// - `work(live, maxEvents)` does one bounded slice of regeneration: it advances the
//   job in progress by at most `maxEvents` events (building a fresh replica counts as
//   the slice's start), or starts the job for the most urgent uncovered rung from the
//   best held replica below it (consuming it) or from a fresh replica. It returns
//   whether work remains. It never touches the live replica, so it never changes
//   what the live world shows.
// - Live changes (src/scenario Run.applyLive): `liveChanged(log)` gives every
//   checkpoint behind the change's position the change (it applies when advanced past
//   it) and drops the others, so a checkpoint always replays the live run's log.
// - `clear()` drops every checkpoint and the job in progress (a new world).
import type { LiveChange } from '../scenario/run';
import type { WorldPosition } from './protocol';
import {
  advance, buildReplica, canReach, eventsOf, isReplica, notAfter, positionOf,
  type Replica, type ReplicaOptions,
} from './run-replica';
import type { ResolvedScenario } from './scenario-source';
import type { WorldError } from './world';

export interface CheckpointPolicy {
  /** Distance, in events of all configurations together, of the nearest rung behind the live position. */
  readonly spacing: number;
  /** Near rungs at spacing, 4 x spacing, 16 x spacing, ... behind the live position. */
  readonly near: number;
  /** Rungs spread evenly between time zero and the live position. */
  readonly ladder: number;
}

/** 2000 events: a few ms of replay on one core. Five checkpoints in all (two near, two on
 *  the ladder, one ahead): each paused run holds about 9-16 MB (its preallocated trace
 *  ring and frame log, the model's state), so the store stays under about 100 MB. */
export const DEFAULT_POLICY: CheckpointPolicy = { spacing: 2000, near: 2, ladder: 2 };

/** A rung the policy wants: per-configuration event counts, and how far below it a replica still serves it. */
interface Rung {
  readonly events: readonly number[];
  readonly total: number;
  readonly tolerance: number;
}

interface Job {
  replica: Replica;
  readonly rung: Rung;
}

const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);

/** The live position moved back by `distance` events, shared in proportion to each configuration's events. */
function behind(live: readonly WorldPosition[], distance: number): number[] {
  const total = sum(live.map((p) => p.events));
  return live.map((p) => (total === 0 ? 0 : Math.max(0, p.events - Math.ceil((distance * p.events) / total))));
}

function eventsNotAfter(r: Replica, events: readonly number[]): boolean {
  return r.taps.length === events.length && r.taps.every((t, i) => t.world.sim.eventsProcessed <= events[i]!);
}

export class CheckpointStore {
  private held: Replica[] = [];
  private job: Job | null = null;
  /** Events run by regeneration since the store was made (for tests and the bench). */
  regeneratedEvents = 0;

  constructor(
    private readonly resolved: ResolvedScenario,
    private readonly opts: ReplicaOptions = {},
    readonly policy: CheckpointPolicy = DEFAULT_POLICY,
  ) {}

  /** Near rungs, the ladder and the ahead slot. */
  get capacity(): number {
    return this.policy.near + this.policy.ladder + 1;
  }

  get size(): number {
    return this.held.length;
  }

  /** Positions of the held checkpoints (for tests and diagnostics). */
  positions(): WorldPosition[][] {
    return this.held.map(positionOf);
  }

  clear(): void {
    this.held = [];
    this.job = null;
  }

  /**
   * The live run's change log became `log` (a live change was applied where it stands,
   * src/scenario Run.applyLive, possibly dropping logged changes it had gone back
   * before). A checkpoint whose log is `log` without its last entry takes that entry
   * (Run.scheduleLive: it applies when the checkpoint is advanced past its position);
   * one that lies past the change's position, or carries a dropped change, no longer
   * lies on the live run's path and is dropped.
   */
  liveChanged(log: readonly LiveChange[]): void {
    const last = log[log.length - 1];
    const keeps = (r: Replica) => last !== undefined && sameLog(r.run.liveChanges, log.slice(0, -1)) && r.run.scheduleLive(last).ok;
    this.held = this.held.filter(keeps);
    if (this.job && !keeps(this.job.replica)) this.job = null;
  }

  /** Removes and returns the held replica nearest before `target`, or null. */
  take(target: Parameters<typeof canReach>[1]): Replica | null {
    let best: Replica | null = null;
    for (const r of this.held) if (canReach(r, target) && (!best || eventsOf(r) > eventsOf(best))) best = r;
    if (best) this.held = this.held.filter((r) => r !== best);
    return best;
  }

  /** Keeps `r` (a replica the live world gave up) if the policy has room for it. */
  offer(r: Replica, live: readonly WorldPosition[]): void {
    this.held.push(r);
    this.prune(live);
  }

  /** One bounded slice of regeneration; true while more work remains. */
  work(live: readonly WorldPosition[], maxEvents: number): boolean | WorldError {
    if (!this.job) {
      const rung = this.uncovered(live)[0];
      if (!rung) return false;
      const from = this.sourceFor(rung, live);
      if (from === null) return true;
      if (!isReplica(from)) return from;
      this.job = { replica: from, rung };
      return true;
    }
    const { replica, rung } = this.job;
    const r = advance(replica, { kind: 'position', worlds: rung.events.map((events) => ({ events, nowNanos: 0 })) }, maxEvents);
    if (!isAdvance(r)) {
      this.job = null;
      return r;
    }
    this.regeneratedEvents += r.events;
    if (!r.reached) return true;
    this.job = null;
    this.held.push(replica);
    this.prune(live);
    return this.uncovered(live).length > 0;
  }

  /** The rungs the policy wants for `live`, most urgent first. */
  rungs(live: readonly WorldPosition[]): Rung[] {
    const total = sum(live.map((p) => p.events));
    const out: Rung[] = [];
    const { spacing, near, ladder } = this.policy;
    let lowestNear = total;
    for (let k = 0, d = Math.max(1, Math.floor(spacing / 2)); k < near && d < total; k++, d *= 4) {
      const events = behind(live, d);
      // Served by a replica between d and 2d behind the live position: the nearest rung
      // is then at most `spacing` (plus the rounding, one per configuration) behind.
      out.push({ events, total: sum(events), tolerance: d });
      lowestNear = total - 2 * d;
    }
    // The ladder spreads evenly over what lies below the near rungs' reach.
    const top = lowestNear - 1;
    for (let j = ladder; j >= 1 && top > 0; j--) {
      const events = behind(live, total - Math.floor((top * j) / ladder));
      const t = sum(events);
      if (t <= 0) continue;
      out.push({ events, total: t, tolerance: Math.max(1, Math.floor(top / (2 * ladder))) });
    }
    return out;
  }

  /** Rungs no held replica serves, in urgency order (each replica serves at most one rung). */
  private uncovered(live: readonly WorldPosition[]): Rung[] {
    const used = new Set<Replica>();
    const out: Rung[] = [];
    for (const rung of this.rungs(live)) {
      const r = this.servingReplica(rung, used);
      if (r) used.add(r);
      else out.push(rung);
    }
    return out;
  }

  private servingReplica(rung: Rung, used: ReadonlySet<Replica>): Replica | null {
    let best: Replica | null = null;
    for (const r of this.held) {
      if (used.has(r) || !eventsNotAfter(r, rung.events) || rung.total - eventsOf(r) > rung.tolerance) continue;
      if (!best || eventsOf(r) > eventsOf(best)) best = r;
    }
    return best;
  }

  /** The replica a job for `rung` starts from: the best held one below it that serves no
   *  more urgent rung (taken from the store), else a fresh one. */
  private sourceFor(rung: Rung, live: readonly WorldPosition[]): Replica | WorldError | null {
    const keep = new Set<Replica>();
    for (const r of this.rungs(live)) {
      if (r === rung || r.total === rung.total) break;
      const s = this.servingReplica(r, keep);
      if (s) keep.add(s);
    }
    let best: Replica | null = null;
    for (const r of this.held) {
      if (keep.has(r) || !eventsNotAfter(r, rung.events)) continue;
      if (!best || eventsOf(r) > eventsOf(best)) best = r;
    }
    if (best) {
      this.held = this.held.filter((r) => r !== best);
      return best;
    }
    return buildReplica(this.resolved, this.opts);
  }

  /** Keeps the replicas serving rungs, then the nearest one ahead of the live position,
   *  then the others nearest the live position, up to capacity. */
  private prune(live: readonly WorldPosition[]): void {
    const keep: Replica[] = [];
    const used = new Set<Replica>();
    for (const rung of this.rungs(live)) {
      const r = this.servingReplica(rung, used);
      if (r) {
        used.add(r);
        keep.push(r);
      }
    }
    const ahead = this.held.filter((r) => !notAfter(r, live)).sort((a, b) => eventsOf(a) - eventsOf(b));
    if (ahead[0] && !used.has(ahead[0])) keep.push(ahead[0]);
    const rest = this.held.filter((r) => !keep.includes(r) && notAfter(r, live)).sort((a, b) => eventsOf(b) - eventsOf(a));
    this.held = [...keep, ...rest].slice(0, this.capacity);
  }
}

function sameLog(a: readonly LiveChange[], b: readonly LiveChange[]): boolean {
  return a.length === b.length && a.every((c, k) => {
    const d = b[k]!;
    return c.path === d.path && c.value === d.value && c.at.length === d.at.length
      && c.at.every((p, i) => p.events === d.at[i]!.events && p.nowNanos === d.at[i]!.nowNanos);
  });
}

function isAdvance(x: { events: number; reached: boolean } | WorldError): x is { events: number; reached: boolean } {
  return 'reached' in x;
}
