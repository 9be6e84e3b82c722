// The scenario schema: validation with defaults, overrides from text, the parameter
// list for the UI, JSON in and out, and views derived from a scenario (its cost
// tables, bus, MSS and LAWS companion). The same code runs in Node and the browser.

export { scenarioSchema, CONFIGURATIONS, type Scenario, type ScenarioInput, type Configuration, type Workload, type WorkloadKind } from './scenario-schema';
export { WORKLOAD_KINDS } from './workload';
export { parseScenario, scenarioToJson, defaultScenario, type ParseResult, type ScenarioError } from './parse';
export { applyOverride, applyOverrides } from './override';
export { listParameters, schemaParameters, PARAMETER_GROUPS, type ParameterInfo, type ParameterKind } from './parameters';
export type { ApplyMode, FieldMeta } from './fields';
export { costTablesForScenario, busModelForScenario, mssForScenario, resolvedCostsForScenario, type ScenarioCosts } from './scenario-costs';
export {
  lawsForScenario,
  nativeOptionsForScenario,
  offloadOptionsForScenario,
  type LawsBaseline,
  type ScenarioLaws,
} from './scenario-laws';
export { lawsSweep, type LawsSweep, type LawsSweepPoint } from './laws-sweep';
export { scenarioDiff } from './diff';
