// The typed test API on `window.__offloadLab`, for e2e tests and for people poking at
// the lab from the console. It reads figures straight from the latest worker reply (not
// the frame-throttled store) and drives the same commands as the buttons.
import type { ClientStatus, CrashMode, Failure } from '../../worker';
import * as commands from '../state/commands';
import type { LabRuntime } from './lab-runtime';

export interface LabSnapshot {
  status: ClientStatus;
  seed: number | null;
  /** True when nothing is in flight: the figures will not change by themselves. */
  settled: boolean;
  eventsProcessed: number;
  nowNanos: number;
  pending: number;
  nextEventNanos: number | null;
  processors: { name: string; busyNanos: number; totalCycles: number }[];
  failure: Failure | null;
  /** The event budget of the next slice (adapted from measured wall time). */
  sliceBudget: number;
}

export interface OffloadLabTestApi {
  readonly version: 1;
  snapshot(): LabSnapshot;
  run(): void;
  pause(): void;
  step(count?: number): void;
  reset(): void;
  restart(): void;
  /** Makes the worker fail: `uncaught` (default) throws out of it, `throw` fails inside. */
  crashWorker(mode?: CrashMode): void;
}

declare global {
  interface Window {
    __offloadLab?: OffloadLabTestApi;
  }
}

export function createTestApi(rt: LabRuntime): OffloadLabTestApi {
  return {
    version: 1,
    snapshot() {
      const f = rt.live.latest;
      const spec = rt.client.currentSpec;
      return {
        status: rt.client.status,
        seed: spec ? spec.seed : null,
        settled: rt.client.settled,
        eventsProcessed: f?.eventsProcessed ?? 0,
        nowNanos: f?.nowNanos ?? 0,
        pending: f?.pending ?? 0,
        nextEventNanos: f?.nextEventNanos ?? null,
        processors: (f?.processors ?? []).map((p) => ({ name: p.name, busyNanos: p.busyNanos, totalCycles: p.totalCycles })),
        failure: rt.client.failure,
        sliceBudget: rt.budget.current,
      };
    },
    run: commands.run,
    pause: commands.pause,
    step: (count = 1) => commands.step(count),
    reset: commands.reset,
    restart: commands.restart,
    crashWorker: (mode = 'uncaught') => commands.crashWorker(mode),
  };
}
