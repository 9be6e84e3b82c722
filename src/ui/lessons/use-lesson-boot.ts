// Mounted once by the app: opens the lesson named in the address (?lesson=…&step=…),
// or the welcome on a first visit; follows prefers-reduced-motion into the store's
// `reducedMotion` flag (views animate stepwise when it is set); mirrors the step's
// layers into <html data-lesson-layers> (Lessons.css outlines those boxes); removes
// the lesson from the address when it is left.
import { useEffect } from 'react';
import { labStore } from '../state/store';
import { openWelcomeIfFirstVisit, setReducedMotion } from './lesson-actions';
import { readLessonLocation, withLessonLocation } from './lesson-url';

export function useLessonBoot(): void {
  useEffect(() => {
    const loc = readLessonLocation(window.location.search);
    if (loc) labStore.setState({ lesson: { id: loc.id, step: loc.step - 1 } });
    let storage: Storage | null = null;
    try { storage = window.localStorage; } catch { storage = null; }
    openWelcomeIfFirstVisit(storage, loc !== null || window.location.hash.length > 1);
    const mq = window.matchMedia('(prefers-reduced-motion: reduce)');
    setReducedMotion(mq.matches);
    const onChange = () => setReducedMotion(mq.matches);
    mq.addEventListener('change', onChange);
    const unsub = labStore.subscribe((s, prev) => {
      if (s.highlightLayers !== prev.highlightLayers) {
        if (s.highlightLayers.length) document.documentElement.dataset['lessonLayers'] = s.highlightLayers.join(' ');
        else delete document.documentElement.dataset['lessonLayers'];
      }
      if (prev.lesson !== null && s.lesson === null) {
        window.history.replaceState(null, '', `${window.location.pathname}${withLessonLocation(window.location.search, null)}${window.location.hash}`);
      }
    });
    return () => { mq.removeEventListener('change', onChange); unsub(); };
  }, []);
}
