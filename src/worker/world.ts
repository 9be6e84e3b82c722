// What the worker needs from a world, and how a spec becomes one.
//
// Contract: `createWorld(spec)` returns a `LabWorld` or a typed `WorldError`, never
// throws for a valid spec. A `LabWorld` advances only when asked (`runFor`, `step`) and
// reports its figures as plain data that survives structured clone. It reads no clock:
// the same spec gives the same sequence of figures for the same sequence of requests.
// New world kinds (the machine model's scenarios) are added to the switch below and to
// `WorldSpec` in protocol.ts; the session and the client do not change.
import type { SeekTarget, SliceBudget, SliceReason, StepUnit, WorldFigures, WorldInfo, WorldSpec } from './protocol';
import type { SliceStream } from './stream';
import type { LiveValue } from '../scenario/run';
import type { ApplyOutcome } from './live-apply';
import { createDemoLabWorld } from './demo-world';
import { createScenarioLabWorld } from './scenario-world';

export interface LabWorld {
  readonly info: WorldInfo;
  /** Runs events until the budget is spent, `untilNanos` is reached or the queue is empty. */
  runFor(budget: SliceBudget): { events: number; reason: SliceReason };
  /** Runs exactly one event; false when there was none. */
  step(): boolean;
  figures(): WorldFigures;
  /** Runs until one `unit` has happened (at most a bounded number of events); false when none could. */
  stepBy?(unit: StepUnit): boolean;
  /** Moves to `target` (rebuilding and replaying when it lies behind); a typed error when it cannot. */
  seek?(target: SeekTarget): WorldError | null;
  /** What happened since the last drain (or, with `reset`, the whole retained history). */
  drain?(reset: boolean): SliceStream;
  /** Changes a live parameter where the world stands (live-apply.ts); never fatal. */
  apply?(path: string, value: LiveValue): ApplyOutcome;
  /** One slice of background work (at most `maxEvents` events, e.g. regenerating
   *  checkpoints); never changes what the world shows. True while more remains. */
  idle?(maxEvents: number): boolean;
  /** Drops what the world keeps beside its live state (checkpoints): it is being replaced. */
  dispose?(): void;
}

export interface WorldError {
  readonly kind: 'world-error';
  readonly message: string;
}

export function createWorld(spec: WorldSpec): LabWorld | WorldError {
  switch (spec.kind) {
    case 'demo':
      return createDemoLabWorld(spec.seed);
    case 'scenario':
      return createScenarioLabWorld(spec);
  }
}

export function isWorldError(x: LabWorld | WorldError): x is WorldError {
  return (x as { kind?: unknown }).kind === 'world-error';
}
