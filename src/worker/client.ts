// The main-thread side of the worker protocol: WorkerClient.
//
// Contract:
// - Commands are declarative: `start(spec)`, `run()`, `pause()`, `step(n)`, `reset(spec?)`,
//   `restart()`. At most one request is in flight at a time, so the worker never queues
//   work the page no longer wants and `step(n)` advances exactly n events.
// - While running, each reply asks the `SlicePacer` for the next budget. The pacer is
//   given by the page, which measures wall time; nothing here reads a clock.
// - Every failure becomes one typed `Failure` and the status `failed`: the Worker's
//   'error' event (an exception escaped the worker), 'messageerror', a Worker that cannot
//   be constructed, an `error` reply, or a reply that fails validation. The failed worker
//   is terminated; `restart()` makes a new one and recreates the world from the last spec.
// - Replies from an older epoch (a world since replaced by `reset`) are ignored.
// - `apply(path, value)` changes a live parameter of the running world without
//   restarting it; the Promise resolves with the worker's `applied` answer (never
//   rejects: a refused change, a replaced world or a failed worker resolve `ok: false`
//   with the reason). Applies go in order, between slices, after a queued seek.
import {
  PROTOCOL_VERSION, isProtocolError, parseFromWorker,
  type CrashMode, type Failure, type FromWorker, type LiveChangeMessage, type SeekTarget, type SliceBudget, type SliceReason,
  type StepUnit, type ToWorker, type WorldFigures, type WorldInfo, type WorldPosition, type WorldSpec,
} from './protocol';
import type { SliceStream } from './stream';

/** What the client needs of a Worker (a real one, or an in-process stand-in in tests). */
export interface WorkerEventLike {
  data?: unknown;
  message?: string;
  filename?: string;
  lineno?: number;
  preventDefault?: () => void;
}
export interface WorkerLike {
  postMessage(message: ToWorker): void;
  terminate(): void;
  addEventListener(type: 'message' | 'messageerror' | 'error', listener: (event: WorkerEventLike) => void): void;
}
export type WorkerFactory = () => WorkerLike;

export interface SlicePacer {
  /** The budget for the next slice, called just before it is sent. */
  next(): SliceBudget;
  /** The slice sent last came back having run `events` events. */
  done(events: number): void;
}

export type ClientStatus = 'idle' | 'starting' | 'paused' | 'running' | 'ended' | 'failed';

export interface SliceInfo {
  readonly request: 'run' | 'step' | 'seek';
  readonly events: number;
  readonly reason: SliceReason;
}

export interface ClientListener {
  status?(status: ClientStatus): void;
  ready?(info: WorldInfo, spec: WorldSpec, figures: WorldFigures): void;
  figures?(figures: WorldFigures, slice: SliceInfo): void;
  failure?(failure: Failure): void;
  /** Scenario worlds: what the world streamed with `ready` or a slice (before `ready`/`figures` is called). */
  stream?(stream: SliceStream): void;
}

/** Paces a running world by simulated time (slow motion): `gate` defers each run request
 *  (the page passes "on the next animation frame"), `untilNanos` bounds its slice given
 *  the world's current time. */
export interface RunLimiter {
  gate(go: () => void): void;
  untilNanos(nowNanos: number): number;
}

/** The answer to `apply`: where each configuration stood when the change took effect, or why it did not. */
export interface ApplyResult {
  readonly ok: boolean;
  readonly path: string;
  readonly message: string;
  readonly at: readonly WorldPosition[];
  /** The world's change log after this change (empty when the world never answered). */
  readonly log: readonly LiveChangeMessage[];
  /** Later changes dropped because the change was made while rewound before them. */
  readonly dropped: number;
}

interface QueuedApply {
  readonly path: string;
  readonly value: string | number | boolean;
  readonly resolve: (r: ApplyResult) => void;
}

type InFlight = { kind: 'create' } | { kind: 'run' | 'step' | 'seek'; seq: number } | { kind: 'apply'; seq: number; job: QueuedApply };

export class WorkerClient {
  private worker: WorkerLike | null = null;
  private epoch = 0;
  private seq = 0;
  private inFlight: InFlight | null = null;
  private queuedSteps = 0;
  private queuedUnit: StepUnit = 'event';
  private queuedSeek: SeekTarget | null = null;
  private queuedApplies: QueuedApply[] = [];
  private readonly extra = new Set<ClientListener>();
  private limiter: RunLimiter | null = null;
  private gateOpen = false;
  private gateWaiting = false;
  private lastNow = 0;
  private running = false;
  private ended = false;
  private failed: Failure | null = null;
  private spec: WorldSpec | null = null;
  private lastStatus: ClientStatus = 'idle';

  constructor(
    private readonly factory: WorkerFactory,
    private readonly pacer: SlicePacer,
    private readonly listener: ClientListener = {},
  ) {}

  get status(): ClientStatus {
    if (this.failed) return 'failed';
    if (!this.spec) return 'idle';
    if (this.inFlight?.kind === 'create') return 'starting';
    if (this.running) return 'running';
    return this.ended ? 'ended' : 'paused';
  }

