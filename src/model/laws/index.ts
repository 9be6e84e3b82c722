// LAWS, the analytic companion (DESIGN.md 1.8): evaluate the model, derive its inputs
// from a scenario's cost tables and workload, and find where a sweep's gain crosses 1.

export { laws, validateLaws, gainFromRatios, type LawsInputs, type LawsResult, type LawsError } from './laws';
export { findCrossovers, firstCrossover, TIE, type Crossover } from './crossover';
export { deriveLawsInputs, ismToNativeRatio, ETHERNET_OVERHEAD_BYTES, type LawsDerivation, type LawsDerivationInput } from './derive';
