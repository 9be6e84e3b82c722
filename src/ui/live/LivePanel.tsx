// The live panel: what the simulation worker is doing now, all read from the kernel.
// For now the world is the kernel's own demo workload, and the panel says so.
import { formatNanos } from '../../sim';
import { useLab } from '../state/store';
import { formatCount, formatSi } from './format';
import { ProcessorCard } from './ProcessorCard';
import { StatTile } from './StatTile';
import './LivePanel.css';

export function LivePanel() {
  const live = useLab((s) => s.live);
  const info = useLab((s) => s.info);
  const seed = useLab((s) => s.spec?.seed);
  const status = useLab((s) => s.status);
  const f = live?.figures;
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
        <StatTile testId="status.events" label="Events processed" value={f ? formatCount(f.eventsProcessed) : '–'} />
        <StatTile testId="status.simTime" label="Simulated time" value={f ? formatNanos(f.nowNanos) : '–'} />
        <StatTile
          testId="status.rate" label="Engine speed"
          value={live?.eventsPerSecond != null ? formatSi(live.eventsPerSecond) : running ? 'measuring…' : idleWord}
          unit={live?.eventsPerSecond != null ? 'events/s' : undefined}
          hint="per real second, in the worker"
        />
        <StatTile
          testId="status.simSpeed" label="Simulated per second"
          value={live?.simNanosPerSecond != null ? formatNanos(live.simNanosPerSecond) : running ? 'measuring…' : idleWord}
          hint="sim time per real second"
        />
        <StatTile
          testId="status.pending" label="Pending events"
          value={f ? formatCount(f.pending) : '–'}
          hint={f?.nextEventNanos != null ? `next at ${formatNanos(f.nextEventNanos)}` : 'queue empty'}
          hintTestId="status.nextEvent"
        />
      </dl>

      <div className="processors">
        {f?.processors.map((p, i) => (
          <ProcessorCard
            key={p.name}
            processor={p}
            categories={info?.categories ?? []}
            utilizationRecent={live?.utilizationRecent[i] ?? 0}
            utilizationSinceStart={live?.utilizationSinceStart[i] ?? 0}
          />
        ))}
      </div>

      <p className="live-foot">
        Every figure is read from the simulation kernel running in a Web Worker; nothing here is sampled from
        your machine except the engine speed. A run is a pure function of its seed: Reset replays it exactly.
      </p>
    </section>
  );
}
