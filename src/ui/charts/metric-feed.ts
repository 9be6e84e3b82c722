// Every run's samples, annotations and summaries for the charts and the headline,
// outside React state. Whatever delivers the model's metrics (the simulation worker's
// client, a test) calls `announce`, `append`, `annotate` and `summarize`; the charts
// read `snapshot`-style views once per animation frame when `version` has moved.
//
// Contract: runs keep the order they were announced in (native before offload, A
// before B). Announcing a run again with the same id replaces its ring. Batches and
// annotations for an unknown run are ignored (they belong to a world since replaced).
import type { RunAnnotation, RunStreamInfo, RunSummary, SampleBatch } from '../model-data';
import { SampleRing } from './sample-ring';

export interface FeedRun {
  readonly info: RunStreamInfo;
  readonly ring: SampleRing;
}

export class MetricFeed {
  private readonly runMap = new Map<string, FeedRun>();
  private notes: RunAnnotation[] = [];
  private readonly summaryMap = new Map<string, RunSummary>();
  private changes = 0;
  private readonly listeners = new Set<() => void>();

  constructor(readonly capacity = 4096, readonly maxAnnotations = 2000) {}

  /** Bumped on every change; a ring's own version moves with each sample batch. */
  get version(): number {
    let v = this.changes;
    for (const r of this.runMap.values()) v += r.ring.version;
    return v;
  }

  get runs(): readonly FeedRun[] {
    return [...this.runMap.values()];
  }

  run(runId: string): FeedRun | undefined {
    return this.runMap.get(runId);
  }

  get annotations(): readonly RunAnnotation[] {
    return this.notes;
  }

  get summaries(): readonly RunSummary[] {
    return this.runs.map((r) => this.summaryMap.get(r.info.runId)).filter((s): s is RunSummary => s !== undefined);
  }

  /** Forgets every run (a new world). */
  reset(): void {
    this.runMap.clear();
    this.notes = [];
    this.summaryMap.clear();
    this.bump();
  }

  /** Forgets the runs `keep` refuses (a world replaced while another run goes on beside it). */
  retain(keep: (run: FeedRun) => boolean): void {
    const gone = this.runs.filter((r) => !keep(r)).map((r) => r.info.runId);
    if (gone.length === 0) return;
    for (const id of gone) {
      this.runMap.delete(id);
      this.summaryMap.delete(id);
    }
    this.notes = this.notes.filter((n) => !gone.includes(n.runId));
    this.bump();
  }

  announce(info: RunStreamInfo): void {
    this.runMap.set(info.runId, { info, ring: new SampleRing(info.channels.length, this.capacity) });
    this.summaryMap.delete(info.runId);
    this.notes = this.notes.filter((n) => n.runId !== info.runId);
    this.bump();
  }

  append(batch: SampleBatch): void {
    const r = this.runMap.get(batch.runId);
    if (!r) return;
    r.ring.pushBatch(batch);
    this.notify();
  }

  annotate(notes: readonly RunAnnotation[]): void {
    const known = notes.filter((n) => this.runMap.has(n.runId));
    if (known.length === 0) return;
    this.notes = [...this.notes, ...known].slice(-this.maxAnnotations);
    this.bump();
  }

  summarize(summary: RunSummary): void {
    if (!this.runMap.has(summary.runId)) return;
    this.summaryMap.set(summary.runId, summary);
    this.bump();
  }

  /** Called after every change (at most a few times per worker reply; readers throttle to frames). */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => { this.listeners.delete(listener); };
  }

  private bump(): void {
    this.changes += 1;
    this.notify();
  }

  private notify(): void {
    for (const l of this.listeners) l();
  }
}
