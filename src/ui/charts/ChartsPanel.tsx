// The charts section: one row per measured quantity, one chart per run in each row
// (native, stateless, offload, or the A/B variants), redrawn at most once per frame.
import { useLayoutEffect, useMemo, useState } from 'react';
import { CHART_GROUPS, inGroup } from './chart-groups';
import { labFeed, ringSnapshot, useFeedVersion } from './feed-binding';
import { chartRows } from './chart-rows';
import { LiveChart } from './LiveChart';
import { useMeasureState } from './measure-binding';
import type { MeasureState } from './measure-client';
import { markRedrawEnd, markRedrawStart } from './redraw-marks';
import './Charts.css';

const ms = (ns: number) => `${(ns / 1e6).toFixed(ns < 1e7 ? 1 : 0)} ms`;

function statusText(m: MeasureState): string {
  const p = m.progress;
  switch (m.status) {
    case 'idle':
    case 'starting': return 'Building the scenario\'s worlds…';
    case 'ready': return p && p.nowNanos > 0
      ? `Paused at ${ms(p.nowNanos)} of ${ms(p.endNanos)} simulated. Press Play (Space) to go on.`
      : 'Ready. Press Play (Space): every configuration runs on one clock and the charts fill in as the model runs.';
    case 'running': return `Measuring: ${ms(p?.nowNanos ?? 0)} of ${ms(p?.endNanos ?? 0)} simulated.`;
    case 'done': return `Done: ${ms(p?.endNanos ?? 0)} simulated. Change the scenario or press Reset to measure again.`;
    case 'failed': return m.error ?? 'The measurement failed.';
  }
}

export function ChartsPanel() {
  const measure = useMeasureState();
  const version = useFeedVersion();
  // The feed is mutable and outside React: its version is what changes.
  const [group, setGroup] = useState('cpu');
  // Only the shown group's charts are computed (and their runs' samples copied).
  const rows = useMemo(() => {
    markRedrawStart();
    return chartRows(labFeed.runs, (r) => ringSnapshot(r.ring), labFeed.annotations, (id) => inGroup(group, id));
  }, [version, group]);
  useLayoutEffect(markRedrawEnd, [rows]);
  return (
    <section className="charts" aria-labelledby="charts-title" data-testid="charts.panel">
      <h2 id="charts-title">Charts{measure.variantLabel ? <span className="charts-ab"> A/B: B = A with {measure.variantLabel}</span> : null}</h2>
      <div className="charts-status" data-testid="charts.status" data-status={measure.status}
        data-now={measure.progress?.nowNanos ?? 0} data-end={measure.progress?.endNanos ?? 0}>
        <progress max={measure.progress?.endNanos ?? 1} value={measure.progress?.nowNanos ?? 0} aria-label="Simulated time measured" data-testid="charts.progress" />
        <span role="status" className={measure.status === 'failed' ? 'charts-failed' : undefined}>{statusText(measure)}</span>
      </div>
      <div className="charts-groups" role="group" aria-label="Charts shown">
        {CHART_GROUPS.map((g) => (
          <button key={g.id} type="button" aria-pressed={group === g.id} data-testid={`charts.group.${g.id}`}
            className={group === g.id ? 'btn btn-primary' : 'btn'} onClick={() => setGroup(g.id)}>{g.label}</button>
        ))}
      </div>
      {measure.error && measure.status !== 'failed' ? <p className="param-error" role="alert" data-testid="charts.error">{measure.error}</p> : null}
      {labFeed.runs.length === 0 ? (
        <p className="charts-empty" data-testid="charts.empty">
          The charts fill in while the scenario runs: host CPU by category, IOP, goodput, latency,
          cwnd/ssthresh/RTT, interrupts, I2O messages and frames, bus utilization, one column per configuration
          (and per A/B variant), all on one simulated clock.
        </p>
      ) : rows.map((row) => (
        <div key={row.def.id} className={row.cells.length === 1 ? 'chart-row chart-row-single' : 'chart-row'} data-testid={`charts.row.${row.def.id}`}>
          {row.cells.map((cell) => (
            <LiveChart key={cell.runId} def={row.def} runId={cell.runId} runLabel={cell.runLabel} data={cell.data} sharedYMax={row.sharedYMax} />
          ))}
        </div>
      ))}
    </section>
  );
}
