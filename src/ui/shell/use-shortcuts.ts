// The run bar's keyboard shortcuts: Space plays or pauses, → steps one event, R resets
// (rebuilds the scenario at time zero); the time keys (← back, C crossing, N packet,
// - and + speed) are the timeline's handleTimeKey, registered here too so every key
// shown in the run bar works. [ and ] belong to the lesson panel.
// Keys typed into a field are left alone, and so is Space on a button outside the run
// bar (it activates that button, as a keyboard user expects). Modified keys (Ctrl, Alt,
// Meta) belong to the browser.
import { useEffect } from 'react';
import { step, toggleRun } from '../state/commands';
import { handleTimeKey } from '../timeline/time-keys';
import { startScenario } from '../timeline/time-commands';

function isTextEntry(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

function isOtherControl(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  const control = target.closest('button, a, summary, [role="button"]');
  return control !== null && !control.hasAttribute('data-runbar');
}

export function handleShortcut(e: KeyboardEvent): void {
  if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey || isTextEntry(e.target)) return;
  if (e.key === ' ') {
    if (isOtherControl(e.target) || e.repeat) return;
    e.preventDefault();
    toggleRun();
  } else if (e.key === 'ArrowRight') {
    e.preventDefault();
    step(1);
  } else if ((e.key === 'r' || e.key === 'R') && !e.shiftKey) {
    e.preventDefault();
    startScenario();
  }
}

export function useShortcuts(): void {
  useEffect(() => {
    window.addEventListener('keydown', handleShortcut);
    window.addEventListener('keydown', handleTimeKey);
    return () => {
      window.removeEventListener('keydown', handleShortcut);
      window.removeEventListener('keydown', handleTimeKey);
    };
  }, []);
}
