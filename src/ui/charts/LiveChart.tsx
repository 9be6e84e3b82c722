// One chart of one run: computes its model from the feed's samples (once per frame at
// most, when the feed moved), binds d3-zoom to the time axis (wheel or pinch to zoom,
// drag to pan, double-click to reset), reads values under the pointer, and offers the
// chart as SVG and PNG and its data as CSV and JSON.
import { useEffect, useMemo, useRef, useState } from 'react';
import { select, zoom as d3zoom, zoomIdentity, type D3ZoomEvent } from 'd3';
import { buildChartModel, type ChartData } from './chart-model';
import type { ChartDef } from './chart-defs';
import { NO_ZOOM, NS_PER_MS, type XZoom } from './chart-math';
import { ChartSvgBody } from './ChartSvg';
import { chartCsv, chartJson, exportFileName } from './export-data';
import { standaloneSvg } from './svg-export';
import { downloadBlob, downloadText, svgToPngBlob } from './download';
import { useInView } from './use-in-view';
import type { ChartModel } from './chart-model';

export interface LiveChartProps {
  readonly def: ChartDef;
  readonly runId: string;
  readonly runLabel: string;
  readonly data: ChartData;
  readonly sharedYMax?: number;
  readonly width?: number;
  readonly height?: number;
}

export function LiveChart({ def, runId, runLabel, data, sharedYMax, width = 420, height = 210 }: LiveChartProps) {
  const [zoom, setZoom] = useState<XZoom>(NO_ZOOM);
  const [hoverNanos, setHover] = useState<number | null>(null);
  const svgRef = useRef<SVGSVGElement>(null);
  const figRef = useRef<HTMLElement>(null);
  const visible = useInView(figRef);
  const last = useRef<ChartModel | null>(null);
  const model = useMemo(() => {
    // Off screen, the last drawing stands (it is redrawn as soon as it scrolls into view).
    if (!visible && last.current) return last.current;
    return buildChartModel({ def, data, width, height, zoom, hoverNanos, ...(sharedYMax === undefined ? {} : { sharedYMax }) });
  }, [def, data, width, height, zoom, hoverNanos, sharedYMax, visible]);
  last.current = model;
  const { plot } = model;

  useEffect(() => {
    const el = svgRef.current;
    if (!el) return;
    const behaviour = d3zoom<SVGSVGElement, unknown>()
      .scaleExtent([1, 200])
      .extent([[plot.left, 0], [plot.left + plot.width, height]])
      .translateExtent([[plot.left, 0], [plot.left + plot.width, height]])
      .filter((e: Event) => !(e instanceof MouseEvent && e.type === 'dblclick'))
      .on('zoom', (e: D3ZoomEvent<SVGSVGElement, unknown>) => setZoom({ k: e.transform.k, x: e.transform.x - plot.left * (1 - e.transform.k) }));
    const sel = select(el);
    sel.call(behaviour);
    sel.on('dblclick.reset', () => sel.call(behaviour.transform, zoomIdentity));
    return () => { sel.on('.zoom', null).on('dblclick.reset', null); };
  }, [plot.left, plot.width, height]);

  const onMove = (e: React.PointerEvent<SVGSVGElement>) => {
    const box = e.currentTarget.getBoundingClientRect();
    const px = ((e.clientX - box.left) * width) / box.width - plot.left;
    if (px < 0 || px > plot.width || model.empty) { setHover(null); return; }
    const [a, b] = model.visibleNanos;
    setHover(a + ((b - a) * px) / plot.width);
  };

  const base = `charts.${def.id}.${runId}`;
  const svgText = () => standaloneSvg(svgRef.current?.innerHTML ?? '', width, height, `${def.title} (${def.unit}), ${runLabel}`);
  const exports: [string, () => void][] = [
    ['svg', () => downloadText(exportFileName(def.id, runId, 'svg'), svgText(), 'image/svg+xml')],
    ['png', () => { void svgToPngBlob(svgText(), width, height).then((b) => downloadBlob(exportFileName(def.id, runId, 'png'), b)); }],
    ['csv', () => downloadText(exportFileName(def.id, runId, 'csv'), chartCsv(def, data), 'text/csv')],
    ['json', () => downloadText(exportFileName(def.id, runId, 'json'), `${JSON.stringify(chartJson(def, runLabel, data), null, 2)}\n`, 'application/json')],
  ];

  return (
    <figure ref={figRef} className="chart" data-testid={base} data-samples={data.t.length} data-ymax={model.yMax}>
      <figcaption>
        <span className="chart-title">{def.title}</span> <span className="chart-run">{runLabel}</span>
        <span className="chart-exports" role="group" aria-label={`Export ${def.title}, ${runLabel}`}>
          {zoom.k > 1 ? <span className="chart-zoomed" title="Double-click the chart to reset">zoom ×{zoom.k.toFixed(1)}</span> : null}
          {exports.map(([kind, act]) => (
            <button key={kind} type="button" className="chart-export" data-testid={`${base}.export.${kind}`} onClick={act}>
              {kind.toUpperCase()}
            </button>
          ))}
        </span>
      </figcaption>
      <svg
        ref={svgRef} width="100%" viewBox={`0 0 ${width} ${height}`} role="img"
        aria-label={`${def.title}, ${runLabel}: ${def.about}`}
        onPointerMove={onMove} onPointerLeave={() => setHover(null)}
      >
        <ChartSvgBody model={model} unit={def.unit} />
        {model.empty ? <text x={width / 2} y={height / 2} textAnchor="middle" fill="var(--muted)">no samples yet</text> : null}
      </svg>
      <p className="chart-readout" data-testid={`${base}.readout`} aria-live="off">
        {model.hover
          ? <>t = {(model.hover.tNanos / NS_PER_MS).toFixed(2)} ms · {model.hover.rows.map((r) => <span key={r.label}><i style={{ background: r.color }} />{r.label} {r.value} </span>)}</>
          : <span className="chart-hint">{def.about} Hover for values; wheel to zoom, drag to pan.</span>}
      </p>
    </figure>
  );
}
