// The page's side of the measure worker: (re)starts the measurement when the scenario
// or the A/B variant changes, runs it slice by slice while the lab is running (one
// request in flight, the slice budget sized from measured wall time), and feeds every
// reply into the metric feed. Its status and progress are read by the charts panel.
import { applyOverrides, type Scenario } from '../../scenario/schema';
import { AdaptiveBudget } from '../runtime/adaptive-budget';
import type { Variant } from '../share/link-codec';
import { feedStream } from './from-stream';
import type { MeasureProgress, MeasureSlice } from './measure-session';
import type { MetricFeed } from './metric-feed';

export type MeasureStatus = 'idle' | 'starting' | 'ready' | 'running' | 'done' | 'failed';

export interface MeasureState {
  readonly status: MeasureStatus;
  readonly progress: MeasureProgress | null;
  readonly error: string | null;
  /** What is measured: 'A' alone, or A and B. */
  readonly variantLabel: string | null;
}

type Reply =
  | { type: 'ready'; epoch: number; progress: MeasureProgress }
  | { type: 'slice'; epoch: number; slice: MeasureSlice }
  | { type: 'error'; epoch: number; error: string };

export interface MeasureWorkerLike {
  postMessage(m: unknown): void;
  terminate(): void;
  addEventListener(type: 'message', l: (e: { data: Reply }) => void): void;
  addEventListener(type: 'error', l: (e: { message?: string; preventDefault?: () => void }) => void): void;
}

export class MeasureClient {
  private worker: MeasureWorkerLike | null = null;
  private epoch = 0;
  private inFlight = false;
  private want = false;
  private first = true;
  private a: Scenario | null = null;
  private b: { scenario: Scenario; variant: Variant } | null = null;
  private st: MeasureState = { status: 'idle', progress: null, error: null, variantLabel: null };
  private readonly listeners = new Set<() => void>();
  private readonly budget: AdaptiveBudget;

  constructor(private readonly makeWorker: () => MeasureWorkerLike, private readonly feed: MetricFeed, now: () => number) {
    this.budget = new AdaptiveBudget({ now, targetMs: 30, initialEvents: 5_000 });
  }

  get state(): MeasureState {
    return this.st;
  }

  subscribe(l: () => void): () => void {
    this.listeners.add(l);
    return () => { this.listeners.delete(l); };
  }

  /** A fresh measurement of `scenario` (and of the variant beside it), from time zero. */
  start(scenario: Scenario, variant: Variant | null): void {
    this.epoch += 1;
    this.inFlight = true;
    this.first = true;
    this.a = scenario;
    this.b = null;
    let error: string | null = null;
    if (variant) {
      const r = applyOverrides(scenario, variant.overrides);
      if (r.ok) this.b = { scenario: r.scenario, variant };
      else error = `The A/B variant does not apply to this scenario: ${r.errors.map((e) => `${e.path} ${e.message}`).join('; ')}`;
    }
    this.feed.reset();
    this.set({ status: 'starting', progress: null, error, variantLabel: this.b ? variant!.label : null });
    if (!this.worker) this.spawn();
    this.worker?.postMessage({ type: 'start', epoch: this.epoch, a: scenario, b: this.b?.scenario ?? null });
  }

  setRunning(on: boolean): void {
    this.want = on;
    if (this.st.status === 'ready' || this.st.status === 'running') this.set({ ...this.st, status: on ? 'running' : 'ready' });
    this.pump();
  }

  dispose(): void {
    this.worker?.terminate();
    this.worker = null;
  }

  private spawn(): void {
    const w = this.makeWorker();
    w.addEventListener('message', (e) => this.onReply(e.data));
    w.addEventListener('error', (e) => {
      e.preventDefault?.();
      this.worker?.terminate();
      this.worker = null;
      this.inFlight = false;
      this.set({ ...this.st, status: 'failed', error: `The measurement worker failed: ${e.message ?? 'unknown error'}. Change the scenario or press Reset to start again.` });
    });
    this.worker = w;
  }

  private onReply(m: Reply): void {
    if (m.epoch !== this.epoch) return;
    this.inFlight = false;
    if (m.type === 'error') {
      this.set({ ...this.st, status: 'failed', error: m.error });
      return;
    }
    if (m.type === 'ready') {
      this.set({ ...this.st, status: this.want ? 'running' : 'ready', progress: m.progress });
      this.pump();
      return;
    }
    this.budget.done(m.slice.events - (this.st.progress?.events ?? 0));
    const reset = this.first;
    this.first = false;
    if (this.a) feedStream(this.feed, m.slice.a, reset, { scenario: this.a });
    if (this.b && m.slice.b) feedStream(this.feed, m.slice.b, reset, { scenario: this.b.scenario, variant: { id: 'B', label: this.b.variant.label } });
    const { a: _a, b: _b, ...progress } = m.slice;
    this.set({ ...this.st, status: progress.done ? 'done' : this.want ? 'running' : 'ready', progress });
    this.pump();
  }

  private pump(): void {
    if (!this.want || this.inFlight || !this.worker) return;
    if (this.st.status !== 'running') return;
    this.inFlight = true;
    this.worker.postMessage({ type: 'slice', epoch: this.epoch, maxEvents: this.budget.next().maxEvents });
  }

  private set(s: MeasureState): void {
    this.st = s;
    for (const l of this.listeners) l();
  }
}
