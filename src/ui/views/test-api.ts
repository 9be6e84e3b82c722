// `window.__offloadLabViews`: what the views show, read for e2e tests and for the curious
// from the console. Read-only: commands go through window.__offloadLab and the buttons.
import { LAYERS } from '../../sim';
import { feedColumnCycles } from './arch/box-cycles';
import { lastPaint } from './arch/paint-state';
import { views } from './feed/binding';

export interface ViewsTestApi {
  readonly version: 1;
  /** Trace records that crossed into each layer (tokens that passed it), per configuration. */
  tokensPassed(configuration: string): Record<string, number>;
  /** Cycles of each box paid by a processor (its processor's accounting by category), per layer. */
  boxCycles(configuration: string): Record<string, number>;
  /** The marks the architecture view drew last: per configuration, layer, kind, count, label. */
  marksShown(): Record<string, { layer: string; count: number; label: string | null }[]>;
  /** Configurations shown, the run's clock, per-configuration position and trace hash. */
  state(): {
    configurations: string[];
    nowNanos: number;
    worlds: { configuration: string; events: number; nowNanos: number; traceHash: string; framesCaptured: number }[];
    framesHeld: Record<string, number>;
    recordsHeld: Record<string, number>;
  };
}

declare global {
  interface Window {
    __offloadLabViews?: ViewsTestApi;
  }
}

export function createViewsTestApi(): ViewsTestApi {
  return {
    version: 1,
    tokensPassed(configuration) {
      const t = views().feed.get(configuration)?.trace;
      const out: Record<string, number> = {};
      LAYERS.forEach((l, i) => { out[l] = t ? t.intoCount[i]! : 0; });
      return out;
    },
    boxCycles(configuration) {
      const { feed } = views();
      const out: Record<string, number> = {};
      for (const [layer, b] of feedColumnCycles(feed, configuration).boxes) out[layer] = b.cycles;
      return out;
    },
    marksShown() {
      const out: Record<string, { layer: string; count: number; label: string | null }[]> = {};
      for (const [cfg, ms] of Object.entries(lastPaint())) {
        out[cfg] = ms.map((m) => ({ layer: LAYERS[m.layer] ?? '?', count: m.count, label: m.label }));
      }
      return out;
    },
    state() {
      const { feed } = views();
      const framesHeld: Record<string, number> = {};
      const recordsHeld: Record<string, number> = {};
      for (const c of feed.configurations) {
        framesHeld[c] = feed.get(c)!.frames.length;
        recordsHeld[c] = feed.get(c)!.trace.size;
      }
      return {
        configurations: feed.info?.configurations ?? [],
        nowNanos: feed.figures?.nowNanos ?? 0,
        worlds: (feed.figures?.worlds ?? []).map((w) => ({
          configuration: w.configuration, events: w.position.events, nowNanos: w.position.nowNanos,
          traceHash: w.traceHash, framesCaptured: w.framesCaptured,
        })),
        framesHeld,
        recordsHeld,
      };
    },
  };
}
