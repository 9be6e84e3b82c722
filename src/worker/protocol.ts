// The typed message protocol between the page and the simulation worker.
//
// Contract:
// - Every message carries `v: PROTOCOL_VERSION`; a message of another version is
//   rejected with a typed error, never half-understood.
// - Both directions are discriminated unions on `type`. `parseToWorker` and
//   `parseFromWorker` accept `unknown` (whatever structured clone delivered) and
//   return either the typed message or a `ProtocolError` naming the problem; they
//   never throw.
// - `epoch` numbers one world: `create` starts a new epoch and every reply names the
//   epoch it belongs to, so the client can drop replies from a world it has replaced.
// - `seq` numbers one request within an epoch; the reply to a `run`/`step`/`seek`/`apply`
//   echoes it. `apply` (a live parameter change) is answered by `applied`, never by an
//   error that drops the world: a refused change leaves the world as it was.
// - A world is created from a spec `{ kind, seed, ... }`; new kinds (the machine model's
//   scenarios) join the `WorldSpec` union without changing the rest of the protocol.
// - Nothing here reads a clock: a slice is bounded by an event budget and optionally by
//   a simulated instant; the page measures wall time and sizes the budget.
import { z } from 'zod';
import { capturePointSchema, sliceStreamSchema } from './stream';

export const PROTOCOL_VERSION = 1 as const;

const seed = z.number().int().min(0).max(0xffff_ffff);
const count = z.number().int().min(1).max(1e9);
const epoch = z.number().int().min(0);
const seqNo = z.number().int().min(0);
const nanosValue = z.number().int().min(0);

export const CONFIGURATION_NAMES = ['native', 'stateless', 'offload'] as const;

/** A live change's value: what a control sends (src/scenario LiveValue). */
const liveValueSchema = z.union([z.string().max(2000), z.number(), z.boolean()]);
/** One world's position: events it has processed and its clock. */
const livePositionSchema = z.object({ events: z.number().int().min(0), nowNanos: nanosValue });
/** A logged live change (src/scenario LiveChange): path, value, one position per configuration. */
export const liveChangeSchema = z.object({ path: z.string().min(1).max(200), value: liveValueSchema, at: z.array(livePositionSchema).min(1).max(3) });
export type LiveChangeMessage = z.infer<typeof liveChangeSchema>;

/** How a world is made. `demo`: the simulation kernel's own seeded demo workload.
 *  `scenario`: the machine model's run (src/scenario) of a preset or a scenario given as
 *  JSON (validated in the worker), for the named configurations, with this seed (it
 *  replaces the scenario's own), capturing at `capturePoint` (default the wire). */
export const worldSpecSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('demo'), seed }),
  z.object({
    kind: z.literal('scenario'),
    seed,
    preset: z.string().optional(),
    scenario: z.unknown().optional(),
    configurations: z.array(z.enum(CONFIGURATION_NAMES)).min(1).max(3),
    capturePoint: capturePointSchema.optional(),
    /** Live changes to replay at their positions (a shared link's log); checked in the worker. */
    liveChanges: z.array(liveChangeSchema).max(1000).optional(),
  }),
]);
export type WorldSpec = z.infer<typeof worldSpecSchema>;
export type WorldKind = WorldSpec['kind'];

const budgetSchema = z.object({ maxEvents: count, untilNanos: nanosValue.optional() });
export type SliceBudget = z.infer<typeof budgetSchema>;

/** `throw`: fail inside the handler (reported as a typed error message);
 *  `uncaught`: let the exception escape the worker (the Worker's 'error' event fires). */
export const crashModeSchema = z.enum(['throw', 'uncaught']);
export type CrashMode = z.infer<typeof crashModeSchema>;

const v = z.literal(PROTOCOL_VERSION);

/** What one step advances to: the next event, the next trace record (a layer crossing),
 *  or the next captured frame (a packet on the wire or an I2O message on the bus). */
export const stepUnitSchema = z.enum(['event', 'crossing', 'packet']);
export type StepUnit = z.infer<typeof stepUnitSchema>;

/** Where one world of a run stands: events it has processed and its clock. */
const worldPositionSchema = z.object({ events: z.number().int().min(0), nowNanos: nanosValue });
export type WorldPosition = z.infer<typeof worldPositionSchema>;

/** A seek: back (or forward) to an exact earlier position, or to a simulated instant. */
export const seekTargetSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('position'), worlds: z.array(worldPositionSchema).min(1) }),
  z.object({ kind: z.literal('time'), nanos: nanosValue }),
]);
export type SeekTarget = z.infer<typeof seekTargetSchema>;

export const toWorkerSchema = z.discriminatedUnion('type', [
  z.object({ v, type: z.literal('create'), epoch, spec: worldSpecSchema }),
  z.object({ v, type: z.literal('run'), epoch, seq: seqNo, budget: budgetSchema }),
  z.object({ v, type: z.literal('step'), epoch, seq: seqNo, unit: stepUnitSchema, count }),
  z.object({ v, type: z.literal('seek'), epoch, seq: seqNo, target: seekTargetSchema }),
  z.object({ v, type: z.literal('crash'), epoch, mode: crashModeSchema }),
  /** Change a live parameter of the running world (src/scenario Run.applyLive). */
  z.object({ v, type: z.literal('apply'), epoch, seq: seqNo, path: z.string().min(1).max(200), value: liveValueSchema }),
]);
export type ToWorker = z.infer<typeof toWorkerSchema>;

