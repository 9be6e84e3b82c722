// Presets by name: list them for people, build one as a validated scenario.

import { parseScenario, type ParseResult } from '../schema';
import { GIGABIT_2002 } from './gigabit-2002';
import { MODERN_25G } from './modern-25g';
import type { Preset } from './preset';

export const PRESETS: readonly Preset[] = [GIGABIT_2002, MODERN_25G];
export const PRESET_NAMES: readonly string[] = PRESETS.map((p) => p.name);
export const DEFAULT_PRESET = GIGABIT_2002.name;

export interface PresetSummary {
  readonly name: string;
  readonly title: string;
  readonly description: string;
}

export function listPresets(): PresetSummary[] {
  return PRESETS.map(({ name, title, description }) => ({ name, title, description }));
}

export function getPreset(name: string): Preset | undefined {
  return PRESETS.find((p) => p.name === name);
}

/** The named preset as a scenario with every default filled in. */
export function presetScenario(name: string): ParseResult {
  const p = getPreset(name);
  if (p === undefined) return { ok: false, errors: [{ path: 'preset', message: `unknown preset '${name}' (known: ${PRESET_NAMES.join(', ')})` }] };
  return parseScenario(p.values);
}

/** Source of a preset's value at `path`: its own note, or undefined when it keeps the schema default. */
export function presetValueSource(p: Preset, path: string): Preset['sources'][string] | undefined {
  for (let q = path; q !== ''; q = q.includes('.') ? q.slice(0, q.lastIndexOf('.')) : '') {
    const s = p.sources[q];
    if (s !== undefined) return s;
  }
  return undefined;
}
