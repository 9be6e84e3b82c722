// The cost tables a scenario selects (profiles + overrides), and the bus it names,
// ready for the machine builders. A parsed scenario's overrides were validated, so
// these cannot fail for it; for unparsed input they return the tables' errors.

import { buildCostTables, busModel, type BusModel, type CostOverrideError, type CostTables } from '../../model/costs';
import type { Scenario } from './scenario-schema';

export function costTablesForScenario(s: Scenario): { ok: true; tables: CostTables } | { ok: false; errors: CostOverrideError[] } {
  return buildCostTables(s.costs.hostProfile, s.costs.iopProfile, s.costs.overrides);
}

export function busModelForScenario(s: Scenario): BusModel {
  return busModel(s.bus);
}

/** TCP payload per full segment: MTU - IPv4 20 - TCP 20 - timestamps 12 when on. */
export function mssForScenario(s: Scenario): number {
  return s.wire.mtuBytes - 40 - (s.tcp.timestamps ? 12 : 0);
}
