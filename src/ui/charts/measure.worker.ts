// The measure worker's entry: one MeasureSession at a time, driven by the page
// (start, then one slice per request, so the page paces it and can pause by not
// asking). Logic in measure-session.ts; errors come back as messages, never thrown.
import { MeasureSession } from './measure-session';

type Request =
  | { type: 'start'; epoch: number; a: unknown; b: unknown | null }
  | { type: 'slice'; epoch: number; maxEvents: number; untilNanos?: number };

const scope = self as unknown as { postMessage(m: unknown): void; addEventListener(t: 'message', l: (e: { data: Request }) => void): void };
let session: MeasureSession | null = null;
let epoch = -1;

scope.addEventListener('message', (e) => {
  const m = e.data;
  try {
    if (m.type === 'start') {
      epoch = m.epoch;
      const made = MeasureSession.create(m.a, m.b);
      session = made.ok ? made.session : null;
      scope.postMessage(made.ok ? { type: 'ready', epoch, progress: made.session.progress } : { type: 'error', epoch, error: made.error });
      return;
    }
    if (m.epoch !== epoch || !session) return;
    const s = session.slice(m.maxEvents, m.untilNanos);
    scope.postMessage({ type: 'slice', epoch, slice: s });
  } catch (err) {
    session = null;
    scope.postMessage({ type: 'error', epoch: m.epoch, error: err instanceof Error ? err.message : String(err) });
  }
});
