// The architecture view (issue 5 item 2): one SVG column of layer boxes per configuration
// (DESIGN.md 1.2), the host/card boundary and the bus drawn, live counters in each box,
// tinted by the processor that pays; a canvas on top carries the tokens of the trace.
// A box's crossings come from the trace; its cycles are its processor's own accounting by
// category (box-cycles.ts, cycle-map.ts), the figures of the CPU charts, so one
// processor's boxes add up to its total.
// Clicking a box selects it (shared selection) and the side panel says what it is.
import { useEffect, useRef } from 'react';
import { LAYERS, type Layer } from '../../../sim';
import { useLab } from '../../state/store';
import { select } from '../../state/views-actions';
import { views } from '../feed/binding';
import { useFeedVersion } from '../feed/use-feed';
import { useSize } from '../use-size';
import { boxFigures, compact } from './box-figures';
import { feedColumnCycles, type ColumnCycles } from './box-cycles';
import { CYCLES_ELSEWHERE } from './cycle-map';
import { columnLayout, type ColumnLayout, type LayerBox } from './layout';
import { LayerDetail } from './LayerDetail';
import { JourneyDetail } from '../JourneyDetail';
import { Legend } from './Legend';
import { describeMarks, marksSentence, tokenZoneLeft, TokenPainter } from './token-painter';
import { lastPaint, setLastPaint } from './paint-state';
import './ArchitectureView.css';

const PAUSED_WINDOW_NS = 50_000;

/** The box's cycles, or null for a box without a processor (NIC, wire, bus, peer). */
function cyclesOf(box: LayerBox, boxes: ColumnCycles['boxes']): number | null {
  return box.cpu === 'none' ? null : boxes.get(box.layer)?.cycles ?? 0;
}

function countText(layer: Layer, crossings: number, calls: number, cycles: number | null): string {
  const moved = layer === 'app' ? `${compact(calls)} calls made` : `${compact(crossings)} in`;
  const elsewhere = CYCLES_ELSEWHERE[layer];
  if (cycles === null) return moved;
  if (elsewhere && cycles === 0) return `${moved} · cycles in ${elsewhere.box}`;
  return `${moved} · ${compact(cycles)} cyc`;
}

/** Width of one character of the boxes' counters (11 px monospace, .arch-count). */
const COUNT_CHAR_PX = 6.7;

/** The counters' line, with the box's gauge when the whole line fits inside the box. */
function withGauge(text: string, gauge: { label: string; value: number } | null, width: number): string {
  if (!gauge) return text;
  const full = `${text} · ${gauge.label} ${compact(gauge.value)}`;
  return full.length * COUNT_CHAR_PX <= width - 16 ? full : text;
}

function tint(box: LayerBox, share: number): string {
  const a = (0.06 + 0.5 * share).toFixed(3);
  if (box.cpu === 'host') return `rgba(0, 114, 178, ${a})`;
  if (box.cpu === 'iop') return `rgba(230, 159, 0, ${a})`;
  return 'var(--surface-2)';
}

