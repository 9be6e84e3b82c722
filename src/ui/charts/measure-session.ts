// The measurement behind the live charts, as it runs inside the measure worker: the
// scenario's run (every configuration on one clock, src/scenario Run) and, for A/B,
// the variant's run beside it, advanced together in slices; after each slice, what is
// new in every world's metrics (sample rows, events, connection rows) and the summary
// so far, ready for feedStream. Pure and deterministic: the same scenarios and slice
// budgets give the same parts. `rewind(t)` goes back to a simulated instant (when the
// lab's world steps back or is scrubbed): the runs are rebuilt from their scenarios
// and replayed to t (a run is a pure function of its scenario), and the parts then
// hold everything recorded up to t, for feedStream with reset.
//
// Live changes (measure-live.ts): the session holds the lab's live changes as (instant,
// path, value) and every run follows them, each applied at its instant however the run
// is sliced; `setLive` takes a new list (grown, or truncated when the lab changed its
// history), rebuilding and replaying a run whose past it rewrote. A rebuild (rewind,
// setLive) replays the list, so a run is a pure function of (scenario, seed, list).
// Each applied change is an event of kind 'live-change' in the parts, with its text.
import { createRun, parseScenario, type Run } from '../../scenario';
import type { MetricStreamPart } from './from-stream';
import { LiveFollower, type LiveRefusal, type MeasureLiveChange } from './measure-live';

interface Cursor { samples: number; events: number; live: number }

export interface MeasureProgress {
  readonly nowNanos: number;
  readonly endNanos: number;
  readonly done: boolean;
  readonly events: number;
}

export interface MeasureSlice extends MeasureProgress {
  readonly a: MetricStreamPart[];
  readonly b: MetricStreamPart[] | null;
  /** Live changes the variant refused so far (the first run's; both take the same list). */
  readonly refused: readonly LiveRefusal[];
}

type Build = () => Run | string;

export class MeasureSession {
  private readonly cursors = new Map<object, Cursor>();
  private readonly connRows = new WeakMap<object, number>();
  private runA: Run;
  private runB: Run | null;
  private liveA: LiveFollower;
  private liveB: LiveFollower;

  private constructor(private readonly buildA: Build, private readonly buildB: Build | null, a: Run, b: Run | null, private live: readonly MeasureLiveChange[]) {
    this.runA = a;
    this.runB = b;
    this.liveA = new LiveFollower(live);
    this.liveB = new LiveFollower(live);
  }

  get a(): Run {
    return this.runA;
  }

  get b(): Run | null {
    return this.runB;
  }

  /** Builds the runs; scenarios come as JSON (validated again here); `live`: the lab's live changes so far. */
  static create(aJson: unknown, bJson: unknown | null, live: readonly MeasureLiveChange[] = []): { ok: true; session: MeasureSession } | { ok: false; error: string } {
    const build = (json: unknown, which: string): Run | string => {
      const p = parseScenario(json);
      if (!p.ok) return `${which}: ${p.errors.map((e) => `${e.path} ${e.message}`).join('; ')}`;
      const r = createRun(p.scenario);
      if (!r.ok) return `${which}: ${r.errors.map((e) => `${e.path} ${e.message}`).join('; ')}`;
      return r.run;
    };
    const buildA = () => build(aJson, 'scenario');
    const buildB = bJson === null ? null : () => build(bJson, 'variant B');
    const a = buildA();
    if (typeof a === 'string') return { ok: false, error: a };
    const b = buildB === null ? null : buildB();
    if (typeof b === 'string') return { ok: false, error: b };
    return { ok: true, session: new MeasureSession(buildA, buildB, a, b, live) };
  }

  /** The live changes the runs follow. */
  get liveChanges(): readonly MeasureLiveChange[] {
    return this.live;
  }

