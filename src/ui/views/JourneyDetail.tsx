// The selected journey's crossings, layer by layer, with when and what each cost.
import { formatNanos } from '../../sim';
import { views } from './feed/binding';
import { journeyOf } from './feed/journey';

export function JourneyDetail({ configuration, span }: { configuration: string; span: number }) {
  const buf = views().feed.get(configuration)?.trace;
  const steps = buf ? journeyOf(buf, span) : [];
  return (
    <section className="journey" data-testid="journey" aria-label="Selected journey">
      <h3>Journey {span} <span className="arch-detail-cfg">({configuration})</span></h3>
      {span === 0 && <p className="arch-note">Span 0 collects the crossings the model has not yet tied to one journey, so these steps may belong to several calls.</p>}
      {steps.length === 0
        ? <p className="arch-note">Its records are no longer held (the trace keeps the most recent ones).</p>
        : (
          <ol className="journey-steps">
            {steps.map((s, i) => (
              <li key={i} data-testid="journey.step">
                <span className="journey-t">{formatNanos(s.time)}</span> {s.from} → {s.to} <i>{s.kind}</i>
                {s.bytes > 0 ? ` ${s.bytes} B` : ''}{s.cycles > 0 ? ` · ${Math.round(s.cycles)} cyc` : ''}
              </li>
            ))}
          </ol>
        )}
    </section>
  );
}
