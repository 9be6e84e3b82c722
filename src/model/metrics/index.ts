// src/model/metrics: sampled series, summaries and latency histograms per configuration.
export { Histogram } from './histogram';
export { SeriesTable } from './series';
export { MetricsRecorder, SAMPLE_COLUMNS, type ConnectionTrace, type EventKind, type MetricEvent, type RecorderOptions } from './recorder';
export { summarize, type LatencySummary, type Summary, type SummaryInput } from './summary';
export { takeSnapshot, type Snapshot } from './snapshot';
