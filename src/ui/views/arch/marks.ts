// One mark per kind of journey (trace kind): shape and colour, drawn on the canvas and
// in the legend. Okabe-Ito colours, and the shapes differ too, so colour is never the
// only cue.
import { TRACE_KINDS } from '../../../sim';

export type Shape = 'circle' | 'ring' | 'square' | 'diamond' | 'triangle' | 'bolt' | 'bar' | 'cross';

export interface MarkStyle {
  readonly shape: Shape;
  readonly color: string;
  readonly legend: string;
}

const STYLE: Readonly<Record<string, MarkStyle>> = {
  call: { shape: 'circle', color: '#0072B2', legend: 'socket call (down)' },
  return: { shape: 'ring', color: '#0072B2', legend: 'call returning (up)' },
  segment: { shape: 'square', color: '#E69F00', legend: 'TCP/UDP segment' },
  frame: { shape: 'square', color: '#D55E00', legend: 'Ethernet frame' },
  'i2o-message': { shape: 'diamond', color: '#CC79A7', legend: 'I2O message' },
  dma: { shape: 'triangle', color: '#009E73', legend: 'DMA transfer' },
  irq: { shape: 'bolt', color: '#D55E00', legend: 'interrupt' },
  mmio: { shape: 'triangle', color: '#999933', legend: 'MMIO read' },
  doorbell: { shape: 'ring', color: '#999933', legend: 'doorbell' },
  copy: { shape: 'bar', color: '#56B4E9', legend: 'data copy' },
  timer: { shape: 'ring', color: '#7F7F7F', legend: 'timer' },
  drop: { shape: 'cross', color: '#B3261E', legend: 'drop' },
};

export function markStyle(kind: number): MarkStyle {
  return STYLE[TRACE_KINDS[kind] ?? ''] ?? { shape: 'circle', color: '#7F7F7F', legend: 'other' };
}

export const LEGEND_KINDS: readonly string[] = ['call', 'return', 'segment', 'i2o-message', 'dma', 'irq', 'mmio', 'copy', 'drop'];

export function legendStyle(name: string): MarkStyle {
  return STYLE[name]!;
}

/** Draws a mark of radius r centred at (x, y). */
export function drawMark(ctx: CanvasRenderingContext2D, shape: Shape, color: string, x: number, y: number, r: number): void {
  ctx.fillStyle = color;
  ctx.strokeStyle = color;
  ctx.lineWidth = 2;
  ctx.beginPath();
  switch (shape) {
    case 'circle': ctx.arc(x, y, r, 0, Math.PI * 2); ctx.fill(); return;
    case 'ring': ctx.arc(x, y, r - 1, 0, Math.PI * 2); ctx.stroke(); return;
    case 'square': ctx.rect(x - r, y - r, 2 * r, 2 * r); ctx.fill(); return;
    case 'diamond': ctx.moveTo(x, y - r - 1); ctx.lineTo(x + r + 1, y); ctx.lineTo(x, y + r + 1); ctx.lineTo(x - r - 1, y); ctx.closePath(); ctx.fill(); return;
    case 'triangle': ctx.moveTo(x, y - r - 1); ctx.lineTo(x + r + 1, y + r); ctx.lineTo(x - r - 1, y + r); ctx.closePath(); ctx.fill(); return;
    case 'bolt': ctx.moveTo(x + 1, y - r - 2); ctx.lineTo(x - r, y + 1); ctx.lineTo(x, y + 1); ctx.lineTo(x - 1, y + r + 2); ctx.lineTo(x + r, y - 1); ctx.lineTo(x, y - 1); ctx.closePath(); ctx.fill(); return;
    case 'bar': ctx.rect(x - r - 2, y - r / 2, 2 * r + 4, r); ctx.fill(); return;
    case 'cross': ctx.moveTo(x - r, y - r); ctx.lineTo(x + r, y + r); ctx.moveTo(x + r, y - r); ctx.lineTo(x - r, y + r); ctx.stroke(); return;
  }
}

/** The same shapes as SVG path data (for the legend), centred at 0,0. */
export function markPath(shape: Shape, r: number): string {
  switch (shape) {
    case 'circle': case 'ring': return `M ${-r} 0 A ${r} ${r} 0 1 0 ${r} 0 A ${r} ${r} 0 1 0 ${-r} 0 Z`;
    case 'square': return `M ${-r} ${-r} H ${r} V ${r} H ${-r} Z`;
    case 'diamond': return `M 0 ${-r - 1} L ${r + 1} 0 L 0 ${r + 1} L ${-r - 1} 0 Z`;
    case 'triangle': return `M 0 ${-r - 1} L ${r + 1} ${r} L ${-r - 1} ${r} Z`;
    case 'bolt': return `M 1 ${-r - 2} L ${-r} 1 L 0 1 L -1 ${r + 2} L ${r} -1 L 0 -1 Z`;
    case 'bar': return `M ${-r - 2} ${-r / 2} H ${r + 2} V ${r / 2} H ${-r - 2} Z`;
    case 'cross': return `M ${-r} ${-r} L ${r} ${r} M ${r} ${-r} L ${-r} ${r}`;
  }
}
