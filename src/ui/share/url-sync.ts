// Keeps the page's address in step with the scenario: at start-up a `#lab=` link is
// applied (or refused with a message, the default scenario kept); afterwards every
// accepted change rewrites the fragment with history.replaceState, so the address bar
// is always a link that reproduces what the page shows. A refused link is left in the
// address bar until the next change, so the person can see what they pasted. The live
// changes made while the model ran are part of the link (link-codec.ts).
import { applyLinkHash } from '../state/scenario-actions';
import { labStore } from '../state/store';
import { encodeLink } from './link-codec';

export function currentLink(baseHref: string): string {
  const s = labStore.getState();
  const base = baseHref.split('#')[0] ?? baseHref;
  return `${base}#${encodeLink({ scenario: s.scenario, variant: s.variant, view: s.view, liveChanges: s.liveChanges })}`;
}

export function startUrlSync(win: Window): () => void {
  applyLinkHash(win.location.hash);
  let last = labStore.getState();
  return labStore.subscribe((s) => {
    const changed = s.scenarioVersion !== last.scenarioVersion || s.variant !== last.variant || s.view !== last.view
      || s.liveChanges !== last.liveChanges;
    last = s;
    if (!changed) return;
    win.history.replaceState(null, '', `#${encodeLink({ scenario: s.scenario, variant: s.variant, view: s.view, liveChanges: s.liveChanges })}`);
  });
}
