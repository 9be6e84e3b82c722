// The page's side of the measure worker, which runs only the A/B variant (B): the lab's
// own world (A) streams its metrics from the simulation worker (stream-binding.ts), so
// the charts follow play, step, seek and speed there. B is (re)started when the scenario
// or the variant changes, and advanced slice by slice (one request in flight, the budget
// sized from measured wall time) while asked to run, never past the horizon: the lab's
// simulated clock, so A and B stay on one clock. When the lab's clock goes back (Back,
// the scrubber), B is rewound to the same instant (the measure worker rebuilds and
// replays it) and its charts restart from what it recorded up to there. Every reply
// goes into the metric feed as the variant's runs ('offload.B'); A's runs are never
// touched here.
//
// Live changes: the lab's live change log (the store's liveChanges) goes to the worker
// whenever it changes, each change at the lab's instant (measure-live.ts), so B takes it
// at the same simulated instant as A; a change B refuses is said in `error`, and B runs on.
import type { LiveChange } from '../../scenario/run';
import { applyOverrides, type Scenario } from '../../scenario/schema';
import { AdaptiveBudget } from '../runtime/adaptive-budget';
import type { Variant } from '../share/link-codec';
import { feedStream } from './from-stream';
import type { MeasureReply } from './measure-host';
import { commonPrefix, fromLabLog, refusalText, type MeasureLiveChange } from './measure-live';
import type { MeasureProgress } from './measure-session';
import type { MetricFeed } from './metric-feed';
import { isVariantRun } from './stream-binding';

export type MeasureStatus = 'idle' | 'starting' | 'ready' | 'running' | 'done' | 'failed';

export interface MeasureState {
  readonly status: MeasureStatus;
  /** The variant's run: how far B has been measured. */
  readonly progress: MeasureProgress | null;
  readonly error: string | null;
  /** The variant measured beside the lab's world, or null (A alone). */
  readonly variantLabel: string | null;
}

type Reply = MeasureReply;

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
  private horizon: number | null = null;
  /** An instant behind B's clock that B must go back to (the lab stepped back), or null. */
  private rewindTo: number | null = null;
  private b: { scenario: Scenario; variant: Variant } | null = null;
  /** The lab's live changes, and the list the worker has (sent with start or a live request). */
  private live: MeasureLiveChange[] = [];
  private liveSent: MeasureLiveChange[] = [];
  /** Why the variant did not start (kept beside refusals of live changes). */
  private startError: string | null = null;
  /** The kind of the request in flight (only slices feed the budget). */
  private asked: 'start' | 'slice' | 'rewind' | 'live' = 'start';
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

  /** A fresh measurement of the variant of `scenario` (none without a variant), from time zero, following the lab's live change log. */
  start(scenario: Scenario, variant: Variant | null, liveLog: readonly LiveChange[] = [], labConfigurations: readonly string[] = []): void {
    this.epoch += 1;
    this.live = fromLabLog(liveLog, labConfigurations);
    this.liveSent = this.live;
    this.first = true;
    this.rewindTo = null;
    this.b = null;
    this.feed.retain((r) => !isVariantRun(r.info.runId));
    let error: string | null = null;
    if (variant) {
      const r = applyOverrides(scenario, variant.overrides);
      if (r.ok) this.b = { scenario: r.scenario, variant };
      else error = `The A/B variant does not apply to this scenario: ${r.errors.map((e) => `${e.path} ${e.message}`).join('; ')}`;
    }
    this.startError = error;
    if (!this.b) {
      this.inFlight = false;
      this.set({ status: 'idle', progress: null, error, variantLabel: null });
      return;
    }
    this.inFlight = true;
    this.set({ status: 'starting', progress: null, error, variantLabel: variant!.label });
    if (!this.worker) this.spawn();
    this.asked = 'start';
    this.worker?.postMessage({ type: 'start', epoch: this.epoch, a: this.b.scenario, b: null, live: this.live });
  }

  /** The lab's live change log changed (a change applied, or later ones dropped): B follows. `labConfigurations`: the lab's worlds, in the log's order. */
  setLive(liveLog: readonly LiveChange[], labConfigurations: readonly string[] = []): void {
    const next = fromLabLog(liveLog, labConfigurations);
    if (next.length === this.live.length && commonPrefix(next, this.live) === next.length) return;
    this.live = next;
    this.pump();
  }

  setRunning(on: boolean): void {
    this.want = on;
    if (this.st.status === 'ready' || this.st.status === 'running') this.set({ ...this.st, status: on ? 'running' : 'ready' });
    this.pump();
  }

  /** The simulated instant B may run to (the lab's clock); null: to its end. */
  setHorizon(nanos: number | null): void {
    if (nanos === this.horizon) return;
    this.horizon = nanos;
    const at = this.st.progress?.nowNanos ?? 0;
    // The lab went back in time (a slice in flight may still move B on: checked again on its reply).
    if (nanos !== null && nanos < at) this.rewindTo = nanos;
    else if (nanos !== null && this.rewindTo !== null && nanos !== this.rewindTo) this.rewindTo = null;
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
      this.set({ ...this.st, status: 'failed', error: `The A/B variant's worker failed: ${e.message ?? 'unknown error'}. Change the scenario or press Reset to start again.` });
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
    if (this.asked === 'slice') this.budget.done(m.slice.events - (this.st.progress?.events ?? 0));
    const reset = this.first || m.reset === true;
    this.first = false;
    if (this.asked === 'rewind') this.rewindTo = null;
    // B stands past the lab's clock (the lab went back while this request was in flight).
    if (this.horizon !== null && m.slice.nowNanos > this.horizon) this.rewindTo = this.horizon;
    if (this.b) feedStream(this.feed, m.slice.a, reset, { scenario: this.b.scenario, variant: { id: 'B', label: this.b.variant.label } });
    const { a: _a, b: _b, ...progress } = m.slice;
    const { refused, ...figures } = progress;
    const error = [this.startError, refusalText(refused)].filter((e) => e !== null && e !== '').join(' ');
    this.set({ ...this.st, status: figures.done ? 'done' : this.want ? 'running' : 'ready', progress: figures, error: error === '' ? null : error });
    this.pump();
  }

  private pump(): void {
    if (this.inFlight || !this.worker) return;
    if (this.rewindTo !== null && this.st.progress) {
      this.inFlight = true;
      this.asked = 'rewind';
      this.worker.postMessage({ type: 'rewind', epoch: this.epoch, nanos: this.rewindTo });
      return;
    }
    if (this.st.progress && this.st.status !== 'failed' && this.live !== this.liveSent) {
      // The worker applies what the lab has reached (its clock, the horizon) and keeps the rest for later.
      this.inFlight = true;
      this.asked = 'live';
      this.liveSent = this.live;
      this.worker.postMessage({ type: 'live', epoch: this.epoch, changes: this.live, ...(this.horizon === null ? {} : { untilNanos: this.horizon }) });
      return;
    }
    if (!this.want || this.st.status !== 'running') return;
    const now = this.st.progress?.nowNanos ?? 0;
    if (this.horizon !== null && now >= this.horizon) return;
    this.inFlight = true;
    this.asked = 'slice';
    this.worker.postMessage({
      type: 'slice', epoch: this.epoch, maxEvents: this.budget.next().maxEvents,
      ...(this.horizon === null ? {} : { untilNanos: this.horizon }),
    });
  }

  private set(s: MeasureState): void {
    this.st = s;
    for (const l of this.listeners) l();
  }
}
