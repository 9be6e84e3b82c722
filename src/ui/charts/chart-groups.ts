// The charts shown together: one group at a time, so the first view is a few charts a
// person can read (the CPU that offload saves), not a scroll of twenty.
import type { ChartId } from '../model-data';

export interface ChartGroup {
  readonly id: string;
  readonly label: string;
  /** null: every chart. */
  readonly charts: readonly ChartId[] | null;
}

export const CHART_GROUPS: readonly ChartGroup[] = [
  { id: 'cpu', label: 'CPU: host and IOP', charts: ['hostCpu', 'iopCpu'] },
  { id: 'throughput', label: 'Goodput and latency', charts: ['goodput', 'latency'] },
  { id: 'tcp', label: 'TCP per connection', charts: ['cwnd', 'ssthresh', 'rtt'] },
  { id: 'io', label: 'Interrupts, I2O and bus', charts: ['interrupts', 'i2oMessages', 'framesInUse', 'busUtilization'] },
  { id: 'all', label: 'All charts', charts: null },
];

export function inGroup(groupId: string, chart: ChartId): boolean {
  const g = CHART_GROUPS.find((x) => x.id === groupId);
  return !g || g.charts === null || g.charts.includes(chart);
}