  /**
   * Takes the lab's live change list (the whole list: grown by a change, or truncated
   * when the lab dropped changes it had not reached). Changes whose instant lies at or
   * before `untilNanos` (the lab's clock; none given: no bound) are applied now, the
   * runs advanced to them if behind. A run whose past the new list rewrites is rebuilt
   * and replayed to where it stood, and the slice then holds everything (reset).
   */
  setLive(changes: readonly MeasureLiveChange[], untilNanos?: number): { slice: MeasureSlice; reset: boolean } | string {
    const at = this.progress.nowNanos;
    this.live = changes.map((c) => ({ ...c }));
    const keeps = this.liveA.replace(this.runA, this.live) && (this.runB === null || this.liveB.replace(this.runB, this.live));
    if (!keeps) {
      const s = this.rebuild(at);
      return typeof s === 'string' ? s : { slice: s, reset: true };
    }
    const due = this.live.filter((c) => c.nanos > at && c.nanos <= (untilNanos ?? Infinity));
    if (due.length > 0) {
      const to = Math.max(...due.map((c) => c.nanos));
      this.liveA.advanceTo(this.runA, to);
      if (this.runB) this.liveB.advanceTo(this.runB, to);
    }
    return { slice: { ...this.progress, a: this.drain(this.runA), b: this.runB ? this.drain(this.runB) : null, refused: this.liveA.refused }, reset: false };
  }

  /** Back to `nanos` (rebuilt and replayed; forward it just runs on): the parts hold
   *  everything recorded up to there. An error only if the scenario no longer builds. */
  rewind(nanos: number): MeasureSlice | string {
    if (nanos < this.progress.nowNanos) return this.rebuild(nanos);
    this.liveA.advanceTo(this.runA, nanos);
    if (this.runB) this.liveB.advanceTo(this.runB, nanos);
    return { ...this.progress, a: this.drain(this.runA, true), b: this.runB ? this.drain(this.runB, true) : null, refused: this.liveA.refused };
  }

  /** The runs built afresh and replayed to `nanos` with the live list. */
  private rebuild(nanos: number): MeasureSlice | string {
    const a = this.buildA();
    if (typeof a === 'string') return a;
    const b = this.buildB === null ? null : this.buildB();
    if (typeof b === 'string') return b;
    this.runA = a;
    this.runB = b;
    this.liveA = new LiveFollower(this.live);
    this.liveB = new LiveFollower(this.live);
    this.cursors.clear();
    return this.rewind(nanos);
  }

  get progress(): MeasureProgress {
    const runs = this.b ? [this.a, this.b] : [this.a];
    const now = Math.min(...runs.map((r) => r.now));
    return { nowNanos: now, endNanos: this.a.end, done: runs.every((r) => r.done), events: runs.reduce((n, r) => n + r.events, 0) };
  }

  /** Advances both runs by at most `maxEvents` events in all (B never ahead of A by more
   *  than its quantum), and A no further than `untilNanos` when given (the page's clock). */
  slice(maxEvents: number, untilNanos?: number): MeasureSlice {
    const share = this.b ? Math.max(1, Math.floor(maxEvents / 2)) : maxEvents;
    this.liveA.runFor(this.runA, untilNanos === undefined ? { maxEvents: share } : { maxEvents: share, until: untilNanos });
    if (this.runB) this.liveB.runFor(this.runB, { maxEvents: share, until: this.runA.now });
    return { ...this.progress, a: this.drain(this.runA), b: this.runB ? this.drain(this.runB) : null, refused: this.liveA.refused };
  }

  /** Everything recorded so far (after a restart of the page's view of it). */
  private drain(run: Run, all = false): MetricStreamPart[] {
    return run.worlds.map((w, i) => {
      const c = all ? { samples: 0, events: 0, live: 0 } : this.cursors.get(w) ?? { samples: 0, events: 0, live: 0 };
      const m = w.metrics;
      const applied = run.appliedChanges[i] ?? [];
      // Live changes as annotations on the time axis, with what changed (as the lab's stream does).
      const changes = applied.slice(c.live).map((a) => ({ t: a.t as number, kind: 'live-change', count: 1, text: a.label }));
      const part: MetricStreamPart = {
        configuration: w.configuration,
        samples: m.samples.slice(c.samples),
        summary: m.samples.length > 0 ? { ...m.summary() } : null,
        events: [...m.events.slice(c.events).map((e) => ({ t: e.t as number, kind: e.kind as string, count: e.count })), ...changes],
        connections: [...m.connections.values()].map((t) => {
          const from = all ? 0 : this.connRows.get(t) ?? 0;
          this.connRows.set(t, t.series.length);
          return { label: t.label, samples: t.series.slice(from) };
        }),
      };
      this.cursors.set(w, { samples: m.samples.length, events: m.events.length, live: applied.length });
      return part;
    });
  }
}
