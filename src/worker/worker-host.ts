// Binds a WorkerSession to a worker's global scope.
//
// Contract: every 'message' goes to the session; a 'messageerror' (data the worker
// could not deserialize) is answered with a typed transport failure. Exceptions the
// session lets escape (only a requested `uncaught` crash) propagate to the scope, so
// the page sees the Worker's 'error' event exactly as for a real bug. Between
// requests the session's background work runs in slices (idle-scheduler.ts).
import { IdleScheduler, type TimerHost } from './idle-scheduler';
import { PROTOCOL_VERSION, type FromWorker } from './protocol';
import { WorkerSession } from './session';

/** The part of DedicatedWorkerGlobalScope the host uses. */
export interface WorkerScopeLike {
  postMessage(message: FromWorker, transfer?: Transferable[]): void;
  addEventListener(type: 'message' | 'messageerror', listener: (event: { data?: unknown }) => void): void;
}

const globalTimers: TimerHost = {
  setTimeout: (fn, ms) => globalThis.setTimeout(fn, ms),
  clearTimeout: (h) => globalThis.clearTimeout(h as ReturnType<typeof globalThis.setTimeout>),
};

export function attachSession(scope: WorkerScopeLike, timers: TimerHost = globalTimers): WorkerSession {
  const session = new WorkerSession((m, transfer) => (transfer && transfer.length > 0 ? scope.postMessage(m, transfer) : scope.postMessage(m)));
  const idle = new IdleScheduler(() => session.idle(), timers);
  scope.addEventListener('message', (event) => {
    idle.stop();
    session.receive(event.data);
    idle.request();
  });
  scope.addEventListener('messageerror', () => {
    scope.postMessage({
      v: PROTOCOL_VERSION, type: 'error', epoch: session.currentEpoch,
      failure: { kind: 'transport', message: 'the worker received a message it could not deserialize' },
    });
  });
  return session;
}
