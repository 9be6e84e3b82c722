// The preferences slice: choices that belong to the person, not to the run.

/** `system` follows prefers-color-scheme; the others override it. */
export type ThemeChoice = 'system' | 'light' | 'dark';
export const THEME_ORDER: readonly ThemeChoice[] = ['system', 'light', 'dark'];

export interface PrefsSlice {
  theme: ThemeChoice;
}

export const initialPrefsSlice = (): PrefsSlice => ({ theme: 'system' });
