// Boots the sweep bench's worker thread: registers tsx's loader in this thread (worker
// threads do not inherit it) and loads the TypeScript entry.
import { register } from 'tsx/esm/api';

register();
await import('./sweep-pool-worker.ts');
