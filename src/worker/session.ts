// The worker's logic: one world at a time, driven by protocol messages.
//
// Contract:
// - `receive(data)` validates `data`, acts on it and posts zero or one reply through
//   the `post` function it was given. It never throws, with one deliberate exception:
//   a `crash` message in mode `uncaught` throws out of `receive` so that the hosting
//   worker fails the way a real bug would (the page then sees the Worker's 'error'
//   event). Every other failure, including an exception inside the world, becomes an
//   `error` reply with a typed `Failure`.
// - After a failure inside the world the world is dropped: its state can no longer be
//   trusted, so later `run`/`step` requests are answered with an error until `create`.
// - Replies name the epoch they belong to; requests for another epoch than the current
//   world's are refused (they come from a page that has not yet seen its own `create`).
// - Background work (checkpoints for rewinding): `idle()` runs one slice of at most
//   IDLE_SLICE_EVENTS events of the world's idle work and says whether more remains.
//   The host calls it only when no request is waiting (worker-host.ts), so a request
//   waits for at most one slice; a new world drops the old world's background state.
import {
  PROTOCOL_VERSION, isProtocolError, parseToWorker,
  type Failure, type FromWorker, type SliceReason, type ToWorker, type WorldSpec,
} from './protocol';
import { streamTransferables, type SliceStream } from './stream';
import { appliedReply } from './live-apply';
import { createWorld, isWorldError, type LabWorld, type WorldError } from './world';

export type WorldFactory = (spec: WorldSpec) => LabWorld | WorldError;

export class CrashRequested extends Error {
  constructor() {
    super('Crash requested through the test hook (mode uncaught)');
    this.name = 'CrashRequested';
  }
}

function describe(e: unknown): { message: string; detail?: string } {
  if (e instanceof Error) return e.stack ? { message: e.message, detail: e.stack } : { message: e.message };
  return { message: String(e) };
}

/** Events per idle slice: about a millisecond or a few of model time on one core. */
export const IDLE_SLICE_EVENTS = 1000;

export class WorkerSession {
  private world: LabWorld | null = null;
  private epoch: number | null = null;

  constructor(
    private readonly post: (message: FromWorker, transfer?: Transferable[]) => void,
    private readonly factory: WorldFactory = createWorld,
  ) {}

  get currentEpoch(): number | null {
    return this.epoch;
  }

  /** One slice of the world's background work; true while more remains. */
  idle(): boolean {
    const world = this.world;
    if (!world?.idle) return false;
    try {
      return world.idle(IDLE_SLICE_EVENTS);
    } catch (e) {
      this.drop();
      this.fail(this.epoch, { kind: 'runtime', ...describe(e) });
      return false;
    }
  }

  private drop(): void {
    this.world?.dispose?.();
    this.world = null;
  }

  receive(data: unknown): void {
    const msg = parseToWorker(data);
    if (isProtocolError(msg)) {
      this.fail(null, { kind: 'protocol', message: msg.message });
      return;
    }
    if (msg.type === 'crash' && msg.mode === 'uncaught') {
      this.drop();
      throw new CrashRequested();
    }
    try {
      this.handle(msg);
    } catch (e) {
      // The world threw while running: its state is suspect, drop it.
      this.drop();
      const kind = msg.type === 'crash' ? 'crash' : msg.type === 'create' ? 'world' : 'runtime';
      this.fail(msg.epoch, { kind, ...describe(e) });
    }
  }

  private handle(msg: ToWorker): void {
    switch (msg.type) {
      case 'create': {
        this.drop();
        this.epoch = msg.epoch;
        const made = this.factory(msg.spec);
        if (isWorldError(made)) {
          this.fail(msg.epoch, { kind: 'world', message: made.message });
          return;
        }
        this.world = made;
        const stream = made.drain?.(true);
        this.postWith({ v: PROTOCOL_VERSION, type: 'ready', epoch: msg.epoch, spec: msg.spec, info: made.info, figures: made.figures() }, stream);
        return;
      }
      case 'run': {
        const world = this.worldFor(msg.epoch);
        if (!world) return;
        const { events, reason } = world.runFor(msg.budget);
        this.postSlice(world, msg.epoch, msg.seq, events, reason, false);
        return;
      }
      case 'step': {
        const world = this.worldFor(msg.epoch);
        if (!world) return;
        const before = world.figures().eventsProcessed;
        let steps = 0;
        const one = msg.unit === 'event' || !world.stepBy ? () => world.step() : () => world.stepBy!(msg.unit);
        while (steps < msg.count && one()) steps += 1;
        const reason = steps < msg.count ? 'empty' : 'budget';
        this.postSlice(world, msg.epoch, msg.seq, world.figures().eventsProcessed - before, reason, false);
        return;
      }
      case 'seek': {
        const world = this.worldFor(msg.epoch);
        if (!world) return;
        if (!world.seek) {
          this.fail(msg.epoch, { kind: 'protocol', message: 'this world cannot seek (only scenario worlds can)' });
          return;
        }
        const err = world.seek(msg.target);
        if (err) {
          this.drop();
          this.fail(msg.epoch, { kind: 'runtime', message: err.message });
          return;
        }
        this.postSlice(world, msg.epoch, msg.seq, 0, 'seek', true);
        return;
      }
      case 'apply': {
        // Never fatal: a refused change leaves the world running as it was (live-apply.ts).
        const world = this.worldFor(msg.epoch);
        if (!world) return;
        this.post(appliedReply(world, msg));
        return;
      }
      case 'crash':
        throw new Error('Crash requested through the test hook (mode throw)');
    }
  }

  private postSlice(world: LabWorld, epoch: number, seq: number, events: number, reason: SliceReason, reset: boolean): void {
    const stream = world.drain?.(reset);
    this.postWith({ v: PROTOCOL_VERSION, type: 'slice', epoch, seq, events, reason, figures: world.figures() }, stream);
  }

  private postWith(message: FromWorker, stream: SliceStream | undefined): void {
    if (!stream) {
      this.post(message);
      return;
    }
    this.post({ ...message, stream } as FromWorker, streamTransferables(stream));
  }

  private worldFor(epoch: number): LabWorld | null {
    if (this.world && this.epoch === epoch) return this.world;
    const why = this.epoch !== epoch
      ? `request for world ${epoch}, but the current world is ${this.epoch ?? 'none'}`
      : 'no world: it failed or was never created; send create first';
    this.fail(epoch, { kind: 'protocol', message: why });
    return null;
  }

  private fail(epoch: number | null, failure: Failure): void {
    this.post({ v: PROTOCOL_VERSION, type: 'error', epoch, failure });
  }
}
