// What a shared link carries, and its text form. The fragment `#lab=<base64url JSON>`
// holds the whole scenario as its difference from the defaults (scenarioDiff: seed and
// configurations included, since they are scenario fields), the A/B variant, and the
// view, so a pasted link reproduces the run: parseScenario(diff) equals the scenario.
//
// Contract: `encodeLink` never fails; `decodeLink` never throws, and a corrupt or
// invalid link comes back as a readable error naming what is wrong (bad characters,
// not JSON, another format version, or the scenario field and rule it breaks).
//
// Live changes (issue 6 item 3): `live` lists the changes made while the model ran,
// each `{ p: path, v: value, at: [[events, clock ns], ...] }` with one position per
// configuration the page runs, so the pasted link replays them at the same positions.
// A log that is malformed, or that does not fit the scenario (a restart parameter, a
// value out of range, positions out of order), refuses the whole link with a message
// naming the entry.
import { parseScenario, scenarioDiff, type Scenario } from '../../scenario/schema';
import { checkLog, type LiveChange } from '../../scenario/run';

export const LINK_VERSION = 1;
export const LINK_KEY = 'lab';

/** A second scenario for A/B: the current one with a few `path=value` overrides. */
export interface Variant {
  readonly label: string;
  readonly overrides: readonly string[];
}

export interface SharedState {
  readonly scenario: Scenario;
  readonly variant: Variant | null;
  /** Which view the page showed ('charts', 'sweep', ...). */
  readonly view: string;
  /** Live changes made while the model ran (none when absent). */
  readonly liveChanges?: readonly LiveChange[];
}

/** How many configurations the page runs for a scenario (followScenario: native and offload, stateless on request). */
export function pageWorldCount(s: Scenario): number {
  return s.configurations.includes('stateless') ? 3 : 2;
}

export type LinkDecode = { ok: true; state: SharedState } | { ok: false; error: string; fieldErrors?: readonly { path: string; message: string }[] };

export function toBase64Url(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export function fromBase64Url(code: string): { ok: true; text: string } | { ok: false; error: string } {
  if (!/^[A-Za-z0-9_-]*$/.test(code)) return { ok: false, error: 'it contains characters a link of the lab never has (was it cut or edited?)' };
  if (code.length % 4 === 1) return { ok: false, error: 'it is truncated (its length is impossible for base64url)' };
  try {
    const bin = atob(code.replace(/-/g, '+').replace(/_/g, '/'));
    const bytes = Uint8Array.from(bin, (c) => c.charCodeAt(0));
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    return { ok: false, error: 'its data is not valid text (was it cut or edited?)' };
  }
}

export function encodeLink(state: SharedState): string {
  const body: Record<string, unknown> = { v: LINK_VERSION, s: scenarioDiff(state.scenario), view: state.view };
  if (state.variant) body.ab = state.variant;
  if (state.liveChanges && state.liveChanges.length > 0) {
    body.live = state.liveChanges.map((c) => ({ p: c.path, v: c.value, at: c.at.map((x) => [x.events, x.nowNanos]) }));
  }
  return `${LINK_KEY}=${toBase64Url(JSON.stringify(body))}`;
}

const isObj = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

function readVariant(v: unknown): Variant | null | string {
  if (v === undefined || v === null) return null;
  if (!isObj(v) || typeof v.label !== 'string' || !Array.isArray(v.overrides) || !v.overrides.every((o) => typeof o === 'string')) {
    return 'its A/B variant is not a label with a list of path=value overrides';
  }
  return { label: v.label.slice(0, 200), overrides: v.overrides as string[] };
}

function readLive(v: unknown, scenario: Scenario): LiveChange[] | string {
  if (v === undefined) return [];
  if (!Array.isArray(v) || v.length > 1000) return 'its live changes are not a list (of at most 1000)';
  const out: LiveChange[] = [];
  for (let k = 0; k < v.length; k++) {
    const e: unknown = v[k];
    const bad = `its live change ${k + 1} is corrupt`;
    if (!isObj(e) || typeof e.p !== 'string' || !Array.isArray(e.at)) return `${bad} (it needs a path p, a value v and positions at)`;
    if (typeof e.v !== 'string' && typeof e.v !== 'number' && typeof e.v !== 'boolean') return `${bad} (its value is not a number, a string or true/false)`;
    const at = e.at.map((x: unknown) => (Array.isArray(x) && x.length === 2 && x.every((n) => typeof n === 'number') ? { events: x[0] as number, nowNanos: x[1] as number } : null));
    if (at.some((x) => x === null)) return `${bad} (a position is not [events, nanoseconds])`;
    out.push({ path: e.p, value: e.v, at: at as { events: number; nowNanos: number }[] });
  }
  const checked = checkLog(scenario, out, pageWorldCount(scenario));
  if (!checked.ok) {
    const m = /^liveChanges\.(\d+)\.?(.*)$/.exec(checked.error.path);
    const which = m ? `live change ${Number(m[1]) + 1}${m[2] ? ` (${m[2]})` : ''}` : checked.error.path;
    return `its ${which} does not fit the scenario: ${checked.error.message}`;
  }
  return out;
}

/** Reads a location hash ('#lab=...' or 'lab=...'); null when the hash carries no lab state. */
export function decodeLink(hash: string): LinkDecode | null {
  const h = hash.startsWith('#') ? hash.slice(1) : hash;
  const param = h.split('&').find((p) => p.startsWith(`${LINK_KEY}=`));
  if (param === undefined) return null;
  const fail = (why: string): LinkDecode => ({ ok: false, error: `The link could not be read: ${why}. The default scenario is kept.` });
  const raw = fromBase64Url(param.slice(LINK_KEY.length + 1));
  if (!raw.ok) return fail(raw.error);
  let body: unknown;
  try {
    body = JSON.parse(raw.text);
  } catch {
    return fail('its data is not JSON');
  }
  if (!isObj(body)) return fail('its data is not an object');
  if (body.v !== LINK_VERSION) return fail(`it is of format version ${String(body.v)}, this lab reads version ${LINK_VERSION}`);
  const variant = readVariant(body.ab);
  if (typeof variant === 'string') return fail(variant);
  const parsed = parseScenario(body.s ?? {});
  if (!parsed.ok) {
    const first = parsed.errors[0];
    return {
      ok: false,
      error: `The link's scenario is not valid: ${first ? `${first.path || 'scenario'} ${first.message}` : 'unknown error'}${parsed.errors.length > 1 ? ` (and ${parsed.errors.length - 1} more)` : ''}. The default scenario is kept.`,
      fieldErrors: parsed.errors,
    };
  }
  const view = typeof body.view === 'string' && /^[a-z][a-zA-Z0-9.-]{0,40}$/.test(body.view) ? body.view : 'charts';
  const liveChanges = readLive(body.live, parsed.scenario);
  if (typeof liveChanges === 'string') return fail(liveChanges);
  return { ok: true, state: { scenario: parsed.scenario, variant, view, ...(liveChanges.length > 0 ? { liveChanges } : {}) } };
}
