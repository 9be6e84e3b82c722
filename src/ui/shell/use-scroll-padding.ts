// Keeps the page's scroll padding equal to the sticky run bar's height, so that whatever
// the browser scrolls into view (a focused inspector row, a #fragment target, a
// scrollIntoView) stops below the bar instead of under it. The bar's height changes with
// the width (it wraps to more rows on a tablet) and the font size, so it is measured:
// the bar's border-box height goes into --runbar-height on <html>, which theme.css turns
// into scroll-padding-top (CSS Scroll Snap 1, 'scroll-padding', applies to every
// scroll into view, not only to snapping).
import { useEffect, type RefObject } from 'react';

export function useScrollPaddingFor(ref: RefObject<HTMLElement | null>): void {
  useEffect(() => {
    const el = ref.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    const root = document.documentElement;
    const publish = () => root.style.setProperty('--runbar-height', `${Math.ceil(el.getBoundingClientRect().height)}px`);
    publish();
    const observer = new ResizeObserver(publish);
    observer.observe(el);
    return () => {
      observer.disconnect();
      root.style.removeProperty('--runbar-height');
    };
  }, [ref]);
}
