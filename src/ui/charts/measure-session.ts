// The measurement behind the live charts, as it runs inside the measure worker: the
// scenario's run (every configuration on one clock, src/scenario Run) and, for A/B,
// the variant's run beside it, advanced together in slices; after each slice, what is
// new in every world's metrics (sample rows, events, connection rows) and the summary
// so far, ready for feedStream. Pure and deterministic: the same scenarios and slice
// budgets give the same parts.
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

export class MeasureSession {
  private readonly cursors = new Map<object, Cursor>();
  private readonly connRows = new WeakMap<object, number>();

  private constructor(readonly a: Run, readonly b: Run | null) {}

  /** Builds the runs; scenarios come as JSON (validated again here). */
  static create(aJson: unknown, bJson: unknown | null): { ok: true; session: MeasureSession } | { ok: false; error: string } {
    const build = (json: unknown, which: string): Run | string => {
      const p = parseScenario(json);
      if (!p.ok) return `${which}: ${p.errors.map((e) => `${e.path} ${e.message}`).join('; ')}`;
      const r = createRun(p.scenario);
      if (!r.ok) return `${which}: ${r.errors.map((e) => `${e.path} ${e.message}`).join('; ')}`;
      return r.run;
    };
    const a = build(aJson, 'scenario');
    if (typeof a === 'string') return { ok: false, error: a };
    const b = bJson === null ? null : build(bJson, 'variant B');
    if (typeof b === 'string') return { ok: false, error: b };
    return { ok: true, session: new MeasureSession(a, b) };
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
  private drain(run: Run): MetricStreamPart[] {
    return run.worlds.map((w) => {
      const c = this.cursors.get(w) ?? { samples: 0, events: 0 };
      const m = w.metrics;
      const part: MetricStreamPart = {
        configuration: w.configuration,
        samples: m.samples.slice(c.samples),
        summary: m.samples.length > 0 ? { ...m.summary() } : null,
        events: m.events.slice(c.events).map((e) => ({ t: e.t, kind: e.kind, count: e.count })),
        connections: [...m.connections.values()].map((t) => {
          const from = this.connRows.get(t) ?? 0;
          this.connRows.set(t, t.series.length);
          return { label: t.label, samples: t.series.slice(from) };
        }),
      };
      this.cursors.set(w, { samples: m.samples.length, events: m.events.length });
      return part;
    });
  }
}
