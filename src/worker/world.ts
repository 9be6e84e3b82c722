// What the worker needs from a world, and how a spec becomes one.
//
// Contract: `createWorld(spec)` returns a `LabWorld` or a typed `WorldError`, never
// throws for a valid spec. A `LabWorld` advances only when asked (`runFor`, `step`) and
// reports its figures as plain data that survives structured clone. It reads no clock:
// the same spec gives the same sequence of figures for the same sequence of requests.
// New world kinds (the machine model's scenarios) are added to the switch below and to
// `WorldSpec` in protocol.ts; the session and the client do not change.
import type { SliceBudget, SliceReason, WorldFigures, WorldInfo, WorldSpec } from './protocol';
import { createDemoLabWorld } from './demo-world';

export interface LabWorld {
  readonly info: WorldInfo;
  /** Runs events until the budget is spent, `untilNanos` is reached or the queue is empty. */
  runFor(budget: SliceBudget): { events: number; reason: SliceReason };
  /** Runs exactly one event; false when there was none. */
  step(): boolean;
  figures(): WorldFigures;
}

export interface WorldError {
  readonly kind: 'world-error';
  readonly message: string;
}

export function createWorld(spec: WorldSpec): LabWorld | WorldError {
  switch (spec.kind) {
    case 'demo':
      return createDemoLabWorld(spec.seed);
  }
}

export function isWorldError(x: LabWorld | WorldError): x is WorldError {
  return (x as { kind?: unknown }).kind === 'world-error';
}
