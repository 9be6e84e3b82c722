// One journey (trace span) as a list of crossings, read from a configuration's trace:
// what the views show when a person selects a token or an arrow, so one send() can be
// followed from the application to the wire.
import { LAYERS } from '../../../sim';
import { kindName } from './tokens';
import type { TraceBuffer } from './trace-buffer';

export interface Crossing {
  readonly time: number;
  readonly from: string;
  readonly to: string;
  readonly kind: string;
  readonly bytes: number;
  readonly cycles: number;
}

/** The retained records of `span`, oldest first (at most `max`). */
export function journeyOf(buf: TraceBuffer, span: number, max = 64): Crossing[] {
  const out: Crossing[] = [];
  for (let k = 0; k < buf.size && out.length < max; k++) {
    const i = buf.indexOf(k);
    if (buf.span[i] !== span) continue;
    out.push({
      time: buf.time[i]!, from: LAYERS[buf.from[i]!] ?? '?', to: LAYERS[buf.to[i]!] ?? '?',
      kind: kindName(buf.kind[i]!), bytes: buf.bytes[i]!, cycles: buf.cycles[i]!,
    });
  }
  return out;
}
