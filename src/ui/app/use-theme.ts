// Applies the colour-scheme choice to <html data-theme> and remembers it. `system`
// removes the attribute: the root's color-scheme is then `light dark` and the system's
// preference picks the side of each light-dark() colour (theme.css, one source for both).
import { useEffect } from 'react';
import { setTheme } from '../state/actions';
import type { ThemeChoice } from '../state/prefs-slice';
import { useLab } from '../state/store';

const KEY = 'offload-lab.theme';

export function loadSavedTheme(): void {
  try {
    const saved = window.localStorage.getItem(KEY);
    if (saved === 'light' || saved === 'dark' || saved === 'system') setTheme(saved satisfies ThemeChoice);
  } catch {
    // Storage can be unavailable (privacy mode, sandboxed frame): the default applies.
  }
}

export function useThemeAttribute(): void {
  const theme = useLab((s) => s.theme);
  useEffect(() => {
    const root = document.documentElement;
    if (theme === 'system') delete root.dataset.theme;
    else root.dataset.theme = theme;
    try {
      window.localStorage.setItem(KEY, theme);
    } catch {
      // Not remembered; the choice still applies to this page.
    }
  }, [theme]);
}
