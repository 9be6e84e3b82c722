// Every scenario parameter as a flat list for the UI and the CLI: path, kind, unit,
// range, default, current value, source of the default, description, whether a change
// applies live, and (inside a union) the variant it belongs to. Built by walking the
// JSON Schema zod generates from the scenario schema (its .meta() lands on each node),
// plus the cost tables' parameters under 'costs.host.*' and 'costs.iop.*'.

import { z } from 'zod';
import { buildCostTables, listCostParams, type Source } from '../../model/costs';
import type { ApplyMode } from './fields';
import { scenarioSchema, type Scenario } from './scenario-schema';

export type ParameterKind = 'number' | 'integer' | 'boolean' | 'enum' | 'string' | 'list';

export interface ParameterInfo {
  readonly path: string;
  /** The layer group: 'run', 'server', 'nic', 'bus', 'inic', 'wire', 'peer', 'tcp', 'workload', 'faults', 'costs'. */
  readonly group: string;
  readonly kind: ParameterKind;
  readonly unit: string;
  readonly min?: number;
  readonly max?: number;
  readonly choices?: readonly (string | number)[];
  readonly default: unknown;
  /** The value in the scenario passed to listParameters (absent when the variant is not chosen). */
  readonly value?: unknown;
  readonly source?: Source;
  readonly description: string;
  readonly apply: ApplyMode;
  /** Present for fields of one union variant: the discriminator path and the variant's value. */
  readonly when?: { readonly path: string; readonly equals: string };
  /** A field of every element of a list (faults windows); not settable by path. */
  readonly inList?: boolean;
}

/** The groups in the order the layers stack (DESIGN.md 1.2), with labels for people. */
export const PARAMETER_GROUPS: readonly { readonly id: string; readonly label: string }[] = [
  { id: 'run', label: 'Run: seed, duration, configurations' },
  { id: 'workload', label: 'Workload (app)' },
  { id: 'tcp', label: 'TCP (socket, inet, tcp)' },
  { id: 'server', label: 'Host CPU' },
  { id: 'nic', label: 'NIC and netdev (stateless offloads, coalescing, NAPI)' },
  { id: 'inic', label: 'iNIC (OSM pools, I2O frames, IOP)' },
  { id: 'bus', label: 'I/O bus (PCI, PCI-X, PCIe)' },
  { id: 'wire', label: 'Wire and switch' },
  { id: 'peer', label: 'Peers' },
  { id: 'faults', label: 'Faults' },
  { id: 'costs', label: 'Cost tables (cycles per operation)' },
];

type Node = Record<string, unknown>;

let cachedSchema: Node | undefined;
function jsonSchema(): Node {
  cachedSchema ??= z.toJSONSchema(scenarioSchema, { io: 'input', unrepresentable: 'any' }) as Node;
  return cachedSchema;
}

const str = (v: unknown): string => (typeof v === 'string' ? v : '');

function leaf(path: string, n: Node, extra: Partial<ParameterInfo>): ParameterInfo {
  const type = n.type;
  const en = n.enum as (string | number)[] | undefined;
  let kind: ParameterKind = type === 'integer' ? 'integer' : type === 'number' ? 'number' : type === 'boolean' ? 'boolean' : 'string';
  let min = typeof n.minimum === 'number' ? n.minimum : undefined;
  let max = typeof n.maximum === 'number' ? n.maximum : undefined;
  if (en !== undefined) {
    if (typeof en[0] === 'number') {
      const nums = en as number[];
      min = Math.min(...nums);
      max = Math.max(...nums);
    } else kind = 'enum';
  }
  const out: ParameterInfo = {
    path,
    group: path.includes('.') ? path.slice(0, path.indexOf('.')).replace('[]', '') : 'run',
    kind,
    unit: str(n.unit),
    ...(min === undefined ? {} : { min }),
    ...(max === undefined ? {} : { max }),
    ...(en === undefined ? {} : { choices: en }),
    default: n.default,
    ...(n.source === undefined ? {} : { source: n.source as Source }),
    description: str(n.description),
    apply: n.apply === 'live' ? 'live' : 'restart',
    ...extra,
  };
  return out;
}

