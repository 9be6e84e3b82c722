// Number formatting for the live panel: plain functions, tested without a DOM.
// Counts get thousands separators; large magnitudes get SI prefixes with three
// significant digits, which reads well from the back of a room.
const counts = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

export function formatCount(n: number): string {
  return counts.format(n);
}

const PREFIXES: readonly [number, string][] = [[1e12, 'T'], [1e9, 'G'], [1e6, 'M'], [1e3, 'k']];

/** 3 significant digits with an SI prefix: 950, 12.3 k, 4.56 M, 1.20 G. */
export function formatSi(n: number): string {
  const a = Math.abs(n);
  for (const [scale, p] of PREFIXES) {
    if (a >= scale) return `${(n / scale).toPrecision(3)} ${p}`;
  }
  return a >= 100 || Number.isInteger(n) ? n.toFixed(0) : n.toPrecision(3);
}

export function formatPercent(fraction: number): string {
  if (!Number.isFinite(fraction)) return '–';
  return `${(fraction * 100).toFixed(fraction < 0.1 ? 1 : 0)}%`;
}

export function formatHz(hz: number): string {
  return `${formatSi(hz)}Hz`;
}
