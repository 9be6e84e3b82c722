// The charts section: one row per measured quantity, one chart per run in each row
// (native, stateless, offload, or the A/B variants), redrawn at most once per frame.
import { useMemo } from 'react';
import { labFeed, ringSnapshot, useFeedVersion } from './feed-binding';
import { chartRows } from './chart-rows';
import { LiveChart } from './LiveChart';
import './Charts.css';

export function ChartsPanel() {
  const version = useFeedVersion();
  // The feed is mutable and outside React: its version is what changes.
  const rows = useMemo(() => chartRows(labFeed.runs, (r) => ringSnapshot(r.ring), labFeed.annotations), [version]);
  return (
    <section className="charts" aria-labelledby="charts-title" data-testid="charts.panel">
      <h2 id="charts-title">Charts</h2>
      {rows.length === 0 ? (
        <p className="charts-empty" data-testid="charts.empty">
          The charts fill in while the model runs a scenario: host CPU by category, IOP, goodput, latency,
          cwnd/ssthresh/RTT, interrupts, I2O messages and frames, bus utilization, one column per configuration.
          The world now in the worker reports no network metrics.
        </p>
      ) : rows.map((row) => (
        <div key={row.def.id} className="chart-row" data-testid={`charts.row.${row.def.id}`}>
          {row.cells.map((cell) => (
            <LiveChart key={cell.runId} def={row.def} runId={cell.runId} runLabel={cell.runLabel} data={cell.data} sharedYMax={row.sharedYMax} />
          ))}
        </div>
      ))}
    </section>
  );
}
