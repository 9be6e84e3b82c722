// The live panel: what the simulation worker is doing now, all read from the kernel.
// For now the world is the kernel's own demo workload, and the panel says so.
// Each part subscribes to the figures it shows only (live-selectors.ts, shallow equality):
// the panel when a shown number changes, each processor card when its own figures do, so
// a publish that moved only figures the panel does not show re-renders none of it.
import { memo, useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { formatNanos } from '../../sim';
import { useLab } from '../state/store';
import { formatCount, formatSi } from './format';
import { selectLiveStats, selectProcessorFigures, selectProcessorNames } from './live-selectors';
import { ProcessorCard } from './ProcessorCard';
import { StatTile } from './StatTile';
import './LivePanel.css';

const NO_CATEGORIES: readonly string[] = [];

/** One processor's card, subscribed to that processor's figures alone. */
const LiveProcessor = memo(function LiveProcessor({ index }: { index: number }) {
  const select = useMemo(() => selectProcessorFigures(index), [index]);
  const p = useLab(useShallow(select));
  const categories = useLab((s) => s.info?.categories ?? NO_CATEGORIES);
  if (!p.figures) return null;
  return (
    <ProcessorCard processor={p.figures} categories={categories}
      utilizationRecent={p.utilizationRecent} utilizationSinceStart={p.utilizationSinceStart} />
  );
});

export function LivePanel() {
  const f = useLab(useShallow(selectLiveStats));
  const names = useLab(useShallow(selectProcessorNames));
  const info = useLab((s) => s.info);
  const seed = useLab((s) => s.spec?.seed);
  const status = useLab((s) => s.status);
  const running = status === 'running';
  const stale = status === 'failed';
  const idleWord = stale ? 'stopped' : 'paused';
  return (
    <section className={`live${stale ? ' live-stale' : ''}`} aria-labelledby="live-title" data-testid="live.panel">
      <div className="live-head">
        <h2 id="live-title">
          {info?.title ?? 'Simulation'}
          {seed === undefined ? null : <span className="seed-chip" data-testid="live.seed">seed {seed}</span>}
        </h2>
        <p className="live-summary" data-testid="live.summary">
          {info?.summary ?? 'Starting the simulation worker…'}
        </p>
      </div>

      <dl className="stats" aria-label="Simulation figures">
        <StatTile testId="status.events" label="Events processed" value={f.hasFigures ? formatCount(f.eventsProcessed) : '–'} />
        <StatTile testId="status.simTime" label="Simulated time" value={f.hasFigures ? formatNanos(f.nowNanos) : '–'} />
        <StatTile
          testId="status.rate" label="Engine speed"
          value={f.eventsPerSecond != null ? formatSi(f.eventsPerSecond) : running ? 'measuring…' : idleWord}
          unit={f.eventsPerSecond != null ? 'events/s' : undefined}
          hint="per real second, in the worker"
        />
        <StatTile
          testId="status.simSpeed" label="Simulated per second"
          value={f.simNanosPerSecond != null ? formatNanos(f.simNanosPerSecond) : running ? 'measuring…' : idleWord}
          hint="sim time per real second"
        />
        <StatTile
          testId="status.pending" label="Pending events"
          value={f.hasFigures ? formatCount(f.pending) : '–'}
          hint={f.nextEventNanos != null ? `next at ${formatNanos(f.nextEventNanos)}` : 'queue empty'}
          hintTestId="status.nextEvent"
        />
      </dl>

      <div className="processors">
        {names.map((name, i) => <LiveProcessor key={name} index={i} />)}
      </div>

      <p className="live-foot">
        Every figure is read from the simulation kernel running in a Web Worker; nothing here is sampled from
        your machine except the engine speed. A run is a pure function of its seed: Reset replays it exactly.
      </p>
    </section>
  );
}