  /** True when no request is in flight or queued: the figures will not change by themselves. */
  get settled(): boolean {
    return this.inFlight === null && this.queuedSteps === 0 && this.queuedSeek === null && this.queuedApplies.length === 0 && !this.running;
  }

  /** Slow motion: a limiter paces run slices; null runs as fast as the engine goes. */
  setRunLimiter(limiter: RunLimiter | null): void {
    this.limiter = limiter;
    this.gateOpen = false;
    this.pump();
  }

  /** Another listener beside the constructor's (views that read the stream); returns its removal. */
  addListener(l: ClientListener): () => void {
    this.extra.add(l);
    return () => { this.extra.delete(l); };
  }

  get failure(): Failure | null {
    return this.failed;
  }

  get currentSpec(): WorldSpec | null {
    return this.spec;
  }

  start(spec: WorldSpec): void {
    this.refuseApplies('the world was replaced before the change reached it');
    this.spec = spec;
    this.failed = null;
    this.running = false;
    this.ended = false;
    this.queuedSteps = 0;
    this.queuedSeek = null;
    if (!this.worker && !this.spawn()) return;
    this.epoch += 1;
    this.inFlight = { kind: 'create' };
    this.send({ v: PROTOCOL_VERSION, type: 'create', epoch: this.epoch, spec });
    this.emitStatus();
  }

  run(): void {
    if (this.failed || !this.spec || this.ended) return;
    this.running = true;
    this.emitStatus();
    this.pump();
  }

  pause(): void {
    this.running = false;
    this.emitStatus();
  }

  /** Advances `count` units (events, layer crossings or packets); queued steps of another unit are replaced. */
  step(count = 1, unit: StepUnit = 'event'): void {
    if (this.failed || !this.spec || this.ended) return;
    this.running = false;
    if (unit !== this.queuedUnit) this.queuedSteps = 0;
    this.queuedUnit = unit;
    this.queuedSteps += Math.max(1, Math.floor(count));
    this.emitStatus();
    this.pump();
  }

  /** Moves the world to `target` (scenario worlds): pauses, drops queued steps; the latest seek wins. */
  seek(target: SeekTarget): void {
    if (this.failed || !this.spec) return;
    this.running = false;
    this.queuedSteps = 0;
    this.queuedSeek = target;
    this.emitStatus();
    this.pump();
  }

  /** Changes a live parameter of the current world where it stands (see the header). */
  apply(path: string, value: string | number | boolean): Promise<ApplyResult> {
    return new Promise((resolve) => {
      if (this.failed || !this.spec) {
        resolve(refused(path, this.failed ? `the worker failed: ${this.failed.message}` : 'no world is running'));
        return;
      }
      this.queuedApplies.push({ path, value, resolve });
      this.pump();
    });
  }

  /** A fresh world from `spec` (or the current one), paused at time zero. */
  reset(spec?: WorldSpec): void {
    const next = spec ?? this.spec;
    if (!next) return;
    if (this.failed) {
      this.spec = next;
      this.restart();
      return;
    }
    this.start(next);
  }

  /** A new worker (the old one is terminated) and the last spec's world recreated in it. */
  restart(): void {
    this.dropWorker();
    if (this.spec) this.start(this.spec);
  }

  /** Test hook: makes the worker fail on purpose. */
  crash(mode: CrashMode = 'uncaught'): void {
    if (!this.worker) return;
    this.send({ v: PROTOCOL_VERSION, type: 'crash', epoch: this.epoch, mode });
  }

  dispose(): void {
    this.dropWorker();
    this.spec = null;
    this.emitStatus();
  }

  private spawn(): boolean {
    try {
      const worker = this.factory();
      worker.addEventListener('message', (e) => { if (this.worker === worker) this.onMessage(e.data); });
      worker.addEventListener('messageerror', () => {
        if (this.worker === worker) this.fail({ kind: 'transport', message: 'a message from the worker could not be deserialized' });
      });
      worker.addEventListener('error', (e) => {
        if (this.worker !== worker) return;
        e.preventDefault?.();
        const where = e.filename ? ` (${e.filename}${e.lineno ? `:${e.lineno}` : ''})` : '';
        this.fail({ kind: 'worker', message: `${e.message ?? 'the worker failed to load or threw'}${where}` });
      });
      this.worker = worker;
      return true;
    } catch (e) {
      this.fail({ kind: 'transport', message: `the worker could not be started: ${e instanceof Error ? e.message : String(e)}` });
      return false;
    }
  }

  private refuseApplies(why: string): void {
    const jobs = this.inFlight?.kind === 'apply' ? [this.inFlight.job, ...this.queuedApplies] : this.queuedApplies;
    this.queuedApplies = [];
    if (this.inFlight?.kind === 'apply') this.inFlight = null;
    for (const j of jobs) j.resolve(refused(j.path, why));
  }

  private dropWorker(): void {
    this.refuseApplies('the worker stopped before the change reached it');
    const w = this.worker;
    this.worker = null;
    this.inFlight = null;
    this.queuedSteps = 0;
    this.queuedSeek = null;
    this.running = false;
    w?.terminate();
  }