function Column({ layout, x }: { layout: ColumnLayout; x: number }) {
  const feed = views().feed;
  const selection = useLab((s) => s.selection);
  const cfg = layout.configuration;
  const figs = new Map(layout.boxes.map((b) => [b.layer, boxFigures(feed, cfg, b.layer)]));
  const cycles = feedColumnCycles(feed, cfg);
  // The tint compares a box with the other boxes of the same processor.
  const maxCycles = (cpu: LayerBox['cpu']) => Math.max(1, ...layout.boxes.filter((b) => b.cpu === cpu).map((b) => cyclesOf(b, cycles.boxes) ?? 0));
  const total = (kind: 'host' | 'iop') => cycles.totals.get(kind);
  return (
    <g transform={`translate(${x},0)`} data-testid={`diagram.${cfg}`} data-host-cycles={total('host')} data-iop-cycles={total('iop')}>
      <rect x={2} y={layout.boundaryY} width={layout.width - 4} height={layout.height - layout.boundaryY}
        fill="rgba(230,159,0,0.05)" stroke="var(--border-strong)" strokeDasharray="5 4" rx={8} />
      {cfg !== 'offload' && (
        <text x={layout.width / 2} y={(layout.boundaryY + layout.boxes.find((b) => b.layer === 'nic')!.y) / 2} textAnchor="middle" className="arch-zone">
          <tspan x={layout.width / 2}>A plain NIC: no processor on the card,</tspan>
          <tspan x={layout.width / 2} dy="1.3em">so protocol work stays on the host CPU.</tspan>
        </text>
      )}
      {layout.boxes.map((b) => {
        const f = figs.get(b.layer)!;
        const cyc = cyclesOf(b, cycles.boxes);
        const selected = selection?.kind === 'layer' && selection.configuration === cfg && selection.layer === b.layer;
        const isBus = b.layer === 'pci';
        return (
          <g key={b.layer} data-testid={`diagram.${cfg}.layer.${b.layer}`} role="button" tabIndex={0}
            aria-label={`${b.label} (${cfg}): ${f.crossings} crossings${cyc === null ? '' : `, ${Math.round(cyc)} ${b.cpu === 'iop' ? 'IOP' : 'host CPU'} cycles`}`} className="arch-box"
            data-crossings={f.crossings} data-cycles={cyc ?? undefined} data-processor={b.cpu}
            onClick={() => select({ kind: 'layer', configuration: cfg, layer: b.layer })}
            onKeyDown={(e) => { if (e.key === 'Enter') select({ kind: 'layer', configuration: cfg, layer: b.layer }); }}>
            <rect x={b.x} y={b.y} width={b.w} height={b.h} rx={isBus ? 3 : 6}
              fill={isBus ? 'var(--border-strong)' : tint(b, (cyc ?? 0) / maxCycles(b.cpu))}
              stroke={selected ? 'var(--focus)' : 'var(--border-strong)'} strokeWidth={selected ? 2.5 : 1} />
            <text x={b.x + 8} y={b.y + (isBus ? 13 : 13)} className={isBus ? 'arch-bus-label' : 'arch-label'}>{b.label}</text>
            {!isBus && b.h >= 28 && (
              <text x={b.x + 8} y={b.y + 25} className="arch-count" data-testid={`diagram.${cfg}.layer.${b.layer}.count`}>
                {withGauge(countText(b.layer, f.crossings, f.calls, cyc), f.gauge, b.w)}
              </text>
            )}
            {/* The bus's figures end where the tokens' zone begins (at its right end they were drawn over by the tokens). */}
            {isBus && (
              <text x={b.x + tokenZoneLeft(b.w) - 6} y={b.y + 13} textAnchor="end" className="arch-bus-label">
                {b.w > 340 ? `host ▲ · ${cfg === 'offload' ? 'iNIC card' : 'NIC card'} ▼ · ` : ''}{compact(f.crossings)} crossings
              </text>
            )}
            {b.parts.map((p, i) => {
              const pw = (b.w - 16 - (b.parts.length - 1) * 4) / b.parts.length;
              return (
                <g key={p}>
                  <rect x={b.x + 8 + i * (pw + 4)} y={b.y + b.h - 22} width={pw} height={17} rx={3} className="arch-part" />
                  <text x={b.x + 8 + i * (pw + 4) + pw / 2} y={b.y + b.h - 10} textAnchor="middle" className="arch-part-label">{p}</text>
                </g>
              );
            })}
          </g>
        );
      })}
    </g>
  );
}

/** Narrower than this, a column's boxes and their sub-boxes have no room (or negative width). */
const MIN_COLUMN_PX = 120;

