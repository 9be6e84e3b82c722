// Copies the trace records a TraceRing has written since a cursor into fresh typed
// arrays (DESIGN.md 2.2 (b)), for posting to the page as transferables.
//
// Contract: `drainTrace(ring, from)` returns the records numbered `from` ..
// `ring.totalWritten - 1` that the ring still holds, oldest first, and how many of
// them it no longer holds (overwritten before they could be sent). The ring is not
// changed. Numbering follows `totalWritten`, so a cursor survives the ring wrapping.
import type { TraceRing } from '../sim';
import { emptyTraceColumns, type TraceColumns } from './stream';

export function drainTrace(ring: TraceRing, from: number): { trace: TraceColumns; dropped: number; next: number } {
  const total = ring.totalWritten;
  const retainedFrom = total - ring.size;
  const start = Math.max(from, retainedFrom);
  const n = Math.max(0, total - start);
  const out = emptyTraceColumns(n);
  const skip = start - retainedFrom;
  for (let k = 0; k < n; k++) {
    const i = ring.indexOf(skip + k);
    out.time[k] = ring.time[i]!;
    out.span[k] = ring.span[i]!;
    out.from[k] = ring.from[i]!;
    out.to[k] = ring.to[i]!;
    out.kind[k] = ring.kind[i]!;
    out.bytes[k] = ring.bytes[i]!;
    out.cycles[k] = ring.cycles[i]!;
    out.processor[k] = ring.processor[i]!;
  }
  return { trace: out, dropped: Math.max(0, start - from), next: total };
}
