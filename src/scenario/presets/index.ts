// Named scenarios: '2002-gigabit' (the article's era) and 'modern-25g'.

export type { Preset } from './preset';
export { PRESETS, PRESET_NAMES, DEFAULT_PRESET, listPresets, getPreset, presetScenario, presetValueSource, type PresetSummary } from './registry';
export { GIGABIT_2002 } from './gigabit-2002';
export { MODERN_25G } from './modern-25g';
