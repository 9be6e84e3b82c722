// The session slice: what the worker is doing and what the user asked for.
// Data only; the actions that change it live at module level in actions.ts.
import type { ClientStatus, Failure, WorldInfo, WorldSpec } from '../../worker';

export const DEFAULT_SEED = 1;

export interface SessionSlice {
  status: ClientStatus;
  /** The spec of the world in the worker (the one Reset recreates). */
  spec: WorldSpec | null;
  info: WorldInfo | null;
  failure: Failure | null;
  /** The seed field as typed, and why it cannot be used (null when it can). */
  seedText: string;
  seedError: string | null;
}

export const initialSessionSlice = (): SessionSlice => ({
  status: 'idle',
  spec: null,
  info: null,
  failure: null,
  seedText: String(DEFAULT_SEED),
  seedError: null,
});
