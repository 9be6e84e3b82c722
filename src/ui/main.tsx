// The page's entry: builds the runtime (a real Web Worker, the wall clock and
// requestAnimationFrame are injected here and only here), binds the commands, exposes
// the test API, starts the demo world and renders the app inside an error boundary.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import type { WorkerLike } from '../worker';
import { App } from './app/App';
import { ErrorBoundary } from './app/ErrorBoundary';
import { loadSavedTheme } from './app/use-theme';
import { createLabRuntime } from './runtime/lab-runtime';
import { createTestApi } from './runtime/test-api';
import { bindRuntime, startLab } from './state/commands';
import { DEFAULT_SEED } from './state/session-slice';
import { bindChartClock } from './charts/feed-binding';
import { startUrlSync } from './share/url-sync';
import { bindViews, createViewsTestApi } from './views';
import { history as timeHistory } from './timeline/time-commands';
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
startUrlSync(window);
window.__offloadLab = createTestApi(runtime);
loadSavedTheme();
startLab(DEFAULT_SEED);

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
