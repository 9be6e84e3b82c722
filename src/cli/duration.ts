// Durations on the command line: a number with a unit (ns, us or µs, ms, s),
// e.g. `1s`, `250ms`, `1.5s`, `500us`; a bare number is milliseconds, the
// unit of the scenario's durationMs. Returns milliseconds or an error text.

const UNITS: Record<string, number> = { ns: 1e-6, us: 1e-3, 'µs': 1e-3, ms: 1, s: 1000 };

export function parseDuration(text: string): { ok: true; ms: number } | { ok: false; error: string } {
  const m = /^\s*([0-9]*\.?[0-9]+(?:e[+-]?[0-9]+)?)\s*(ns|us|µs|ms|s)?\s*$/i.exec(text);
  if (m === null) return { ok: false, error: `bad duration '${text}': write a number and a unit, e.g. 1s, 250ms, 500us` };
  const v = Number(m[1]) * UNITS[(m[2] ?? 'ms').toLowerCase()]!;
  if (!(v > 0) || !Number.isFinite(v)) return { ok: false, error: `bad duration '${text}': must be more than zero` };
  return { ok: true, ms: v };
}
