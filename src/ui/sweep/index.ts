// Public names of the sweeps: the worker pool, the one-point job, the form's logic,
// plot geometry and the panel. The worker entry itself is sweep.worker.ts.
export { runPool, poolSize, type PoolSlot, type SlotFactory, type JobResult, type PoolProgress, type PoolRun, type PoolOutcome } from './pool';
export { runSweepJob, type SweepJob, type SweepJobResult } from './sweep-job';
export { sweepSlot, browserSweepWorker, type SweepWorkerLike } from './worker-slot';
export { sweepablePaths, readAxes, sweepConfigurations, type AxisDraft, type SweepablePath, type AxesRead } from './sweep-form';
export { sweepLinePlot, heatmapCells, seriesOf, type SweepLine, type SweepLinePlot, type HeatCell } from './sweep-plot';
export { SWEEP_METRICS, pointGain, type SweepMetric, type SweepPointSummary, type SweepConfigFigures } from './sweep-types';
export { SweepLineChart } from './SweepLineChart';
export { SweepHeatmap } from './SweepHeatmap';
export { SweepPanel } from './SweepPanel';
