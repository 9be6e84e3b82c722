// The lesson worker: runs one step's scenario to its end (src/scenario/lessons
// runStep) off the page's thread and returns the flat figures the checker reads.
// Errors come back as messages, never thrown.
import { runStep, type LessonScenario } from '../../scenario/lessons';

const scope = self as unknown as { postMessage(m: unknown): void; addEventListener(t: 'message', l: (e: { data: { id: number; spec: LessonScenario } }) => void): void };

scope.addEventListener('message', (e) => {
  const { id, spec } = e.data;
  try {
    const r = runStep(spec);
    scope.postMessage(r.ok ? { id, ok: true, metrics: r.metrics } : { id, ok: false, error: r.errors.map((x) => `${x.path}: ${x.message}`).join('; ') });
  } catch (err) {
    scope.postMessage({ id, ok: false, error: err instanceof Error ? err.message : String(err) });
  }
});
