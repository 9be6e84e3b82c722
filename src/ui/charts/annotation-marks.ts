// Event annotations on the time axis (loss, RTO, pool exhausted, queue full, ...):
// the visible ones placed in pixels, with events closer than `minPx` merged into one
// mark that counts them, so a burst of losses reads as one labelled tick, not a smear.
import type { AnnotationKind, RunAnnotation } from '../model-data';
import type { Scale } from './chart-math';

export interface AnnotationMark {
  readonly x: number;
  readonly kind: AnnotationKind;
  readonly count: number;
  /** Tooltip text: the first event's text, and how many more were merged. */
  readonly text: string;
  readonly tNanos: number;
}

export const ANNOTATION_LABEL: Readonly<Record<AnnotationKind, string>> = {
  loss: 'loss',
  rto: 'RTO',
  'fast-retransmit': 'fast retransmit',
  'pool-exhausted': 'pool exhausted',
  'queue-full': 'I2O queue full',
  'ring-drop': 'rx ring drop',
  'link-down': 'link down',
  'link-up': 'link up',
  fault: 'fault',
  'live-change': 'live change',
};

export const ANNOTATION_COLOR: Readonly<Record<AnnotationKind, string>> = {
  loss: '#D55E00',
  rto: '#CC79A7',
  'fast-retransmit': '#AA4499',
  'pool-exhausted': '#E69F00',
  'queue-full': '#0072B2',
  'ring-drop': '#882255',
  'link-down': '#7F7F7F',
  'link-up': '#009E73',
  fault: '#7F7F7F',
  'live-change': '#56B4E9',
};

export function annotationMarks(notes: readonly RunAnnotation[], x: Scale, minPx = 6): AnnotationMark[] {
  const [r0, r1] = x.range() as [number, number];
  const visible = notes
    .map((n) => ({ n, px: x(n.tNanos) }))
    .filter(({ px }) => px >= r0 && px <= r1)
    .sort((a, b) => a.px - b.px);
  const out: { x: number; kind: AnnotationKind; count: number; first: RunAnnotation }[] = [];
  for (const { n, px } of visible) {
    const last = out.findLast((m) => m.kind === n.kind);
    if (last && px - last.x < minPx) last.count += 1;
    else out.push({ x: px, kind: n.kind, count: 1, first: n });
  }
  return out.map((m) => ({
    x: m.x,
    kind: m.kind,
    count: m.count,
    tNanos: m.first.tNanos,
    text: m.count > 1 ? `${ANNOTATION_LABEL[m.kind]} ×${m.count}: ${m.first.text}, …` : `${ANNOTATION_LABEL[m.kind]}: ${m.first.text}`,
  }));
}
