// Module-level actions on the lab store: the only code that writes to it. The worker
// client's listener (runtime/lab-runtime.ts) and the commands call these; components
// never call setState themselves.
import type { ClientStatus, Failure, WorldInfo, WorldSpec } from '../../worker';
import type { LiveSummary } from '../runtime/live-figures';
import { THEME_ORDER, type ThemeChoice } from './prefs-slice';
import { labStore } from './store';

export function setStatus(status: ClientStatus): void {
  labStore.setState(status === 'failed' ? { status } : { status, failure: null });
}

export function setWorldReady(info: WorldInfo, spec: WorldSpec): void {
  labStore.setState({ info, spec, failure: null });
}

export function setFailure(failure: Failure): void {
  labStore.setState({ failure, status: 'failed' });
}

export function publishLive(live: LiveSummary | null): void {
  labStore.setState({ live });
}

export function setSeedText(seedText: string): void {
  labStore.setState({ seedText, seedError: null });
}

export function setSeedError(seedError: string | null): void {
  labStore.setState({ seedError });
}

export function setTheme(theme: ThemeChoice): void {
  labStore.setState({ theme });
}

/** system → light → dark → system. */
export function cycleTheme(): void {
  const i = THEME_ORDER.indexOf(labStore.getState().theme);
  setTheme(THEME_ORDER[(i + 1) % THEME_ORDER.length] ?? 'system');
}
