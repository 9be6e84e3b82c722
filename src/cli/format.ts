// What the CLI prints: a JSON record per configuration (the fields issue 4
// names first, then everything else the summary has), a table for people, and
// CSV or JSON for sweeps. NaN (a rate with nothing to divide by) prints as
// null in JSON and as an empty cell in CSV.
import { CATEGORIES } from '../sim';
import type { ConfigurationResult, RunResults, SweepPoint } from '../scenario';

export interface CliRecord {
  readonly configuration: string;
  readonly goodputBps: number;
  readonly hostCpuUtil: number;
  readonly hostCyclesByCategory: Record<string, number>;
  readonly iopUtil: number;
  readonly cyclesPerByte: number;
  readonly serviceDemandUsPerKB: number;
  readonly interruptsPerSec: number;
  readonly i2oMessages: number;
  readonly bytesDelivered: number;
  readonly integrityOk: boolean;
  readonly simEvents: number;
  readonly wallMs: number;
  readonly laws: ConfigurationResult['laws'];
  readonly [more: string]: unknown;
}

/** Drops categories with no cycles so the JSON stays readable. */
function nonZero(r: Record<string, number>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [k, v] of Object.entries(r)) if (v !== 0) out[k] = v;
  return out;
}

export function cliRecord(c: ConfigurationResult, wallMs: number): CliRecord {
  const { configuration, goodputBps, hostCpuUtil, hostCyclesByCategory, iopUtil, cyclesPerByte, serviceDemandUsPerKB,
    interruptsPerSec, i2oMessages, bytesDelivered, integrityOk, simEvents, laws, ...rest } = c;
  return {
    configuration, goodputBps, hostCpuUtil, hostCyclesByCategory: nonZero(hostCyclesByCategory), iopUtil, cyclesPerByte,
    serviceDemandUsPerKB, interruptsPerSec, i2oMessages, bytesDelivered, integrityOk, simEvents, wallMs, laws,
    ...rest,
    hostUtilByCategory: nonZero(rest.hostUtilByCategory),
    iopCyclesByCategory: nonZero(rest.iopCyclesByCategory),
  };
}

export function toJson(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) => (typeof v === 'number' && !Number.isFinite(v) ? null : v), 2);
}

const fmt = (v: number, digits = 3): string => (Number.isFinite(v) ? v.toFixed(digits) : '-');
const pct = (v: number): string => (Number.isFinite(v) ? `${(v * 100).toFixed(1)}%` : '-');
const si = (v: number, unit: string): string => {
  if (!Number.isFinite(v)) return '-';
  const a = Math.abs(v);
  if (a >= 1e9) return `${(v / 1e9).toFixed(3)} G${unit}`;
  if (a >= 1e6) return `${(v / 1e6).toFixed(3)} M${unit}`;
  if (a >= 1e3) return `${(v / 1e3).toFixed(3)} k${unit}`;
  return unit === '' ? v.toFixed(1) : `${v.toFixed(1)} ${unit}`;
};

