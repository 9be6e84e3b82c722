// Public names of src/worker: the protocol, the session that runs inside the worker, and
// the main-thread client. The worker entry itself is sim.worker.ts (bundled by Vite).
export {
  PROTOCOL_VERSION, parseToWorker, parseFromWorker, parseWorldSpec, isProtocolError,
  worldSpecSchema, toWorkerSchema, fromWorkerSchema, worldFiguresSchema, stepUnitSchema, seekTargetSchema,
  CONFIGURATION_NAMES,
} from './protocol';
export { sliceStreamSchema, emptyTraceColumns, streamTransferables, CAPTURE_POINT_NAMES, capturePointSchema } from './stream';
export type { SliceStream, WorldStream, TraceColumns, StreamFrame, StreamCaptureSource, StreamCapturePoint } from './stream';
export { createScenarioLabWorld, ScenarioLabWorld, STEP_LIMIT } from './scenario-world';
export { resolveScenario, type ResolvedScenario, type ScenarioSpec } from './scenario-source';
export { FrameLog } from './frame-log';
export { CheckpointStore, DEFAULT_POLICY, type CheckpointPolicy } from './checkpoints';
export { buildReplica, canReach, advance, positionOf, type Replica, type Tap } from './run-replica';
export { IdleScheduler, IDLE_QUIET_MS, type TimerHost } from './idle-scheduler';
export { drainTrace } from './trace-drain';
export type {
  WorldSpec, WorldKind, SliceBudget, SliceReason, CrashMode, ToWorker, FromWorker,
  WorldFigures, ProcessorFigures, WorldInfo, Failure, FailureKind, ProtocolError, StepUnit, SeekTarget, WorldPosition,
} from './protocol';
export { createWorld, isWorldError } from './world';
export type { LabWorld, WorldError } from './world';
export { WorkerSession, CrashRequested, IDLE_SLICE_EVENTS } from './session';
export type { WorldFactory } from './session';
export { attachSession } from './worker-host';
export type { WorkerScopeLike } from './worker-host';
export { WorkerClient } from './client';
export type {
  WorkerLike, WorkerEventLike, WorkerFactory, SlicePacer, RunLimiter, ClientStatus, SliceInfo, ClientListener,
} from './client';
export { InProcessWorker } from './in-process-worker';