  private send(message: ToWorker): void {
    try {
      this.worker?.postMessage(message);
    } catch (e) {
      this.fail({ kind: 'transport', message: `a message could not be posted: ${e instanceof Error ? e.message : String(e)}` });
    }
  }

  private pump(): void {
    if (!this.worker || this.inFlight || this.failed) return;
    if (this.queuedSeek !== null) {
      const target = this.queuedSeek;
      this.queuedSeek = null;
      this.seq += 1;
      this.inFlight = { kind: 'seek', seq: this.seq };
      this.send({ v: PROTOCOL_VERSION, type: 'seek', epoch: this.epoch, seq: this.seq, target });
    } else if (this.queuedApplies.length > 0) {
      const job = this.queuedApplies.shift()!;
      this.seq += 1;
      this.inFlight = { kind: 'apply', seq: this.seq, job };
      this.send({ v: PROTOCOL_VERSION, type: 'apply', epoch: this.epoch, seq: this.seq, path: job.path, value: job.value });
    } else if (this.queuedSteps > 0) {
      const count = this.queuedSteps;
      this.queuedSteps = 0;
      this.seq += 1;
      this.inFlight = { kind: 'step', seq: this.seq };
      this.send({ v: PROTOCOL_VERSION, type: 'step', epoch: this.epoch, seq: this.seq, unit: this.queuedUnit, count });
    } else if (this.running) {
      const limiter = this.limiter;
      let budget = this.pacer.next();
      if (limiter) {
        if (!this.gateOpen) {
          if (!this.gateWaiting) {
            this.gateWaiting = true;
            limiter.gate(() => {
              this.gateWaiting = false;
              if (this.limiter !== limiter) return;
              this.gateOpen = true;
              this.pump();
            });
          }
          return;
        }
        this.gateOpen = false;
        budget = { ...budget, untilNanos: Math.max(this.lastNow, Math.floor(limiter.untilNanos(this.lastNow))) };
      }
      this.seq += 1;
      this.inFlight = { kind: 'run', seq: this.seq };
      this.send({ v: PROTOCOL_VERSION, type: 'run', epoch: this.epoch, seq: this.seq, budget });
    }
  }

  private onMessage(data: unknown): void {
    const msg = parseFromWorker(data);
    if (isProtocolError(msg)) {
      this.fail({ kind: 'protocol', message: msg.message });
      return;
    }
    if (msg.epoch !== null && msg.epoch !== this.epoch) return; // from a replaced world
    this.handle(msg);
  }

  private handle(msg: FromWorker): void {
    switch (msg.type) {
      case 'ready':
        if (this.inFlight?.kind !== 'create') return;
        this.inFlight = null;
        this.ended = false;
        this.lastNow = msg.figures.nowNanos;
        this.notify((l) => { if (msg.stream) l.stream?.(msg.stream); l.ready?.(msg.info, msg.spec, msg.figures); });
        this.emitStatus();
        this.pump();
        return;
      case 'slice': {
        const inFlight = this.inFlight;
        if (!inFlight || inFlight.kind === 'create' || inFlight.kind === 'apply' || inFlight.seq !== msg.seq) return;
        this.inFlight = null;
        if (inFlight.kind === 'run') this.pacer.done(msg.events);
        if (msg.reason === 'empty') {
          this.ended = true;
          this.running = false;
          this.queuedSteps = 0;
        } else if (inFlight.kind === 'seek') {
          this.ended = false;
        }
        this.lastNow = msg.figures.nowNanos;
        const slice: SliceInfo = { request: inFlight.kind, events: msg.events, reason: msg.reason };
        this.notify((l) => { if (msg.stream) l.stream?.(msg.stream); l.figures?.(msg.figures, slice); });
        this.emitStatus();
        this.pump();
        return;
      }
      case 'applied': {
        const inFlight = this.inFlight;
        if (inFlight?.kind !== 'apply' || inFlight.seq !== msg.seq) return;
        this.inFlight = null;
        // Reset and restart recreate the world with its changes replayed at their positions.
        if (msg.ok && this.spec?.kind === 'scenario') this.spec = { ...this.spec, liveChanges: msg.log };
        inFlight.job.resolve({ ok: msg.ok, path: msg.path, message: msg.message, at: msg.at, log: msg.log, dropped: msg.dropped });
        this.pump();
        return;
      }
      case 'error':
        this.fail(msg.failure);
        return;
    }
  }

  private fail(failure: Failure): void {
    if (this.failed) return;
    this.failed = failure;
    this.dropWorker();
    this.notify((l) => l.failure?.(failure));
    this.emitStatus();
  }

  private notify(f: (l: ClientListener) => void): void {
    f(this.listener);
    for (const l of this.extra) f(l);
  }

  private emitStatus(): void {
    const s = this.status;
    if (s === this.lastStatus) return;
    this.lastStatus = s;
    this.notify((l) => l.status?.(s));
  }
}

function refused(path: string, message: string): ApplyResult {
  return { ok: false, path, message, at: [], log: [], dropped: 0 };
}
