// Keeps the network model on the scenario the page holds: when the controls, a link, a
// file or a preset change the scenario (scenarioVersion), the model is rebuilt at time
// zero with the scenario's own configurations (the views' stateless flag follows
// scenario.configurations, so there is one truth, carried in links), so the views, charts and headline always
// show the scenario and seed the controls and links carry. A change that already
// restarted the model itself (a lesson step starts its own scenario) is not restarted twice.
import type { StoreApi } from 'zustand/vanilla';
import type { WorldSpec } from '../../worker';

interface Followed {
  readonly scenario: { readonly configurations: readonly string[] };
  readonly scenarioVersion: number;
  readonly showStateless: boolean;
}

export function followScenario<S extends Followed>(
  store: StoreApi<S>,
  client: { readonly currentSpec: WorldSpec | null },
  restart: () => void,
): () => void {
  const syncStateless = (s: S) => {
    const want = s.scenario.configurations.includes('stateless');
    if (want !== s.showStateless) store.setState({ showStateless: want } as Partial<S>);
  };
  syncStateless(store.getState());
  let last = store.getState();
  return store.subscribe((s) => {
    if (s.scenarioVersion !== last.scenarioVersion) syncStateless(s);
    s = store.getState();
    const changed = s.scenarioVersion !== last.scenarioVersion || s.showStateless !== last.showStateless;
    last = s;
    if (!changed) return;
    // After the synchronous code that made the change (it may start the model itself).
    queueMicrotask(() => {
      const now = store.getState();
      const spec = client.currentSpec;
      if (spec?.kind !== 'scenario') return;
      const hasStateless = spec.configurations.includes('stateless');
      if (spec.scenario === now.scenario && hasStateless === now.showStateless) return;
      restart();
    });
  });
}
