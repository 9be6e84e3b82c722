// The page's entry: builds the runtime (a real Web Worker, the wall clock and
// requestAnimationFrame are injected here and only here), binds the commands, the views
// and the charts to the worker's one stream, exposes the test API, starts the network
// model (the scenario from the link or the default preset, paused at time zero) and
// renders the app inside an error boundary.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import type { WorkerLike } from '../worker';
import { App } from './app/App';
import { ErrorBoundary } from './app/ErrorBoundary';
import { loadSavedTheme } from './app/use-theme';
import { createLabRuntime } from './runtime/lab-runtime';
import { createTestApi } from './runtime/test-api';
import { bindRuntime } from './state/commands';
import { labStore } from './state/store';
import { bindChartClock, labFeed } from './charts/feed-binding';
import { chartsListener } from './charts/stream-binding';
import { followScenario } from './runtime/follow-scenario';
import { startUrlSync } from './share/url-sync';
import { bindViews, createViewsTestApi } from './views';
import { history as timeHistory, startScenario } from './timeline/time-commands';
import { trackHistory } from './timeline/history';
import './app/theme.css';

const runtime = createLabRuntime({
  workerFactory: () =>
    new Worker(new URL('../worker/sim.worker.ts', import.meta.url), { type: 'module', name: 'offload-lab-sim' }) as WorkerLike,
  now: () => performance.now(),
  scheduleFrame: (cb) => requestAnimationFrame(cb),
});
bindRuntime(runtime);
bindViews(runtime.client, runtime.frames, () => performance.now(), (cb) => { requestAnimationFrame(() => cb()); });
runtime.client.addListener(trackHistory(timeHistory));
window.__offloadLabViews = createViewsTestApi();
bindChartClock(runtime.frames);
runtime.client.addListener(chartsListener(labFeed, () => runtime.client.currentSpec, () => labStore.getState().scenario));
startUrlSync(window);
// Without a link the lab opens on native against offload (stateless joins on request).
if (!window.location.hash.startsWith('#lab=')) {
  const s = labStore.getState();
  labStore.setState({ scenario: { ...s.scenario, configurations: s.scenario.configurations.filter((c) => c !== 'stateless') } });
}
window.__offloadLab = createTestApi(runtime);
loadSavedTheme();
followScenario(labStore, runtime.client, startScenario);
startScenario();

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <ErrorBoundary>
        <App />
      </ErrorBoundary>
    </StrictMode>,
  );
}
