// The savings headline: how much host CPU offload frees against native, then per run
// goodput, host CPU, cycles per byte, service demand and the throughput each would
// reach if the host CPU were the limit, and a differential bar by category.
// The feed moves with every sample batch, the summaries far less often: the panel takes
// back the previous summaries when they are equal in value (runtime/structural-share.ts)
// and its body is memoized on them, so a batch that changed no summary re-renders nothing.
import { memo, useMemo } from 'react';
import type { RunSummary } from '../model-data';
import { shareEqual } from '../runtime/structural-share';
import { categoryColor } from '../live/category-colors';
import { labFeed, useFeedVersion } from '../charts/feed-binding';
import { configFigures, goodputCaveat, pickBaseline, savings, type Savings } from './savings';
import { DIFF_ROW, differentialBars } from './differential-bars';
import './Headline.css';

const mbps = (bps: number) => `${(bps / 1e6).toFixed(bps >= 1e10 ? 0 : 1)} Mb/s`;
const pct = (f: number) => `${(f * 100).toFixed(1)} %`;
const fix = (v: number, d: number) => (Number.isFinite(v) ? v.toFixed(d) : '–');

function DifferentialBars({ s }: { s: Savings }) {
  const width = 420;
  // Categories that moved by less than 0.005 cycles/B are left out (named below), so the bars that matter stand out.
  const moved = s.byCategory.filter((d) => Math.abs(d.delta) >= 0.005);
  const still = s.byCategory.filter((d) => Math.abs(d.delta) < 0.005).map((d) => d.category);
  const l = differentialBars(moved, width);
  // Nothing moved (an A/B variant that only changes the card, against native): an empty
  // axis labelled "0 cycles/B" beside a list of every category said nothing; one line does.
  if (moved.length === 0) {
    return (
      <figure className="diff" data-testid={`headline.diff.${s.other.runId}`}>
        <figcaption>Host cycles per byte by category, {s.other.label} against {s.baseline.label}</figcaption>
        <p className="diff-still" data-testid={`headline.diff.${s.other.runId}.same`}>No category moved by 0.005 cycles/B or more: the same host work per byte.</p>
      </figure>
    );
  }
  return (
    <figure className="diff" data-testid={`headline.diff.${s.other.runId}`}>
      <figcaption>Host cycles per byte by category, {s.other.label} against {s.baseline.label} (left: saved, right: added)</figcaption>
      <svg width="100%" viewBox={`0 0 ${width} ${l.height + 18}`} role="img" aria-label={`Change in host cycles per byte by category, ${s.other.label} against ${s.baseline.label}`}>
        {l.bars.map((b) => (
          <g key={b.category} transform={`translate(0,${b.y})`}>
            <text x={74} y={14} textAnchor="end" fill="var(--fg)" fontSize={11}>{b.category}</text>
            <rect x={b.x} y={3} width={Math.max(1, b.width)} height={DIFF_ROW - 6} fill={categoryColor(b.category)} opacity={b.saves ? 1 : 0.55}>
              <title>{`${b.category}: ${b.delta > 0 ? '+' : ''}${b.delta.toFixed(3)} cycles/B`}</title>
            </rect>
            <text x={124} y={14} textAnchor="end" fill="var(--muted)" fontSize={10}>
              {`${b.delta > 0 ? '+' : ''}${b.delta.toFixed(2)}`}
            </text>
          </g>
        ))}
        <line x1={l.zeroX} x2={l.zeroX} y1={0} y2={l.height} stroke="var(--muted)" />
        <text x={l.zeroX} y={l.height + 13} textAnchor="middle" fill="var(--muted)" fontSize={10}>0 cycles/B</text>
      </svg>
      {still.length > 0 ? <p className="diff-still">Unchanged: {still.join(', ')}.</p> : null}
    </figure>
  );
}

let shared: readonly RunSummary[] = [];

/** The feed's summaries, the previous array itself while none changed in value. */
function sharedSummaries(): readonly RunSummary[] {
  shared = shareEqual(shared, labFeed.summaries);
  return shared;
}

export function SavingsHeadline() {
  const version = useFeedVersion();
  // The feed is mutable and outside React: its version is what changes.
  const summaries = useMemo(() => sharedSummaries(), [version]);
  return <HeadlineBody summaries={summaries} />;
}

const HeadlineBody = memo(function HeadlineBody({ summaries }: { summaries: readonly RunSummary[] }) {
  const base = pickBaseline(summaries);
  // Nothing measured yet (time zero, or still in the warm-up): figures over an empty
  // window read "0.0 points freed" and "1000 Mb/s if host-limited", which no run showed.
  if (!base || summaries.length === 0 || !(base.measuredNanos > 0)) {
    return (
      <section className="headline" data-testid="headline.panel" aria-labelledby="headline-title">
        <h2 id="headline-title">What offload saves</h2>
        <p className="headline-empty" data-testid="headline.empty">The savings appear once the runs have passed their warm-up: host CPU freed, cycles per byte, service demand and host-limited throughput per configuration.</p>
      </section>
    );
  }
  const others = summaries.filter((s) => s.runId !== base.runId);
  const comparisons = others.map((o) => savings(base, o));
  const offload = comparisons.find((c) => c.other.configuration === 'offload') ?? comparisons[0];
  return (
    <section className="headline" data-testid="headline.panel" aria-labelledby="headline-title">
      <h2 id="headline-title">What offload saves</h2>
      {offload ? (
        <p className="headline-big" data-testid="headline.cpuFreed" data-points={offload.cpuFreedPoints} data-percent={offload.cpuFreedPercent}>
          <strong>{fix(offload.cpuFreedPoints, 1)} points</strong> of host CPU freed
          <span> ({fix(offload.cpuFreedPercent, 0)} % of {offload.baseline.label}&apos;s)</span> by {offload.other.label}
          <small data-testid="headline.window">over {(offload.baseline.measuredNanos / 1e6).toFixed(0)} ms of simulated time after the warm-up</small>
        </p>
      ) : null}
      {offload && goodputCaveat(offload) ? <p className="headline-caveat" data-testid="headline.caveat">{goodputCaveat(offload)}</p> : null}
      <table className="headline-table">
        <thead>
          <tr><th scope="col">run</th><th scope="col">goodput</th><th scope="col">host CPU</th><th scope="col">cycles/B</th><th scope="col" title="host CPU µs per KB moved, as netperf reports it">service demand</th><th scope="col" title="goodput ÷ host utilization, capped by the wire">if host-limited</th><th scope="col">IOP</th></tr>
        </thead>
        <tbody>
          {summaries.map((s) => {
            const f = configFigures(s);
            const id = `headline.row.${s.runId}`;
            return (
              <tr key={s.runId} data-testid={id}>
                <th scope="row">{s.label}</th>
                <td data-testid={`${id}.goodput`}>{mbps(f.goodputBitsPerSecond)}</td>
                <td data-testid={`${id}.hostCpu`}>{pct(f.hostUtilization)}</td>
                <td data-testid={`${id}.cyclesPerByte`}>{fix(f.cyclesPerByte, 2)}</td>
                <td data-testid={`${id}.serviceDemand`}>{fix(f.serviceDemandUsPerKB, 2)} µs/KB</td>
                <td data-testid={`${id}.hostLimited`}>{mbps(f.hostLimitedBitsPerSecond)}</td>
                <td data-testid={`${id}.iop`}>{f.iopUtilization === null ? '–' : pct(f.iopUtilization)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <div className="diffs">{comparisons.map((c) => <DifferentialBars key={c.other.runId} s={c} />)}</div>
    </section>
  );
});