export function ArchitectureView() {
  useFeedVersion();
  const { feed, frames, now } = views();
  const status = useLab((s) => s.status);
  const selection = useLab((s) => s.selection);
  const reducedMotion = useLab((s) => s.reducedMotion);
  const [ref, size] = useSize<HTMLDivElement>();
  const canvas = useRef<HTMLCanvasElement>(null);
  const painter = useRef(new TokenPainter());
  const configs = feed.info?.configurations ?? [];
  const height = Math.max(450, Math.min(typeof window === 'undefined' ? 560 : window.innerHeight - 250, 760));
  const colW = configs.length > 0 ? Math.floor(size.width / configs.length) : 0;
  // While its tab is hidden the stage measures 0 px wide: no column is laid out then (a
  // 0 px column gave boxes of negative width, which the browser reported as SVG errors).
  const columns = colW >= MIN_COLUMN_PX ? configs.map((c, i) => ({ layout: columnLayout(c, colW, height), x: i * colW })) : [];
  const rate = useRef({ sim: 0, wall: 0, nsPerMs: 0 });
  // The canvas follows every frame from the feed itself; the boxes (React) are paced by
  // useFeedVersion. The frame callback reads what the last render laid out through a ref,
  // so it subscribes once instead of on every render.
  const scene = useRef({ columns, selection, reducedMotion });
  scene.current = { columns, selection, reducedMotion };

  useEffect(() => {
    if (!frames) return;
    const draw = (ts: number) => {
      const ctx = canvas.current?.getContext('2d');
      if (!ctx || !feed.figures) return;
      const { columns: cols, selection: chosen, reducedMotion: stepwise } = scene.current;
      const simNow = feed.figures.nowNanos;
      const r = rate.current;
      if (simNow !== r.sim) {
        const dw = Math.max(1, ts - r.wall);
        r.nsPerMs = simNow > r.sim ? 0.7 * r.nsPerMs + 0.3 * ((simNow - r.sim) / dw) : 0;
        r.sim = simNow;
        r.wall = ts;
      }
      const running = feed.status === 'running';
      const windowNs = running ? Math.max(5_000, r.nsPerMs * 500) : PAUSED_WINDOW_NS;
      const sel = chosen?.kind === 'span' ? { configuration: chosen.configuration, span: chosen.span } : null;
      const res = painter.current.paint(ctx, feed, cols, simNow, windowNs, now(), sel, stepwise);
      setLastPaint(res.marks);
      if (res.moving) frames.request();
    };
    const unsub = frames.subscribe(draw);
    frames.request();
    return unsub;
  }, [feed, frames, now]);
  // A new layout or selection repaints at once, even while nothing else moves.
  useEffect(() => { frames?.request(); });

  const aggregateLines = describeMarks(lastPaint());
  if (configs.length === 0) {
    return (
      <div className="arch-empty" data-testid="diagram.empty" ref={ref}>
        <p>The architecture view draws the machine model: the Linux path (<b>native</b>) beside the I2O iNIC path (<b>offload</b>).</p>
        <p>Press <b>Play</b> (Space) in the run bar above, or step through it (→ event, C crossing, N packet).</p>
      </div>
    );
  }
  return (
    <div className="arch" data-testid="diagram" data-status={status}>
      <div className="arch-stage" ref={ref}>
        <div className="arch-heads">
          {configs.map((c) => <div key={c} className="arch-head" style={{ width: colW }}>{c === 'offload' ? 'offload (I2O iNIC)' : c}</div>)}
        </div>
        <div className="arch-layers" style={{ height }}>
          <svg width={size.width} height={height} role="group" aria-label="Layers of each configuration: click a box for what it is">
            {columns.map((c) => <Column key={c.layout.configuration} layout={c.layout} x={c.x} />)}
          </svg>
          <canvas ref={canvas} width={size.width} height={height} className="arch-canvas" data-testid="diagram.tokens" aria-hidden="true" />
        </div>
      </div>
      <aside className="arch-side" aria-label="Legend and details">
        <Legend />
        <p className="arch-aggregate" data-testid="diagram.aggregate" aria-live="off">
          {marksSentence(aggregateLines)}
        </p>
        {selection?.kind === 'layer' && LAYERS.includes(selection.layer as Layer) && (
          <LayerDetail configuration={selection.configuration} layer={selection.layer as Layer} />)}
        {selection?.kind === 'span' && <JourneyDetail configuration={selection.configuration} span={selection.span} />}
        {selection === null && (
          <p className="arch-hint">Click a box to see what it is and its live figures. To follow one send() from the
            application to the wire, pause, press Crossing (C) step by step, or click an arrow in the Sequence tab.</p>)}
      </aside>
    </div>
  );
}
