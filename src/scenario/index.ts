// The scenario layer's public face, used by the Web Worker and the CLI alike
// (DESIGN.md 2.1: both are thin adapters over this): parse and validate
// scenarios, presets, overrides and the parameter list; build a run of one or
// more configurations on one clock and advance it to the end or in slices;
// per-sample metrics and final results with the LAWS companion; sweeps as
// independent points; wire and I2O capture.
export {
  parseScenario, scenarioToJson, defaultScenario, applyOverride, applyOverrides, listParameters, schemaParameters,
  PARAMETER_GROUPS, CONFIGURATIONS, WORKLOAD_KINDS, lawsForScenario, lawsSweep, scenarioDiff, resolvedCostsForScenario,
  mssForScenario,
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
// Capture points (createRun's `capture` + `capturePoint`, or World.setCapture(sink, point)):
// 'wire' (Ethernet at the wire, both directions), 'driver' (Ethernet between the host
// driver and the NIC; offload: the HDM's frames on the card), 'ip' (raw IPv4 datagrams
// at the server's IP layer, before fragmentation and after reassembly), 'socket' (one
// record per socket call with the bytes it moved and the call in `comment`). Sources stay
// 'server->peer' (leaving the server's upper layers) and 'peer->server'; the bytes' format
// is CAPTURE_LINKTYPES[point] (1 Ethernet, 101 raw IPv4, 148 USER1); I2O frames are
// captured on offload at every point (I2O_LINKTYPE, 147 USER0).
export {
  CaptureRing, PcapngCapture, CAPTURE_POINTS, CAPTURE_LINKTYPES, I2O_LINKTYPE, isCapturePoint, DEFAULT_BUILDERS, buildStackMachine,
  type CapturePoint, type CaptureSink, type CaptureSource, type CapturedFrame, type MachineBuilders, type World,
} from './world';
export { SAMPLE_COLUMNS, type Summary, type MetricEvent, type ConnectionTrace } from '../model/metrics';
