// Tokens: where each journey (span) stands at the displayed instant, read from the
// trace and from nothing else (trace-convention.md), and how many a person can follow.
//
// Contract:
// - `activeTokens(buffer, now, window)` gives one token per span whose latest record at
//   or before `now` lies within `window` ns of it: the token is in that record's `to`
//   layer, having come from its `from` layer. Records after `now` are ignored, so a view
//   never shows a state the model was not yet in. Span 0 means "not tied to a journey":
//   each such record is a token of its own.
// - `aggregateTokens(tokens, max)` keeps tokens individual while there are at most `max`;
//   beyond that it merges them per (layer, kind) into one mark that says how many it
//   stands for ("×37 segments").
import { TRACE_KINDS } from '../../../sim';
import type { TraceBuffer } from './trace-buffer';

export interface Token {
  readonly span: number;
  /** Identity for animation: the span, or for span 0 (a record the model did not tie to a
   *  journey) minus one minus the record's number, so each such crossing is its own token. */
  readonly key: number;
  readonly layer: number;
  readonly from: number;
  readonly kind: number;
  readonly time: number;
  readonly bytes: number;
}

export function activeTokens(buf: TraceBuffer, now: number, window: number, maxScan = 20_000): Token[] {
  const out: Token[] = [];
  const seen = new Set<number>();
  const oldest = now - window;
  const stop = Math.max(0, buf.size - maxScan);
  for (let k = buf.size - 1; k >= stop; k--) {
    const i = buf.indexOf(k);
    const t = buf.time[i]!;
    if (t > now) continue;
    if (t < oldest) break;
    const span = buf.span[i]!;
    if (span !== 0) {
      if (seen.has(span)) continue;
      seen.add(span);
    }
    const key = span !== 0 ? span : -1 - (buf.written - buf.size + k);
    out.push({ span, key, layer: buf.to[i]!, from: buf.from[i]!, kind: buf.kind[i]!, time: t, bytes: buf.bytes[i]! });
  }
  return out;
}

const PLURAL: Record<string, string> = {
  call: 'calls', return: 'returns', segment: 'segments', frame: 'frames', 'i2o-message': 'I2O messages',
  dma: 'DMA transfers', irq: 'interrupts', mmio: 'MMIO reads', doorbell: 'doorbells', copy: 'copies',
  timer: 'timers', drop: 'drops',
};

export function kindName(kind: number): string {
  return TRACE_KINDS[kind] ?? `kind ${kind}`;
}

export function kindPlural(kind: number): string {
  const n = kindName(kind);
  return PLURAL[n] ?? `${n}s`;
}

export interface TokenMark {
  readonly layer: number;
  readonly kind: number;
  /** Tokens this mark stands for (1 when individual). */
  readonly count: number;
  /** Position among the marks at the same layer (to spread them out). */
  readonly slot: number;
  /** The span when individual, else -1. */
  readonly span: number;
  /** The token's key when individual (Token.key), else 0. */
  readonly key: number;
  readonly from: number;
  readonly label: string | null;
}

export const MAX_INDIVIDUAL_TOKENS = 40;

export function aggregateTokens(tokens: readonly Token[], max = MAX_INDIVIDUAL_TOKENS): TokenMark[] {
  const slots = new Map<number, number>();
  const nextSlot = (layer: number) => {
    const s = slots.get(layer) ?? 0;
    slots.set(layer, s + 1);
    return s;
  };
  if (tokens.length <= max) {
    return tokens.map((t) => ({ layer: t.layer, kind: t.kind, count: 1, slot: nextSlot(t.layer), span: t.span, key: t.key, from: t.from, label: null }));
  }
  const groups = new Map<number, { layer: number; kind: number; from: number; count: number }>();
  for (const t of tokens) {
    const key = t.layer * 256 + t.kind;
    const g = groups.get(key);
    if (g) g.count += 1;
    else groups.set(key, { layer: t.layer, kind: t.kind, from: t.from, count: 1 });
  }
  return [...groups.values()].map((g) => ({
    layer: g.layer, kind: g.kind, count: g.count, slot: nextSlot(g.layer), span: -1, key: 0, from: g.from,
    label: `×${g.count} ${g.count === 1 ? kindName(g.kind) : kindPlural(g.kind)}`,
  }));
}
