// Feeds the charts and the savings headline from the simulation worker's own stream
// (/work/notes/charts-feed.md): the world the views show is the world the charts measure,
// so the charts follow play, step, seek and speed. A reply with `reset` (a new world, or
// a seek back) re-announces the world's runs; runs of the A/B variant (ids with a '.',
// fed by the measure worker) are kept.
import type { ClientListener, SliceStream, WorldSpec } from '../../worker';
import type { Scenario } from '../../scenario/schema';
import { feedStream } from './from-stream';
import type { MetricFeed } from './metric-feed';

/** True for a run of the A/B variant (runIdFor gives 'offload.B'). */
export const isVariantRun = (runId: string): boolean => runId.includes('.');

/**
 * A client listener that feeds `feed` from scenario worlds' streams. `scenarioOf` gives the
 * scenario the world was built from (the spec's own, or the page's when the spec named a preset).
 */
export function chartsListener(feed: MetricFeed, specOf: () => WorldSpec | null, fallback: () => Scenario): ClientListener {
  return {
    stream(s: SliceStream) {
      const spec = specOf();
      if (spec?.kind !== 'scenario') return;
      const scenario = (spec.scenario as Scenario | undefined) ?? fallback();
      if (s.reset) feed.retain((r) => isVariantRun(r.info.runId));
      feedStream(feed, s.worlds, s.reset, { scenario });
    },
    ready(_info, spec) {
      // A demo world streams nothing: its charts would only show the last scenario's.
      if (spec.kind !== 'scenario') feed.retain((r) => isVariantRun(r.info.runId));
    },
  };
}
