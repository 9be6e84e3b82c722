// The scenario layer's public face, used by the Web Worker and the CLI alike
// (DESIGN.md 2.1: both are thin adapters over this): parse and validate
// scenarios, presets, overrides and the parameter list; build a run of one or
// more configurations on one clock and advance it to the end or in slices;
// per-sample metrics and final results with the LAWS companion; sweeps as
// independent points; wire and I2O capture.
export {
  parseScenario, scenarioToJson, defaultScenario, applyOverride, applyOverrides, listParameters, schemaParameters,
  PARAMETER_GROUPS, CONFIGURATIONS, WORKLOAD_KINDS, lawsForScenario, lawsSweep, scenarioDiff, resolvedCostsForScenario,
  type Scenario, type ScenarioInput, type Configuration, type ParseResult, type ScenarioError, type ParameterInfo,
  type LawsSweep, type LawsSweepPoint, type ScenarioLaws,
} from './schema';
export { PRESET_NAMES, DEFAULT_PRESET, listPresets, getPreset, presetScenario, type PresetSummary } from './presets';
export {
  Run, createRun, runScenario, runSweepPoint, runResults, lawsCompanion, parseSweepAxis, validateAxes, axisValues,
  sweepPoints, scenarioForPoint, metricsSince, newCursor,
  type SliceResult, type ConfigurationUpdate, type UpdateCursor, type ConfigurationResult, type LawsCompanion, type RunResults, type Outcome, type RunOptions,
  type SweepAxis, type SweepPoint, type SweepPointResult,
} from './run';
export {
  CaptureRing, PcapngCapture, CAPTURE_POINTS, DEFAULT_BUILDERS, buildStackMachine,
  type CapturePoint, type CaptureSink, type CaptureSource, type CapturedFrame, type MachineBuilders, type World,
} from './world';
export { SAMPLE_COLUMNS, type Summary, type MetricEvent, type ConnectionTrace } from '../model/metrics';
