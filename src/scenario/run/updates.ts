// What a worker posts to the page as a run goes on (DESIGN.md 2.2 (a)): per
// configuration the metric rows, events and connection traces added since the
// last update, as plain typed arrays and records (structured-clone friendly).
// The caller keeps the cursor and passes it back next time.
import type { MetricEvent } from '../../model/metrics';
import type { Configuration } from '../schema';
import type { Run } from './run';

export interface UpdateCursor {
  /** Rows and events already sent, per configuration (index as run.worlds). */
  readonly rows: number[];
  readonly events: number[];
  readonly connectionRows: Map<string, number>[];
}

export interface ConfigurationUpdate {
  readonly configuration: Configuration;
  readonly now: number;
  readonly columns: Record<string, Float64Array>;
  readonly events: MetricEvent[];
  readonly connections: { readonly label: string; readonly columns: Record<string, Float64Array> }[];
}

export function newCursor(run: Run): UpdateCursor {
  return { rows: run.worlds.map(() => 0), events: run.worlds.map(() => 0), connectionRows: run.worlds.map(() => new Map()) };
}

/** Everything new since `cursor` (which is advanced). */
export function metricsSince(run: Run, cursor: UpdateCursor): ConfigurationUpdate[] {
  return run.worlds.map((w, i) => {
    const m = w.metrics;
    const columns = m.samples.slice(cursor.rows[i]);
    cursor.rows[i] = m.samples.length;
    const events = m.events.slice(cursor.events[i]);
    cursor.events[i] = m.events.length;
    const seen = cursor.connectionRows[i]!;
    const connections: ConfigurationUpdate['connections'] = [];
    for (const tr of m.connections.values()) {
      const from = seen.get(tr.label) ?? 0;
      if (tr.series.length > from) connections.push({ label: tr.label, columns: tr.series.slice(from) });
      seen.set(tr.label, tr.series.length);
    }
    return { configuration: w.configuration, now: w.sim.now, columns, events, connections };
  });
}
