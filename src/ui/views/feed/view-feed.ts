// Everything the views draw, kept outside React (STYLE.md, zustand: high-rate data in
// typed arrays, the store holds a version): per configuration a TraceBuffer and the
// captured frames, plus the latest figures, fed by the worker client's listener.
//
// Contract: `listener` is a ClientListener to add to the WorkerClient. A stream with
// `reset` empties every buffer first (after `ready` and after a seek), so what the feed
// holds depends only on the world's position, never on how it got there. `version`
// increases on every change; views redraw when it moved.
import type { ClientListener, ClientStatus, StreamFrame, WorldFigures, WorldInfo } from '../../../worker';
import { TraceBuffer } from './trace-buffer';

export interface FeedFrame extends StreamFrame {
  readonly configuration: string;
}

export interface ConfigurationFeed {
  readonly configuration: string;
  readonly trace: TraceBuffer;
  frames: FeedFrame[];
  traceDropped: number;
  framesDropped: number;
  summary: Record<string, unknown> | null;
}

export class ViewFeed {
  private readonly byConfig = new Map<string, ConfigurationFeed>();
  figures: WorldFigures | null = null;
  info: WorldInfo | null = null;
  status: ClientStatus = 'idle';
  version = 0;
  private readonly subscribers = new Set<() => void>();

  constructor(readonly traceCapacity = 65_536, readonly frameCapacity = 4096) {}

  get configurations(): string[] {
    return [...this.byConfig.keys()];
  }

  get(configuration: string): ConfigurationFeed | undefined {
    return this.byConfig.get(configuration);
  }

  /** Notified (synchronously) after every change; returns the unsubscribe. */
  subscribe(cb: () => void): () => void {
    this.subscribers.add(cb);
    return () => { this.subscribers.delete(cb); };
  }

  private changed(): void {
    this.version += 1;
    for (const cb of this.subscribers) cb();
  }

  private feedFor(configuration: string): ConfigurationFeed {
    let f = this.byConfig.get(configuration);
    if (!f) {
      f = { configuration, trace: new TraceBuffer(this.traceCapacity), frames: [], traceDropped: 0, framesDropped: 0, summary: null };
      this.byConfig.set(configuration, f);
    }
    return f;
  }

  readonly listener: ClientListener = {
    stream: (s) => {
      if (s.reset) this.byConfig.clear();
      for (const w of s.worlds) {
        const f = this.feedFor(w.configuration);
        f.trace.append(w.trace);
        f.traceDropped += w.traceDropped;
        f.framesDropped += w.framesDropped;
        for (const fr of w.frames) f.frames.push({ ...fr, configuration: w.configuration });
        if (f.frames.length > this.frameCapacity) f.frames.splice(0, f.frames.length - this.frameCapacity);
        if (w.summary) f.summary = w.summary;
      }
    },
    ready: (info, _spec, figures) => {
      this.info = info;
      this.figures = figures;
      if (!info.configurations) this.byConfig.clear();
      this.changed();
    },
    figures: (figures) => {
      this.figures = figures;
      this.changed();
    },
    status: (status) => {
      this.status = status;
      this.changed();
    },
  };
}