const processorFigures = z.object({
  name: z.string(),
  clockHz: z.number().positive(),
  busyNanos: z.number().min(0),
  totalCycles: z.number().min(0),
  queueDepth: z.number().int().min(0),
  /** Cycles charged per category, indexed like `WorldInfo.categories`. */
  cyclesByCategory: z.array(z.number().min(0)),
});
export type ProcessorFigures = z.infer<typeof processorFigures>;

export const worldFiguresSchema = z.object({
  nowNanos: nanosValue,
  eventsProcessed: z.number().int().min(0),
  pending: z.number().int().min(0),
  /** Simulated time of the next event, null when the queue is empty. */
  nextEventNanos: nanosValue.nullable(),
  processors: z.array(processorFigures),
  /** Scenario worlds: one entry per configuration, in the run's order. */
  worlds: z.array(z.object({
    configuration: z.string(),
    position: worldPositionSchema,
    /** FNV-1a of the retained trace (src/sim TraceRing.hash): equal hashes, equal traces. */
    traceHash: z.string(),
    traceWritten: z.number().int().min(0),
    framesCaptured: z.number().int().min(0),
    /** The machine's counters (src/model/machine MachineCounters) by name. */
    counters: z.record(z.string(), z.number()),
  })).optional(),
  /** End of the run (scenario worlds), for the timeline. */
  endNanos: nanosValue.optional(),
});
export type WorldFigures = z.infer<typeof worldFiguresSchema>;

const worldInfo = z.object({
  title: z.string(),
  summary: z.string(),
  categories: z.array(z.string()),
  /** Scenario worlds: the configurations running, in order, and what could not be built. */
  configurations: z.array(z.string()).optional(),
  notes: z.array(z.string()).optional(),
});
export type WorldInfo = z.infer<typeof worldInfo>;

export const sliceReasonSchema = z.enum(['budget', 'until', 'empty', 'seek']);
export type SliceReason = z.infer<typeof sliceReasonSchema>;

/** Where a reported failure arose. The client adds `worker` (the Worker's 'error'
 *  event), `transport` ('messageerror' or a Worker that cannot start) and `protocol`
 *  (a reply it cannot read). */
export const failureKindSchema = z.enum(['protocol', 'world', 'runtime', 'crash', 'worker', 'transport']);
export type FailureKind = z.infer<typeof failureKindSchema>;

export const failureSchema = z.object({
  kind: failureKindSchema,
  message: z.string(),
  detail: z.string().optional(),
});
export type Failure = z.infer<typeof failureSchema>;

export const fromWorkerSchema = z.discriminatedUnion('type', [
  z.object({
    v, type: z.literal('ready'), epoch, spec: worldSpecSchema, info: worldInfo, figures: worldFiguresSchema,
    stream: sliceStreamSchema.optional(),
  }),
  z.object({
    v, type: z.literal('slice'), epoch, seq: seqNo,
    events: z.number().int().min(0), reason: sliceReasonSchema, figures: worldFiguresSchema,
    stream: sliceStreamSchema.optional(),
  }),
  z.object({ v, type: z.literal('error'), epoch: epoch.nullable(), failure: failureSchema }),
  /** The answer to `apply`. Never fatal: on `ok: false` the world runs on unchanged and
   *  `message` says why (naming the field); on `ok: true` `at` is where each configuration
   *  stood when the change took effect. `log` is the world's whole change log after it (a
   *  change made while rewound drops later ones), for the page to keep and share. */
  z.object({
    v, type: z.literal('applied'), epoch, seq: seqNo, path: z.string(), ok: z.boolean(), message: z.string(),
    at: z.array(livePositionSchema), log: z.array(liveChangeSchema), dropped: z.number().int().min(0),
  }),
]);
export type FromWorker = z.infer<typeof fromWorkerSchema>;

export interface ProtocolError {
  readonly kind: 'protocol-error';
  readonly message: string;
}

function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((i) => `${i.path.length ? i.path.join('.') : '(message)'}: ${i.message}`)
    .join('; ');
}

function parseWith<T>(schema: z.ZodType<T>, data: unknown, direction: string): T | ProtocolError {
  if (typeof data === 'object' && data !== null && 'v' in data && data.v !== PROTOCOL_VERSION) {
    return { kind: 'protocol-error', message: `${direction}: protocol version ${String(data.v)} is not ${PROTOCOL_VERSION}` };
  }
  const parsed = schema.safeParse(data);
  if (parsed.success) return parsed.data;
  return { kind: 'protocol-error', message: `${direction}: ${describeIssues(parsed.error)}` };
}

export function parseToWorker(data: unknown): ToWorker | ProtocolError {
  return parseWith(toWorkerSchema, data, 'message to worker');
}

export function parseFromWorker(data: unknown): FromWorker | ProtocolError {
  return parseWith(fromWorkerSchema, data, 'message from worker');
}

export function isProtocolError(x: unknown): x is ProtocolError {
  return typeof x === 'object' && x !== null && (x as { kind?: unknown }).kind === 'protocol-error';
}

export function parseWorldSpec(data: unknown): WorldSpec | ProtocolError {
  return parseWith(worldSpecSchema, data, 'world spec');
}
