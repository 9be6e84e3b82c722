// Cycles the colour scheme: follow the system, light, dark. The button says what is in
// force and what a press will do.
import { cycleTheme } from '../state/actions';
import { THEME_ORDER, type ThemeChoice } from '../state/prefs-slice';
import { useLab } from '../state/store';

const LABEL: Record<ThemeChoice, string> = { system: 'System', light: 'Light', dark: 'Dark' };

export function ThemeToggle() {
  const theme = useLab((s) => s.theme);
  const next = THEME_ORDER[(THEME_ORDER.indexOf(theme) + 1) % THEME_ORDER.length] ?? 'system';
  return (
    <button
      type="button"
      className="btn btn-quiet theme-toggle"
      data-testid="theme.toggle"
      onClick={cycleTheme}
      aria-label={`Colour scheme: ${LABEL[theme]}. Switch to ${LABEL[next]}.`}
      title={`Switch to ${LABEL[next]}`}
    >
      <span aria-hidden="true" className="theme-icon">{theme === 'dark' ? '☾' : theme === 'light' ? '☀' : '◐'}</span>
      <span>Theme: {LABEL[theme]}</span>
    </button>
  );
}
