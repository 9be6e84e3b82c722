// What each chart is: its title for people, how it draws (stacked areas or lines),
// its unit, and a fixed top for percentages so that two runs side by side read alike.
import type { ChartId } from '../model-data';

export type ChartKind = 'stacked' | 'line';

export interface ChartDef {
  readonly id: ChartId;
  readonly title: string;
  readonly kind: ChartKind;
  readonly unit: string;
  /** A fixed top of the y axis (100 for percentages); otherwise the data's maximum. */
  readonly yMax?: number;
  /** One sentence saying what is measured, shown under the title. */
  readonly about: string;
}

export const CHART_DEFS: Readonly<Record<ChartId, ChartDef>> = {
  hostCpu: { id: 'hostCpu', title: 'Host CPU by category', kind: 'stacked', unit: '%', yMax: 100, about: 'Share of all host cores busy, stacked by what the cycles were spent on.' },
  iopCpu: { id: 'iopCpu', title: 'IOP by category', kind: 'stacked', unit: '%', yMax: 100, about: 'Share of the card\'s I/O processor busy, stacked by category (offload only).' },
  goodput: { id: 'goodput', title: 'Goodput', kind: 'line', unit: 'Mb/s', about: 'Application payload delivered per simulated second.' },
  latency: { id: 'latency', title: 'Latency percentiles', kind: 'line', unit: 'µs', about: 'Request (or send-to-ack) latency percentiles over each sample interval.' },
  cwnd: { id: 'cwnd', title: 'Congestion window', kind: 'line', unit: 'B', about: 'cwnd per connection (RFC 5681).' },
  ssthresh: { id: 'ssthresh', title: 'Slow-start threshold', kind: 'line', unit: 'B', about: 'ssthresh per connection (RFC 5681); unbounded, so not drawn, until the first loss.' },
  rtt: { id: 'rtt', title: 'Smoothed RTT', kind: 'line', unit: 'µs', about: 'SRTT per connection (RFC 6298).' },
  interrupts: { id: 'interrupts', title: 'Host interrupts', kind: 'line', unit: '/s', about: 'Interrupts taken by the host per simulated second.' },
  i2oMessages: { id: 'i2oMessages', title: 'I2O messages', kind: 'line', unit: '/s', about: 'I2O frames posted across the bus per simulated second, each way.' },
  framesInUse: { id: 'framesInUse', title: 'I2O frames in use', kind: 'line', unit: 'frames', about: 'Inbound and outbound message frames taken from their free lists.' },
  busUtilization: { id: 'busUtilization', title: 'Bus utilization', kind: 'line', unit: '%', yMax: 100, about: 'Share of the I/O bus busy with DMA, MMIO and frame traffic.' },
};

/** Colours for series that are not cycle categories (connections, percentiles, ports):
 *  Okabe-Ito, safe for the common colour-vision deficiencies. */
export const SERIES_PALETTE: readonly string[] = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#D55E00', '#56B4E9', '#999933', '#7F7F7F'];