function walk(n: Node, path: string, extra: Partial<ParameterInfo>, out: ParameterInfo[]): void {
  const variants = (n.oneOf ?? n.anyOf) as Node[] | undefined;
  if (variants !== undefined) {
    const first = (variants[0]?.properties ?? {}) as Record<string, Node>;
    const disc = Object.keys(first).find((k) => variants.every((v) => ((v.properties as Record<string, Node>)[k]?.const) !== undefined));
    if (disc === undefined) return;
    const dpath = `${path}.${disc}`;
    const choices = variants.map((v) => (v.properties as Record<string, Node>)[disc]!.const as string);
    const def = (n.default as Record<string, unknown> | undefined)?.[disc];
    out.push(leaf(dpath, { ...n, type: 'string', enum: choices, default: def }, extra));
    for (const v of variants) {
      const equals = (v.properties as Record<string, Node>)[disc]!.const as string;
      for (const [k, child] of Object.entries(v.properties as Record<string, Node>)) {
        if (k !== disc) walk(child, `${path}.${k}`, { ...extra, when: { path: dpath, equals } }, out);
      }
    }
    return;
  }
  if (n.type === 'object' && n.properties !== undefined) {
    for (const [k, child] of Object.entries(n.properties as Record<string, Node>)) walk(child, path === '' ? k : `${path}.${k}`, extra, out);
    return;
  }
  if (n.type === 'object') return; // a record: the cost overrides, listed from the tables
  if (n.type === 'array') {
    const items = n.items as Node;
    if (items.type === 'object' || items.oneOf !== undefined) walk(items, `${path}[]`, { ...extra, inList: true }, out);
    else out.push({ ...leaf(path, { ...items, default: n.default, description: n.description ?? items.description, source: n.source ?? items.source }, extra), kind: 'list' });
    return;
  }
  out.push(leaf(path, n, extra));
}

function valueAt(s: unknown, path: string): unknown {
  let v: unknown = s;
  for (const k of path.split('.')) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string, unknown>)[k];
  }
  return v;
}

/** The schema's parameters, without values. */
export function schemaParameters(): ParameterInfo[] {
  const out: ParameterInfo[] = [];
  walk(jsonSchema(), '', {}, out);
  return out;
}

/**
 * Every parameter, grouped by layer in schema order, with its current value when a
 * scenario is given; the cost tables' parameters follow under 'costs.host.*' and
 * 'costs.iop.*' (their defaults are the chosen profiles').
 */
export function listParameters(scenario?: Scenario): ParameterInfo[] {
  const base = schemaParameters().map((p): ParameterInfo => {
    if (scenario === undefined || p.inList === true) return p;
    if (p.when !== undefined && valueAt(scenario, p.when.path) !== p.when.equals) return p;
    return { ...p, value: valueAt(scenario, p.path) };
  });
  const hostProfile = scenario?.costs.hostProfile ?? 'xeon-2002';
  const iopProfile = scenario?.costs.iopProfile ?? 'iop321-2002';
  const defaults = buildCostTables(hostProfile, iopProfile);
  const current = scenario === undefined ? defaults : buildCostTables(hostProfile, iopProfile, scenario.costs.overrides);
  if (!defaults.ok) return base;
  const values = new Map(current.ok ? listCostParams(current.tables).map((e) => [e.path, e.param.value]) : []);
  const costs = listCostParams(defaults.tables).map((e): ParameterInfo => ({
    path: `costs.${e.path}`,
    group: 'costs',
    kind: 'number',
    unit: e.param.unit,
    min: e.param.range.min,
    max: e.param.range.max,
    default: e.param.value,
    ...(scenario === undefined ? {} : { value: values.get(e.path) }),
    source: e.param.source,
    description: e.param.description,
    apply: 'restart',
  }));
  return [...base, ...costs];
}
