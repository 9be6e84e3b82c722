// Public names of the charts: the metric feed (where the model's samples land), the
// frame binding, the pure chart maths and model, exports, and the panel.
export { MetricFeed, type FeedRun } from './metric-feed';
export { SampleRing, type RingSnapshot } from './sample-ring';
export { labFeed, bindChartClock, useFeedVersion, ringSnapshot } from './feed-binding';
export { feedStream, channelMap, runSummaryOf, runIdFor, type MetricStreamPart, type StreamContext, type StreamEvent, type ConnectionRows } from './from-stream';
export { CHART_DEFS, SERIES_PALETTE, type ChartDef, type ChartKind } from './chart-defs';
export { buildChartModel, naturalYMax, formatValue, type ChartData, type ChartModel, type ChartInput } from './chart-model';
export { chartRows, chartData, type ChartRow, type ChartCell } from './chart-rows';
export { CHART_REDRAW, markRedrawStart, markRedrawEnd } from './redraw-marks';
export * from './chart-math';
export { legendLayout, type LegendLayout, type LegendItem } from './legend-layout';
export { annotationMarks, ANNOTATION_LABEL, ANNOTATION_COLOR, type AnnotationMark } from './annotation-marks';
export { chartCsv, chartJson, exportFileName, type ChartJson } from './export-data';
export { standaloneSvg, LIGHT_SVG_COLORS, type SvgColors } from './svg-export';
export { downloadText, downloadBlob, svgToPngBlob } from './download';
export { ChartSvgBody } from './ChartSvg';
export { LiveChart } from './LiveChart';
export { ChartsPanel } from './ChartsPanel';
export { MeasureSession, type MeasureProgress, type MeasureSlice } from './measure-session';
export { MeasureClient, type MeasureState, type MeasureStatus, type MeasureWorkerLike } from './measure-client';
export { useMeasurement, useMeasureState } from './measure-binding';
