// A WorkerLike that runs a WorkerSession on the same thread: for Node (tests, tools)
// where there is no Web Worker. It keeps what matters about a real worker: messages are
// structured-cloned and delivered asynchronously (a macrotask each way), an exception
// that escapes the session fires 'error' listeners, and after `terminate()` nothing more
// is delivered in either direction.
import type { WorkerEventLike, WorkerLike } from './client';
import type { ToWorker } from './protocol';
import { WorkerSession, type WorldFactory } from './session';
import { createWorld } from './world';

type Listener = (event: WorkerEventLike) => void;

export class InProcessWorker implements WorkerLike {
  private readonly listeners = new Map<string, Listener[]>();
  private terminated = false;
  private readonly session: WorkerSession;
  /** Requests the session has received, for inspection by tests. */
  readonly received: ToWorker[] = [];

  constructor(factory: WorldFactory = createWorld) {
    this.session = new WorkerSession((m) => this.deliver('message', { data: structuredClone(m) }), factory);
  }

  postMessage(message: ToWorker): void {
    if (this.terminated) return;
    const data = structuredClone(message);
    setTimeout(() => {
      if (this.terminated) return;
      this.received.push(data);
      try {
        this.session.receive(data);
      } catch (e) {
        this.emit('error', { message: e instanceof Error ? `Uncaught ${e.name}: ${e.message}` : String(e) });
      }
    }, 0);
  }

  terminate(): void {
    this.terminated = true;
  }

  get isTerminated(): boolean {
    return this.terminated;
  }

  addEventListener(type: 'message' | 'messageerror' | 'error', listener: Listener): void {
    const list = this.listeners.get(type) ?? [];
    list.push(listener);
    this.listeners.set(type, list);
  }

  /** Delivers an event to the page side as the browser would (asynchronously). */
  deliver(type: 'message' | 'messageerror' | 'error', event: WorkerEventLike): void {
    setTimeout(() => this.emit(type, event), 0);
  }

  private emit(type: string, event: WorkerEventLike): void {
    if (this.terminated) return;
    for (const l of this.listeners.get(type) ?? []) l(event);
  }
}
