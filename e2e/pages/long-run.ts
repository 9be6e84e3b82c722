// A link to the lab's default scenario with a run far longer than any test plays
// (10 minutes of simulated time). Tests that press Run and later Pause use it, so
// that a faster machine (or a faster model) cannot reach the end of the run
// before Pause is pressed; everything else about the page is the default.
import { applyOverrides, defaultScenario } from '../../src/scenario';
import { encodeLink } from '../../src/ui/share/link-codec';

export function longRunUrl(): string {
  const s = applyOverrides(defaultScenario(), ['durationMs=600000']);
  if (!s.ok) throw new Error(`long-run scenario: ${JSON.stringify(s.errors)}`);
  return `./#${encodeLink({ scenario: s.scenario, variant: null, view: 'charts' })}`;
}
