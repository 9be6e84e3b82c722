// What the controls show for each scenario parameter, derived from listParameters():
// grouped in layer order (PARAMETER_GROUPS), only the fields of the variants chosen
// (a PCIe lane count shows only on a PCIe bus), lists of fault windows as one JSON
// field each, the configurations as a checklist; every row with its unit, range,
// default, whether a change applies live or by restart, and the source of its default.
import { CONFIGURATIONS, PARAMETER_GROUPS, listParameters, type ParameterInfo, type Scenario } from '../../scenario/schema';
import type { Source } from '../../model/costs';

export type ControlKind = 'number' | 'toggle' | 'select' | 'text' | 'json' | 'checklist';

export interface ControlRow {
  readonly path: string;
  readonly label: string;
  readonly kind: ControlKind;
  readonly unit: string;
  /** '10–10000 MHz', or '' when the parameter has no numeric range. */
  readonly rangeText: string;
  readonly options: readonly string[];
  /** The current value as the control edits it. */
  readonly value: string;
  readonly checked: readonly string[];
  readonly defaultText: string;
  readonly apply: 'live' | 'restart';
  readonly source: Source | undefined;
  readonly min?: number;
  readonly max?: number;
}

export interface ControlGroup {
  readonly id: string;
  readonly label: string;
  readonly rows: readonly ControlRow[];
}

const NO_UNIT = new Set(['', 'ratio', 'probability', 'x', 'seed']);

export function formatNumber(v: number): string {
  if (!Number.isFinite(v)) return String(v);
  if (Math.abs(v) >= 1e6 && Number.isInteger(v)) return v.toExponential().replace('e+', 'e');
  return String(Number(v.toPrecision(10)));
}

/**
 * A bound as a person reads it: whole numbers from a million up with thousands separators
 * ("16,777,216 B", not "1.6777216e7 B"). Only for display: field values stay in
 * formatNumber's form, which the scenario parser reads back.
 */
function boundText(v: number): string {
  return Number.isInteger(v) && Math.abs(v) >= 1_000_000 ? v.toLocaleString('en-US') : formatNumber(v);
}

export function rangeText(p: Pick<ParameterInfo, 'min' | 'max' | 'unit'>): string {
  if (p.min === undefined || p.max === undefined) return '';
  return `${boundText(p.min)}–${boundText(p.max)}${NO_UNIT.has(p.unit) ? '' : ` ${p.unit}`}`;
}

export function textOf(v: unknown): string {
  if (v === undefined) return '';
  if (typeof v === 'number') return formatNumber(v);
  if (typeof v === 'string') return v;
  return JSON.stringify(v);
}

function getAt(o: unknown, path: string): unknown {
  let v = o;
  for (const k of path.split('.')) v = v !== null && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined;
  return v;
}

function rowOf(p: ParameterInfo): ControlRow {
  const base = {
    path: p.path, label: p.description || p.path, unit: NO_UNIT.has(p.unit) ? '' : p.unit, rangeText: rangeText(p),
    value: textOf(p.value), checked: [] as string[], defaultText: textOf(p.default), apply: p.apply, source: p.source,
    ...(p.min === undefined ? {} : { min: p.min }), ...(p.max === undefined ? {} : { max: p.max }),
  };
  if (p.kind === 'boolean') return { ...base, kind: 'toggle', options: [] };
  if (p.path === 'configurations') {
    return { ...base, kind: 'checklist', options: [...CONFIGURATIONS], checked: Array.isArray(p.value) ? (p.value as string[]) : [], value: '' };
  }
  if (p.choices !== undefined) return { ...base, kind: 'select', options: p.choices.map(String), rangeText: '' };
  if (p.kind === 'number' || p.kind === 'integer') return { ...base, kind: 'number', options: [] };
  if (p.kind === 'list') return { ...base, kind: 'json', options: [] };
  return { ...base, kind: 'text', options: [] };
}

/** A list of fault windows as one JSON field, described by its element's fields. */
function listRow(listPath: string, fields: readonly ParameterInfo[], scenario: Scenario): ControlRow {
  const names = fields.map((f) => `${f.path.slice(listPath.length + 3)}${f.unit && !NO_UNIT.has(f.unit) ? ` (${f.unit})` : ''}`);
  return {
    path: listPath, label: `Windows: a JSON list of { ${names.join(', ')} }`, kind: 'json', unit: '', rangeText: '',
    options: [], value: JSON.stringify(getAt(scenario, listPath) ?? []), checked: [], defaultText: '[]',
    apply: fields[0]?.apply ?? 'restart', source: fields[0]?.source,
  };
}

export function controlGroups(scenario: Scenario, filter = ''): ControlGroup[] {
  const params = listParameters(scenario);
  const rows: { group: string; row: ControlRow }[] = [];
  const lists = new Map<string, ParameterInfo[]>();
  for (const p of params) {
    if (p.inList === true) {
      const lp = p.path.slice(0, p.path.indexOf('[]'));
      lists.set(lp, [...(lists.get(lp) ?? []), p]);
      continue;
    }
    if (p.when !== undefined && getAt(scenario, p.when.path) !== p.when.equals) continue;
    rows.push({ group: p.group, row: rowOf(p) });
  }
  for (const [lp, fields] of lists) rows.push({ group: fields[0]!.group, row: listRow(lp, fields, scenario) });
  const f = filter.trim().toLowerCase();
  const match = (r: ControlRow) => f === '' || r.path.toLowerCase().includes(f) || r.label.toLowerCase().includes(f);
  return PARAMETER_GROUPS
    .map((g) => ({ id: g.id, label: g.label, rows: rows.filter((r) => r.group === g.id && match(r.row)).map((r) => r.row) }))
    .filter((g) => g.rows.length > 0);
}

/** The text to send to applyOverride for a checklist change. */
export function checklistText(current: readonly string[], option: string, on: boolean): string {
  const next = on ? [...current, option] : current.filter((c) => c !== option);
  return CONFIGURATIONS.filter((c) => next.includes(c)).join(',');
}
