// `--set path=value`: change one parameter of a scenario from text, with the value
// coerced to the parameter's type, then validate the whole scenario again. Unknown
// paths, values of the wrong type and fields of a variant not chosen are errors that
// name the path and say what would be accepted. Cost parameters are set by their
// table path under 'costs.' (costs.host.copy.cyclesPerByte) and land in
// costs.overrides.

import { listParameters, schemaParameters, type ParameterInfo } from './parameters';
import { parseScenario, type ParseResult, type ScenarioError } from './parse';
import type { Scenario } from './scenario-schema';

const fail = (path: string, message: string): ParseResult => ({ ok: false, errors: [{ path, message }] });

function distance(a: string, b: string): number {
  const d = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = d[0]!;
    d[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cur = d[j]!;
      d[j] = Math.min(d[j]! + 1, d[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = cur;
    }
  }
  return d[b.length]!;
}

function suggestion(path: string, known: readonly string[]): string {
  let best = '';
  let bestD = Infinity;
  for (const k of known) {
    const dd = distance(path, k);
    if (dd < bestD) { bestD = dd; best = k; }
  }
  return bestD <= Math.max(2, Math.floor(path.length / 4)) ? ` (did you mean '${best}'?)` : '';
}

const TRUE = new Set(['true', '1', 'yes', 'on']);
const FALSE = new Set(['false', '0', 'no', 'off']);

function coerce(p: ParameterInfo, raw: string): { ok: true; value: unknown } | { ok: false; message: string } {
  const t = raw.trim();
  switch (p.kind) {
    case 'number':
    case 'integer': {
      const v = t === '' ? Number.NaN : Number(t.replace(/_/g, ''));
      if (!Number.isFinite(v)) return { ok: false, message: `must be a number${p.unit === '' ? '' : ` (${p.unit})`}, got '${raw}'` };
      if (p.choices !== undefined && !p.choices.includes(v)) return { ok: false, message: `must be one of ${p.choices.join(' | ')} ${p.unit}` };
      return { ok: true, value: v };
    }
    case 'boolean':
      if (TRUE.has(t.toLowerCase())) return { ok: true, value: true };
      if (FALSE.has(t.toLowerCase())) return { ok: true, value: false };
      return { ok: false, message: `must be true or false, got '${raw}'` };
    case 'enum':
      if (p.choices?.includes(t) === true) return { ok: true, value: t };
      return { ok: false, message: `must be one of ${(p.choices ?? []).map((c) => `'${c}'`).join(' | ')}, got '${raw}'` };
    case 'list':
      if (t.startsWith('[')) return parseJson(t);
      return { ok: true, value: t === '' ? [] : t.split(',').map((x) => x.trim()) };
    case 'string':
      return { ok: true, value: raw };
  }
}

function parseJson(t: string): { ok: true; value: unknown } | { ok: false; message: string } {
  try {
    return { ok: true, value: JSON.parse(t) as unknown };
  } catch {
    return { ok: false, message: `must be JSON, got '${t}'` };
  }
}

function getAt(o: unknown, keys: readonly string[]): unknown {
  let v = o;
  for (const k of keys) v = v !== null && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined;
  return v;
}

/** Lists that hold windows (faults) can be set whole, as JSON. */
const JSON_LISTS = new Set(['faults.wire.linkDown', 'faults.card.poolExhaustion', 'faults.card.i2oQueueFull']);

/** The scenario with one parameter set from text, validated again; errors name the path. */
export function applyOverride(scenario: Scenario, path: string, raw: string): ParseResult {
  const draft = JSON.parse(JSON.stringify(scenario)) as Record<string, unknown>;
  const costs = draft.costs as { overrides: Record<string, number> };
  if (path.startsWith('costs.') && path !== 'costs.hostProfile' && path !== 'costs.iopProfile') {
    const key = path.slice('costs.'.length).replace(/^overrides\./, '');
    const known = listParameters(scenario).filter((p) => p.group === 'costs').map((p) => p.path);
    if (!known.includes(`costs.${key}`)) return fail(path, `is not a known cost parameter${suggestion(`costs.${key}`, known)}`);
    const v = Number(raw.trim());
    if (raw.trim() === '' || !Number.isFinite(v)) return fail(path, `must be a number, got '${raw}'`);
    costs.overrides[key] = v;
    return parseScenario(draft);
  }
  const keys = path.split('.');
  const parentKeys = keys.slice(0, -1);
  const last = keys[keys.length - 1]!;
  if (JSON_LISTS.has(path)) {
    const j = parseJson(raw.trim());
    if (!j.ok) return fail(path, j.message);
    (getAt(draft, parentKeys) as Record<string, unknown>)[last] = j.value;
    return parseScenario(draft);
  }
  const params = schemaParameters().filter((p) => p.inList !== true);
  const candidates = params.filter((p) => p.path === path);
  if (candidates.length === 0) return fail(path, `is not a known parameter${suggestion(path, [...params.map((p) => p.path), ...JSON_LISTS])}`);
  const chosen = candidates.find((p) => p.when === undefined || getAt(draft, p.when.path.split('.')) === p.when.equals);
  if (chosen === undefined) {
    const w = candidates[0]!.when!;
    const options = candidates.map((c) => `'${c.when!.equals}'`).join(' | ');
    return fail(path, `applies only when ${w.path} is ${options} (it is '${String(getAt(draft, w.path.split('.')))}')`);
  }
  const c = coerce(chosen, raw);
  if (!c.ok) return fail(path, c.message);
  const parent = getAt(draft, parentKeys);
  if (parent === null || typeof parent !== 'object') return fail(path, 'has no parent object in this scenario');
  const isDiscriminator = params.some((p) => p.when?.path === path);
  if (isDiscriminator && (parent as Record<string, unknown>)[last] !== c.value) {
    // Switching variant: start from the new variant's defaults.
    const grand = getAt(draft, parentKeys.slice(0, -1)) as Record<string, unknown>;
    grand[parentKeys[parentKeys.length - 1]!] = { [last]: c.value };
  } else {
    (parent as Record<string, unknown>)[last] = c.value;
  }
  return parseScenario(draft);
}

/** Apply `path=value` strings in order (the CLI's repeated --set). */
export function applyOverrides(scenario: Scenario, assignments: readonly string[]): ParseResult {
  let s = scenario;
  for (const a of assignments) {
    const eq = a.indexOf('=');
    if (eq <= 0) return { ok: false, errors: [{ path: a, message: "must be written path=value (e.g. nic.tso=true)" } satisfies ScenarioError] };
    const r = applyOverride(s, a.slice(0, eq).trim(), a.slice(eq + 1));
    if (!r.ok) return r;
    s = r.scenario;
  }
  return { ok: true, scenario: s };
}