/** A table for people: one column per configuration. */
export function formatTable(results: RunResults, records: readonly CliRecord[]): string {
  const rows: [string, (r: CliRecord) => string][] = [
    ['goodput', (r) => si(r.goodputBps, 'b/s')],
    ['host CPU', (r) => pct(r.hostCpuUtil)],
    ['IOP', (r) => (r.configuration === 'offload' ? pct(r.iopUtil) : '-')],
    ['host cycles/byte', (r) => fmt(r.cyclesPerByte, 2)],
    ['service demand µs/KB', (r) => fmt(r.serviceDemandUsPerKB, 3)],
    ['interrupts/s', (r) => si(r.interruptsPerSec, '')],
    ['I2O messages', (r) => String(r.i2oMessages)],
    ['requests/s', (r) => si(r.requestsPerSec as number, '')],
    ['latency p50/p99 µs', (r) => {
      const l = r.latency as { count: number; p50Us: number; p99Us: number };
      return l.count > 0 ? `${fmt(l.p50Us, 1)} / ${fmt(l.p99Us, 1)}` : '-';
    }],
    ['bytes delivered', (r) => String(r.bytesDelivered)],
    ['integrity', (r) => (r.integrityOk ? 'ok' : `BAD at ${String(r.firstMismatch)}`)],
    // The server stack's ordered transmit queue and, on offload, the card MAC's transmit ring.
    ['xmit queue peak / stopped waits', (r) => `${String(r.xmitPeakQueued)} / ${String(r.xmitStoppedWaits)}`],
    ['HDM tx ring stops / wakes', (r) => (r.configuration === 'offload' ? `${String(r.hdmTxStops)} / ${String(r.hdmTxWakes)}` : '-')],
    ['HDM tx ring peak in use', (r) => (r.configuration === 'offload' ? `${String(r.hdmTxPeakInUse)} of ${String(r.hdmTxDescriptors)}` : '-')],
    ['errors', (r) => (r.errors === 0 ? '0' : `${String(r.errors)} (${String(r.lastError)})`)],
    ['sim events', (r) => String(r.simEvents)],
    ['wall ms', (r) => fmt(r.wallMs, 0)],
    ['LAWS predicted goodput', (r) => ('error' in r.laws ? r.laws.error : si(r.laws.predictedGoodputBps, 'b/s'))],
    ['LAWS gain (offload/base)', (r) => ('error' in r.laws ? '-' : fmt(r.laws.gain, 3))],
  ];
  for (const c of CATEGORIES) {
    if (records.some((r) => (r.hostCyclesByCategory[c] ?? 0) > 0)) {
      rows.push([`  host ${c} cycles/B`, (r) => fmt((r.hostCyclesByCategory[c] ?? 0) / Math.max(1, r.bytesInWindow as number), 3)]);
    }
  }
  const header = ['', ...records.map((r) => r.configuration)];
  const table = [header, ...rows.map(([name, f]) => [name, ...records.map(f)])];
  const widths = header.map((_, i) => Math.max(...table.map((row) => row[i]!.length)));
  const line = (row: string[]): string => row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  ');
  const title = `${results.scenario}: ${results.durationMs} ms simulated, seed ${results.seed}`;
  return [title, '', ...table.map(line)].join('\n');
}

export interface SweepRow {
  readonly point: SweepPoint;
  readonly records: readonly CliRecord[];
}

const CSV_FIELDS = [
  'goodputBps', 'hostCpuUtil', 'iopUtil', 'cyclesPerByte', 'serviceDemandUsPerKB', 'interruptsPerSec', 'i2oMessages',
  'requestsPerSec', 'bytesDelivered', 'integrityOk', 'simEvents', 'wallMs',
] as const;

const cell = (v: unknown): string => {
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  const s = String(v);
  return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

/**
 * One CSV line per (point, configuration). `gainVsNative` is the simulated
 * goodput over native's at the same point (empty without native), beside LAWS'
 * predicted gain and bound, so the two can be plotted together.
 */
export function sweepCsv(paths: readonly string[], rows: readonly SweepRow[]): string {
  const head = ['point', ...paths, 'configuration', ...CSV_FIELDS, 'gainVsNative', 'lawsGain', 'lawsGainBound', 'lawsPredictedGoodputBps'];
  const lines = [head.join(',')];
  for (const row of rows) {
    const native = row.records.find((r) => r.configuration === 'native');
    for (const r of row.records) {
      const laws = 'error' in r.laws ? null : r.laws;
      lines.push([
        row.point.index, ...paths.map((p) => row.point.values[p]), r.configuration, ...CSV_FIELDS.map((f) => r[f]),
        native === undefined ? NaN : r.goodputBps / native.goodputBps,
        laws?.gain ?? NaN, laws?.gainBound ?? NaN, laws?.predictedGoodputBps ?? NaN,
      ].map(cell).join(','));
    }
  }
  return `${lines.join('\n')}\n`;
}
