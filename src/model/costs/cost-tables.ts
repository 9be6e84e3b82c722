// The cost tables one run uses: a host profile and an IOP profile, with overrides
// applied by path. Paths name every numeric parameter:
//   host.<op>.fixedCycles | host.<op>.cyclesPerByte | host.<op>.cacheMisses
//   host.cacheMissNs | host.mmioReadNs | host.mmioReadsPerInterrupt
//   iop.<op>.fixedCycles | ... | iop.cacheMissNs | iop.ipcFactor | iop.missFactor | iop.perByteFactor
// The ISM's protocol operations are the host's same operations times the IOP
// factors (one stack, two homes: DESIGN.md 1.3), so they are re-derived from the
// overridden host table and factors, and an explicit iop.<protocol op> override
// applies last.

import { HOST_OPS, PROTOCOL_OPS, type HostOpName } from './host-ops';
import type { HostCostTable, HostProfileName } from './host-table';
import { HOST_X86_2020 } from './host-x86-2020';
import { HOST_XEON_2002 } from './host-xeon-2002';
import { ARM_2020, IOP321_2002 } from './iop-profiles';
import { deriveIsmOps, IOP_OPS, type IopCostTable, type IopOpName, type IopProfileName } from './iop-table';
import type { OpCost } from './op-cost';
import { inRange, withValue, type Param } from './param';

export interface CostTables {
  readonly host: HostCostTable;
  readonly iop: IopCostTable;
}

export const HOST_PROFILE_TABLES: Readonly<Record<HostProfileName, HostCostTable>> = {
  'xeon-2002': HOST_XEON_2002,
  'x86-2020': HOST_X86_2020,
};

export const IOP_PROFILE_TABLES: Readonly<Record<IopProfileName, IopCostTable>> = {
  'iop321-2002': IOP321_2002,
  'arm-2020': ARM_2020,
};

export interface CostParamEntry {
  readonly path: string;
  readonly group: 'host' | 'iop';
  readonly param: Param;
}

export interface CostOverrideError {
  /** The override's path, e.g. 'host.tcpRxSegment.fixedCycles'. */
  readonly path: string;
  readonly message: string;
}

const OP_FIELDS = ['fixedCycles', 'cyclesPerByte', 'cacheMisses'] as const;
type OpField = (typeof OP_FIELDS)[number];
const HOST_SCALARS = ['cacheMissNs', 'mmioReadNs', 'mmioReadsPerInterrupt'] as const;
const IOP_FACTORS = ['ipcFactor', 'missFactor', 'perByteFactor'] as const;

/** Every numeric cost parameter of the tables, with its path. */
export function listCostParams(t: CostTables): CostParamEntry[] {
  const out: CostParamEntry[] = [];
  for (const name of HOST_OPS) for (const f of OP_FIELDS) out.push({ path: `host.${name}.${f}`, group: 'host', param: t.host.ops[name][f] });
  for (const s of HOST_SCALARS) out.push({ path: `host.${s}`, group: 'host', param: t.host[s] });
  for (const name of IOP_OPS) for (const f of OP_FIELDS) out.push({ path: `iop.${name}.${f}`, group: 'iop', param: t.iop.ops[name][f] });
  out.push({ path: 'iop.cacheMissNs', group: 'iop', param: t.iop.cacheMissNs });
  for (const f of IOP_FACTORS) out.push({ path: `iop.${f}`, group: 'iop', param: t.iop.factors[f] });
  return out;
}

function setOpField(o: OpCost, f: OpField, v: number): OpCost {
  return { ...o, [f]: withValue(o[f], v) };
}

/**
 * The tables of two profiles with overrides applied. Unknown paths and values out of
 * range come back as errors naming the path and the rule; nothing throws.
 */
export function buildCostTables(
  hostProfile: HostProfileName,
  iopProfile: IopProfileName,
  overrides: Readonly<Record<string, number>> = {},
): { ok: true; tables: CostTables } | { ok: false; errors: CostOverrideError[] } {
  const base: CostTables = { host: HOST_PROFILE_TABLES[hostProfile], iop: IOP_PROFILE_TABLES[iopProfile] };
  const known = new Map(listCostParams(base).map((e) => [e.path, e.param]));
  const errors: CostOverrideError[] = [];
  for (const [path, v] of Object.entries(overrides)) {
    const p = known.get(path);
    if (p === undefined) errors.push({ path, message: `unknown cost parameter '${path}'` });
    else if (!inRange(p, v)) errors.push({ path, message: `must be between ${p.range.min} and ${p.range.max} ${p.unit}` });
  }
  if (errors.length > 0) return { ok: false, errors };

  const hostOps = { ...base.host.ops } as Record<HostOpName, OpCost>;
  let host: HostCostTable = base.host;
  const iopOps = { ...base.iop.ops } as Record<IopOpName, OpCost>;
  let factors = base.iop.factors;
  let iopMiss = base.iop.cacheMissNs;
  const explicitIop: [IopOpName, OpField, number][] = [];
  for (const [path, v] of Object.entries(overrides)) {
    const [side, name, field] = path.split('.') as [string, string, string | undefined];
    if (side === 'host') {
      if (field === undefined) host = { ...host, [name]: withValue(host[name as (typeof HOST_SCALARS)[number]], v) };
      else hostOps[name as HostOpName] = setOpField(hostOps[name as HostOpName], field as OpField, v);
    } else if (field !== undefined) explicitIop.push([name as IopOpName, field as OpField, v]);
    else if (name === 'cacheMissNs') iopMiss = withValue(iopMiss, v);
    else {
      const f = name as (typeof IOP_FACTORS)[number];
      factors = { ...factors, [f]: withValue(factors[f], v) };
    }
  }
  host = { ...host, ops: hostOps };
  Object.assign(iopOps, deriveIsmOps(host, factors));
  for (const [name, field, v] of explicitIop) iopOps[name] = setOpField(iopOps[name], field, v);
  const iop: IopCostTable = { ...base.iop, ops: iopOps, factors, cacheMissNs: iopMiss };
  return { ok: true, tables: { host, iop } };
}

/** True for the ISM operations that are derived from the host's (for UI labels). */
export function isDerivedIopOp(name: IopOpName): boolean {
  return (PROTOCOL_OPS as readonly string[]).includes(name);
}
