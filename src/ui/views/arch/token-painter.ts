// Paints the tokens of every column on one canvas, once per animation frame (dense
// animation belongs on a canvas: TOOLCHAIN.md). A token's place comes from the trace
// (feed/tokens.ts); the painter only eases it from the box it came from to the box it
// is in, over TRANSIT_MS of wall time, so a person sees the direction of travel.
import { LAYERS } from '../../../sim';
import { activeTokens, aggregateTokens, kindName, type TokenMark } from '../feed/tokens';
import type { TraceBuffer } from '../feed/trace-buffer';
import type { ViewFeed } from '../feed/view-feed';
import { boxCentre, type ColumnLayout } from './layout';
import { drawMark, markStyle } from './marks';

export const TRANSIT_MS = 300;

interface Transit {
  fromX: number;
  fromY: number;
  layer: number;
  start: number;
}

export interface PaintResult {
  /** Marks drawn per configuration. */
  readonly marks: Record<string, TokenMark[]>;
  /** True while some token is still moving (ask for another frame). */
  readonly moving: boolean;
}

interface MarksMemo {
  readonly buf: TraceBuffer;
  readonly written: number;
  readonly now: number;
  readonly window: number;
  readonly marks: TokenMark[];
}

export class TokenPainter {
  private readonly transits = new Map<string, Transit>();
  // Which tokens stand where changes only with the trace, the displayed instant and the
  // window; between replies a frame only moves tokens along their transit, so the scan of
  // the trace is kept per configuration and reused.
  private readonly memo = new Map<string, MarksMemo>();

  private marksOf(configuration: string, buf: TraceBuffer, now: number, window: number): TokenMark[] {
    const m = this.memo.get(configuration);
    if (m && m.buf === buf && m.written === buf.written && m.now === now && m.window === window) return m.marks;
    const marks = aggregateTokens(activeTokens(buf, now, window));
    this.memo.set(configuration, { buf, written: buf.written, now, window, marks });
    return marks;
  }

  paint(
    ctx: CanvasRenderingContext2D, feed: ViewFeed, columns: readonly { layout: ColumnLayout; x: number }[],
    nowNanos: number, windowNanos: number, wallMs: number, selected: { configuration: string; span: number } | null = null,
    stepwise = false,
  ): PaintResult {
    ctx.clearRect(0, 0, ctx.canvas.width, ctx.canvas.height);
    const marks: Record<string, TokenMark[]> = {};
    let moving = false;
    const alive = new Set<string>();
    for (const { layout, x: ox } of columns) {
      const buf = feed.get(layout.configuration)?.trace;
      if (!buf) continue;
      const ms = this.marksOf(layout.configuration, buf, nowNanos, windowNanos);
      marks[layout.configuration] = ms;
      for (const m of ms) {
        const layerName = LAYERS[m.layer] ?? '';
        const box = layout.boxes.find((b) => b.layer === layerName);
        if (!box) continue;
        // Tokens sit in the right part of the box, clear of its label and counters.
        // Aggregates carry a count ("×6") beside the mark, so they get wider slots.
        const step = m.label ? 36 : 14;
        const left = tokenZoneLeft(box.w);
        const perRow = Math.max(1, Math.floor((box.w - left - 4) / step));
        const tx = ox + box.x + left + (m.slot % perRow) * step + 7;
        const ty = box.y + 9 + Math.floor(m.slot / perRow) * 13;
        let px = tx;
        let py = ty;
        if (m.span >= 0) {
          const key = `${layout.configuration}:${m.key}`;
          alive.add(key);
          let tr = this.transits.get(key);
          if (!tr || tr.layer !== m.layer) {
            const from = boxCentre(layout, LAYERS[m.from] ?? '');
            tr = { fromX: from ? ox + from.x : tx, fromY: from ? from.y : ty, layer: m.layer, start: wallMs };
            this.transits.set(key, tr);
          }
          // With reduced motion the token jumps to its layer (stepwise): no tween, no frame loop.
          const f = stepwise ? 1 : Math.min(1, (wallMs - tr.start) / TRANSIT_MS);
          if (f < 1) moving = true;
          const e = f * (2 - f);
          px = tr.fromX + (tx - tr.fromX) * e;
          py = tr.fromY + (ty - tr.fromY) * e;
        }
        const st = markStyle(m.kind);
        drawMark(ctx, st.shape, st.color, px, py, m.count > 1 ? 6 : 4.5);
        if (selected && m.span > 0 && m.span === selected.span && layout.configuration === selected.configuration) {
          ctx.strokeStyle = '#C2410C';
          ctx.lineWidth = 2;
          ctx.beginPath();
          ctx.arc(px, py, 9, 0, Math.PI * 2);
          ctx.stroke();
        }
        if (m.label) {
          ctx.fillStyle = st.color;
          ctx.font = '700 11px system-ui, sans-serif';
          ctx.fillText(`×${m.count}`, px + 8, py + 4);
        }
      }
    }
    for (const k of this.transits.keys()) if (!alive.has(k)) this.transits.delete(k);
    return { marks, moving };
  }
}

/** Where, from a box's left edge, the tokens' zone begins: labels and counters stay left of it. */
export function tokenZoneLeft(boxWidth: number): number {
  return boxWidth > 340 ? boxWidth - 130 : Math.round(boxWidth * 0.6);
}

/** A readable line per aggregated mark, for the page's text (screen readers, tests). */
export function describeMarks(marks: Record<string, TokenMark[]>): string[] {
  const out: string[] = [];
  for (const [cfg, ms] of Object.entries(marks)) {
    for (const m of ms) if (m.label) out.push(`${m.label} at ${cfg} ${LAYERS[m.layer]}`);
    const single = ms.filter((m) => !m.label).length;
    if (single > 0) out.push(`${cfg}: ${single} ${single === 1 ? 'token' : 'tokens'} (${[...new Set(ms.filter((m) => !m.label).map((m) => kindName(m.kind)))].join(', ')})`);
  }
  return out;
}

/**
 * The sentence under the legend: the grouped marks (lines from describeMarks that start
 * with "×", at most 8 named) said to be grouped, and the tokens drawn one by one said to
 * be that. Before, every line was put after "Too many to follow one by one, so grouped:",
 * also when nothing was grouped ("... so grouped: native: 5 individual tokens").
 */
export function marksSentence(lines: readonly string[]): string {
  if (lines.length === 0) return 'No journey in the last moments of simulated time.';
  const grouped = lines.filter((l) => l.startsWith('×'));
  const single = lines.filter((l) => !l.startsWith('×'));
  const parts: string[] = [];
  if (grouped.length > 0) {
    const more = grouped.length > 8 ? ` · and ${grouped.length - 8} more groups` : '';
    parts.push(`Too many to follow one by one, so grouped: ${grouped.slice(0, 8).join(' · ')}${more}.`);
  }
  if (single.length > 0) parts.push(`Drawn one by one: ${single.join(' · ')}.`);
  return parts.join(' ');
}
