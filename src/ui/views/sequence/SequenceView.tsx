// The sequence view: a swimlane per layer for each configuration, time flowing down, and
// the live ladder of calls, segments and messages of the last window of simulated time.
// Zoom with the buttons or the wheel; clicking an arrow selects its journey in every view.
import { useState } from 'react';
import { formatNanos } from '../../../sim';
import { useLab } from '../../state/store';
import { select } from '../../state/views-actions';
import { markStyle } from '../arch/marks';
import { views } from '../feed/binding';
import { kindName } from '../feed/tokens';
import { useFeedVersion } from '../feed/use-feed';
import { useSize } from '../use-size';
import { JourneyDetail } from '../JourneyDetail';
import { ladderItems, lanesFor, ZOOMS } from './ladder';
import './SequenceView.css';

const TOP = 34;

export function SequenceView() {
  useFeedVersion(50);
  const feed = views().feed;
  const selection = useLab((s) => s.selection);
  const [zoom, setZoom] = useState(2);
  const [ref, size] = useSize<HTMLDivElement>();
  const configs = feed.info?.configurations ?? [];
  const now = feed.figures?.nowNanos ?? 0;
  const win = ZOOMS[zoom]!;
  const t0 = Math.max(0, now - win);
  const height = 470;
  const groupW = configs.length > 0 ? size.width / configs.length : 0;
  const y = (t: number) => TOP + ((t - t0) / Math.max(1, now - t0 || win)) * (height - TOP - 8);
  let total = 0;
  return (
    <div className="seq" data-testid="sequence">
      <div className="seq-bar">
        <button type="button" className="btn" data-testid="sequence.zoomIn" disabled={zoom === 0} onClick={() => setZoom(zoom - 1)}>Zoom in</button>
        <button type="button" className="btn" data-testid="sequence.zoomOut" disabled={zoom === ZOOMS.length - 1} onClick={() => setZoom(zoom + 1)}>Zoom out</button>
        <span data-testid="sequence.window">Showing the last {formatNanos(win)} of simulated time, up to {formatNanos(now)}; time flows down.</span>
      </div>
      <div ref={ref} className="seq-stage" onWheel={(e) => setZoom(Math.max(0, Math.min(ZOOMS.length - 1, zoom + (e.deltaY > 0 ? 1 : -1))))}>
        {configs.length === 0
          ? <p data-testid="sequence.empty">Press Play (Space) or step (→, C, N) in the run bar to see the ladder of calls, segments and messages.</p>
          : (
            <svg width={size.width} height={height} role="img" aria-label="Sequence of layer crossings">
              {configs.map((cfg, gi) => {
                const lanes = lanesFor(cfg);
                const buf = feed.get(cfg)?.trace;
                const items = buf ? ladderItems(buf, lanes, t0, now, 250) : [];
                total += items.length;
                const laneX = (i: number) => gi * groupW + 10 + ((i + 0.5) * (groupW - 20)) / lanes.length;
                return (
                  <g key={cfg} data-testid={`sequence.${cfg}`} data-items={items.length}>
                    <text x={gi * groupW + groupW / 2} y={12} textAnchor="middle" className="seq-head">{cfg}</text>
                    {gi === 0 && <text x={2} y={TOP + 4} className="seq-lane-label">{formatNanos(t0)}</text>}
                    {gi === 0 && <text x={2} y={height - 6} className="seq-lane-label">{formatNanos(now)} ▼</text>}
                    {lanes.map((l, i) => (
                      <g key={l} data-testid={`sequence.${cfg}.lane.${l}`}>
                        <line x1={laneX(i)} x2={laneX(i)} y1={TOP - 6} y2={height - 4}
                          className={selection?.kind === 'layer' && selection.configuration === cfg && selection.layer === l ? 'seq-lane seq-lane-on' : 'seq-lane'} />
                        <text x={laneX(i)} y={TOP - 10} textAnchor="middle" className="seq-lane-label">{l}</text>
                      </g>
                    ))}
                    {items.map((it) => {
                      const st = markStyle(it.kind);
                      const sel = selection?.kind === 'span' && selection.configuration === cfg && selection.span === it.span;
                      const yy = y(it.time);
                      return (
                        <g key={it.k} className="seq-item" data-testid="sequence.item" onClick={() => select({ kind: 'span', configuration: cfg, span: it.span })}>
                          <title>{`${kindName(it.kind)} span ${it.span}: ${lanes[it.fromLane]} → ${lanes[it.toLane]} at ${formatNanos(it.time)}${it.bytes ? `, ${it.bytes} B` : ''}`}</title>
                          <line x1={laneX(it.fromLane)} x2={laneX(it.toLane)} y1={yy} y2={yy} stroke={st.color} strokeWidth={sel ? 3.5 : 1.6} />
                          <circle cx={laneX(it.toLane)} cy={yy} r={sel ? 4 : 2.5} fill={st.color} />
                        </g>
                      );
                    })}
                  </g>
                );
              })}
            </svg>
          )}
      </div>
      <p className="seq-foot" data-testid="sequence.count">{configs.length > 0 ? `${total} crossings in the window` : ''}
        {selection?.kind === 'span' ? ` · selected: ${selection.configuration} journey ${selection.span}` : ''}</p>
      {selection?.kind === 'span' && <JourneyDetail configuration={selection.configuration} span={selection.span} />}
    </div>
  );
}
