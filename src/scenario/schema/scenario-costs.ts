// The cost tables a scenario selects (profiles + overrides), and the bus it names,
// ready for the machine builders. A parsed scenario's overrides were validated, so
// these cannot fail for it; for unparsed input they return the tables' errors.

import {
  buildCostTables,
  busModel,
  resolveHostCosts,
  resolveIopCosts,
  type BusModel,
  type CostOverrideError,
  type CostTables,
  type ResolvedHostCosts,
  type ResolvedIopCosts,
} from '../../model/costs';
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

export interface ScenarioCosts {
  readonly tables: CostTables;
  /** The server's host table at the server clock. */
  readonly host: ResolvedHostCosts;
  /** The host table at the peer clock (for a peer whose CPU is not ideal). */
  readonly peer: ResolvedHostCosts;
  /** The IOP table at the IOP clock. */
  readonly iop: ResolvedIopCosts;
  readonly bus: BusModel;
}

/** Everything the machine builders need to charge cycles and bus time, resolved once. */
export function resolvedCostsForScenario(s: Scenario): { ok: true; costs: ScenarioCosts } | { ok: false; errors: CostOverrideError[] } {
  const t = costTablesForScenario(s);
  if (!t.ok) return t;
  return {
    ok: true,
    costs: {
      tables: t.tables,
      host: resolveHostCosts(t.tables, s.server.clockMHz * 1e6),
      peer: resolveHostCosts(t.tables, s.peer.clockMHz * 1e6),
      iop: resolveIopCosts(t.tables, s.inic.iopClockMHz * 1e6),
      bus: busModel(s.bus),
    },
  };
}
