// The measurement behind the live charts, as it runs inside the measure worker: the
// scenario's run (every configuration on one clock, src/scenario Run) and, for A/B,
// the variant's run beside it, advanced together in slices; after each slice, what is
// new in every world's metrics (sample rows, events, connection rows) and the summary
// so far, ready for feedStream. Pure and deterministic: the same scenarios and slice
// budgets give the same parts. `rewind(t)` goes back to a simulated instant (when the
// lab's world steps back or is scrubbed): the runs are rebuilt from their scenarios
// and replayed to t (a run is a pure function of its scenario), and the parts then
// hold everything recorded up to t, for feedStream with reset.
import { createRun, parseScenario, type Run } from '../../scenario';
import type { Nanos } from '../../sim';
import type { MetricStreamPart } from './from-stream';

interface Cursor { samples: number; events: number }

export interface MeasureProgress {
  readonly nowNanos: number;
  readonly endNanos: number;
  readonly done: boolean;
  readonly events: number;
}

export interface MeasureSlice extends MeasureProgress {
  readonly a: MetricStreamPart[];
  readonly b: MetricStreamPart[] | null;
}

type Build = () => Run | string;

export class MeasureSession {
  private readonly cursors = new Map<object, Cursor>();
  private readonly connRows = new WeakMap<object, number>();
  private runA: Run;
  private runB: Run | null;

  private constructor(private readonly buildA: Build, private readonly buildB: Build | null, a: Run, b: Run | null) {
    this.runA = a;
    this.runB = b;
  }

  get a(): Run {
    return this.runA;
  }

  get b(): Run | null {
    return this.runB;
  }

  /** Builds the runs; scenarios come as JSON (validated again here). */
  static create(aJson: unknown, bJson: unknown | null): { ok: true; session: MeasureSession } | { ok: false; error: string } {
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
    return { ok: true, session: new MeasureSession(buildA, buildB, a, b) };
  }

  /** Back to `nanos` (rebuilt and replayed; forward it just runs on): the parts hold
   *  everything recorded up to there. An error only if the scenario no longer builds. */
  rewind(nanos: number): MeasureSlice | string {
    if (nanos < this.progress.nowNanos) {
      const a = this.buildA();
      if (typeof a === 'string') return a;
      const b = this.buildB === null ? null : this.buildB();
      if (typeof b === 'string') return b;
      this.runA = a;
      this.runB = b;
      this.cursors.clear();
    }
    this.runA.advanceTo(nanos as Nanos);
    this.runB?.advanceTo(nanos as Nanos);
    return { ...this.progress, a: this.drain(this.runA, true), b: this.runB ? this.drain(this.runB, true) : null };
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
    this.a.runFor(untilNanos === undefined ? { maxEvents: share } : { maxEvents: share, until: untilNanos as Nanos });
    if (this.b) this.b.runFor({ maxEvents: share, until: this.a.now });
    return { ...this.progress, a: this.drain(this.a), b: this.b ? this.drain(this.b) : null };
  }

  /** Everything recorded so far (after a restart of the page's view of it). */
  private drain(run: Run, all = false): MetricStreamPart[] {
    return run.worlds.map((w) => {
      const c = all ? { samples: 0, events: 0 } : this.cursors.get(w) ?? { samples: 0, events: 0 };
      const m = w.metrics;
      const part: MetricStreamPart = {
        configuration: w.configuration,
        samples: m.samples.slice(c.samples),
        summary: m.samples.length > 0 ? { ...m.summary() } : null,
        events: m.events.slice(c.events).map((e) => ({ t: e.t, kind: e.kind, count: e.count })),
        connections: [...m.connections.values()].map((t) => {
          const from = all ? 0 : this.connRows.get(t) ?? 0;
          this.connRows.set(t, t.series.length);
          return { label: t.label, samples: t.series.slice(from) };
        }),
      };
      this.cursors.set(w, { samples: m.samples.length, events: m.events.length });
      return part;
    });
  }
}
