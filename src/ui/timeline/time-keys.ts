// Keyboard shortcuts of the time controls (beside the run bar's Space, → and R):
// ← back, C next layer crossing, N next packet, - slower, + (or =) faster ([ and ] belong
// to the lesson panel's steps). Keys typed into a
// field and modified keys are left alone. Only for a scenario world.
import { labStore } from '../state/store';
import { SPEEDS } from './speed-limiter';
import { setSpeed, stepBack, stepForward } from './time-commands';

function isTextEntry(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
}

export function handleTimeKey(e: KeyboardEvent): void {
  if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey || isTextEntry(e.target)) return;
  const s = labStore.getState();
  if (s.spec?.kind !== 'scenario') return;
  const i = Math.max(0, SPEEDS.findIndex((x) => x.nsPerSecond === s.speedNsPerSecond));
  const k = e.key;
  if (k === 'ArrowLeft') stepBack();
  else if (k === 'c' || k === 'C') stepForward('crossing');
  else if (k === 'n' || k === 'N') stepForward('packet');
  else if (k === '-') setSpeed(SPEEDS[Math.max(0, i - 1)]!.nsPerSecond);
  else if (k === '+' || k === '=') setSpeed(SPEEDS[Math.min(SPEEDS.length - 1, i + 1)]!.nsPerSecond);
  else return;
  e.preventDefault();
}
