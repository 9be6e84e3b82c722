// One processor of the world: its clock, how busy it is (recently and since time zero),
// its run queue, and the cycles it has spent by category as a stacked bar with a legend.
// Receives only its own figures.
import type { ProcessorFigures } from '../../worker';
import { categoryColor } from './category-colors';
import { formatHz, formatPercent, formatSi } from './format';

export interface ProcessorCardProps {
  processor: ProcessorFigures;
  categories: readonly string[];
  utilizationRecent: number;
  utilizationSinceStart: number;
}

export function ProcessorCard({ processor: p, categories, utilizationRecent, utilizationSinceStart }: ProcessorCardProps) {
  const used = categories
    .map((name, i) => ({ name, cycles: p.cyclesByCategory[i] ?? 0 }))
    .filter((c) => c.cycles > 0);
  const total = p.totalCycles;
  const id = `proc-${p.name}`;
  return (
    <article className="proc" aria-labelledby={`${id}-title`} data-testid={`live.processor.${p.name}`}>
      <h3 id={`${id}-title`}>
        {p.name} <span className="proc-clock">{formatHz(p.clockHz)}</span>
      </h3>
      <div className="util">
        <span className="util-label" id={`${id}-util`} title="Share of the simulated time covered in the last real second that this processor spent busy">
          Busy (recent)
        </span>
        <div
          className="meter" role="meter" aria-labelledby={`${id}-util`}
          aria-valuemin={0} aria-valuemax={100} aria-valuenow={Math.round(utilizationRecent * 100)}
          aria-valuetext={formatPercent(utilizationRecent)}
        >
          <div className="meter-fill" style={{ width: `${Math.min(100, utilizationRecent * 100)}%` }} />
        </div>
        <span className="util-value" data-testid={`live.processor.${p.name}.util`}>{formatPercent(utilizationRecent)}</span>
      </div>
      <p className="proc-facts">
        <span>{formatPercent(utilizationSinceStart)} busy since time zero</span>
        <span>run queue: {p.queueDepth} waiting</span>
        <span>{formatSi(total)} cycles</span>
      </p>
      <h4 className="cat-title">Cycles by category</h4>
      <div className="catbar" aria-hidden="true">
        {used.map((c) => (
          <div key={c.name} style={{ flexGrow: c.cycles, background: categoryColor(c.name) }} title={c.name} />
        ))}
      </div>
      <ul className="legend" data-testid={`live.processor.${p.name}.categories`}>
        {used.length === 0 ? <li className="legend-empty">no cycles charged yet</li> : null}
        {used.map((c) => (
          <li key={c.name}>
            <span className="swatch" style={{ background: categoryColor(c.name) }} aria-hidden="true" />
            <span className="legend-name">{c.name}</span>
            <span className="legend-value">{formatSi(c.cycles)}</span>
            <span className="legend-share">({formatPercent(total > 0 ? c.cycles / total : 0)})</span>
          </li>
        ))}
      </ul>
    </article>
  );
}
