// The simulation worker's entry: nothing but the binding of its global scope to a
// WorkerSession (worker-host.ts). All logic lives in plain modules tested in node.
import { attachSession, type WorkerScopeLike } from './worker-host';

attachSession(self as unknown as WorkerScopeLike);
