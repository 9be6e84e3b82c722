// src/scenario/run: runs of a scenario on one clock, their results, and sweeps.
export { Run, type SliceResult, type RunCreateOptions, type AppliedChange, type LiveResult } from './run';
export { liveParameterPaths, scenarioWithChange, describeChange, canReach, isDue, checkLog, type LiveChange, type LiveError, type LivePosition, type LiveValue } from './live';
export { runResults, lawsCompanion, type ConfigurationResult, type LawsCompanion, type RunResults } from './results';
export { createRun, runScenario, runSweepPoint, type Outcome, type RunOptions, type SweepPointResult } from './create';
export { parseSweepAxis, validateAxes, axisValues, sweepPoints, scenarioForPoint, type SweepAxis, type SweepPoint } from './sweep';
export { metricsSince, newCursor, type ConfigurationUpdate, type UpdateCursor } from './updates';
