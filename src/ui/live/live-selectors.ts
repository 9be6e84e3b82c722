// What the live panel reads from the store, narrowed to what it shows. The frame clock
// republishes the live summary whenever any figure moved (runtime/lab-runtime.ts), and
// most of those figures (per-world counters, trace hashes, positions) are not on the
// panel: a component that took all of `s.live` re-rendered on each of them. Each part of
// the panel takes a selector below instead, compared with zustand's shallow equality
// (`useShallow`), so it renders only when a figure it shows changed.
//
// Contract: every selector is a pure function of the state. `selectLiveStats` returns a
// flat object of primitives (shallow-comparable); `selectProcessorNames` an array of
// strings; `selectProcessorFigures(i)` the i-th processor's figures object as published
// (runtime/structural-share.ts keeps an unchanged processor the same object, so identity
// is its equality) and its two utilization shares.
import type { ProcessorFigures } from '../../worker';
import type { LabState } from '../state/store';

export interface LiveStats {
  readonly hasFigures: boolean;
  readonly eventsProcessed: number;
  readonly nowNanos: number;
  readonly pending: number;
  readonly nextEventNanos: number | null;
  readonly eventsPerSecond: number | null;
  readonly simNanosPerSecond: number | null;
}

export function selectLiveStats(s: LabState): LiveStats {
  const live = s.live;
  const f = live?.figures;
  return {
    hasFigures: f !== undefined,
    eventsProcessed: f?.eventsProcessed ?? 0,
    nowNanos: f?.nowNanos ?? 0,
    pending: f?.pending ?? 0,
    nextEventNanos: f?.nextEventNanos ?? null,
    eventsPerSecond: live?.eventsPerSecond ?? null,
    simNanosPerSecond: live?.simNanosPerSecond ?? null,
  };
}

const NO_NAMES: readonly string[] = [];

/** The processors' names in the published order (the panel's cards and their keys). */
export function selectProcessorNames(s: LabState): readonly string[] {
  return s.live?.figures.processors.map((p) => p.name) ?? NO_NAMES;
}

export interface ProcessorLive {
  readonly figures: ProcessorFigures | undefined;
  readonly utilizationRecent: number;
  readonly utilizationSinceStart: number;
}

/** The i-th processor's figures and utilization (a new selector per index; keep it stable with useMemo or a module map). */
export function selectProcessorFigures(i: number): (s: LabState) => ProcessorLive {
  return (s) => ({
    figures: s.live?.figures.processors[i],
    utilizationRecent: s.live?.utilizationRecent[i] ?? 0,
    utilizationSinceStart: s.live?.utilizationSinceStart[i] ?? 0,
  });
}
