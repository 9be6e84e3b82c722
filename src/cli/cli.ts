// The CLI as a plain function over an injected IO (tests call it directly;
// main.ts binds it to the process). Exit codes: 0 done, 2 bad arguments or
// scenario, 3 a run finished with a data integrity failure.
import {
  createRun, listParameters, listPresets, parseSweepAxis, runResults, scenarioForPoint, sweepPoints, validateAxes,
  PcapngCapture, type Configuration, type Run, type Scenario, type SweepAxis,
} from '../scenario';
import { parseArgs, USAGE } from './args';
import { cliRecord, formatTable, sweepCsv, toJson, type CliRecord, type SweepRow } from './format';
import { ProgressBar } from './progress';
import { scenarioFromOptions } from './scenario-from-args';

export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /** True when stderr is a terminal (the progress bar's default). */
  readonly stderrIsTTY: boolean;
  readonly readFile: (path: string) => string;
  readonly writeFile: (path: string, data: Uint8Array | string) => void;
  /** A wall clock in ms (process.hrtime in main.ts). */
  readonly now: () => number;
}

const EXIT_OK = 0;
const EXIT_USAGE = 2;
const EXIT_INTEGRITY = 3;

/** Runs one configuration set to the end, with wall time per world. */
function runOnce(s: Scenario, configurations: Configuration[], io: CliIo, bar: ProgressBar, capture: PcapngCapture | null):
  { ok: true; run: Run; records: CliRecord[] } | { ok: false; error: string } {
  const r = createRun(s, { configurations, capture: capture ?? undefined });
  if (!r.ok) return { ok: false, error: r.errors.map((e) => `${e.path} ${e.message}`).join('\n') };
  const run = r.run;
  run.timer = io.now;
  run.runToEnd((f) => bar.update(f), 100_000);
  const results = runResults(run);
  const records = results.configurations.map((c, i) => cliRecord(c, run.wallMs[i]!));
  return { ok: true, run, records };
}

function sweep(base: Scenario, configurations: Configuration[], texts: readonly string[], out: 'csv' | 'json', io: CliIo, bar: ProgressBar): number {
  const axes: SweepAxis[] = [];
  for (const t of texts) {
    const a = parseSweepAxis(t);
    if (!a.ok) {
      io.stderr(`sim: --sweep ${t}: ${a.error.path} ${a.error.message}\n`);
      return EXIT_USAGE;
    }
    axes.push(a.axis);
  }
  const errors = validateAxes(base, axes);
  if (errors.length > 0) {
    io.stderr(`${errors.map((e) => `sim: --sweep: ${e.path} ${e.message}`).join('\n')}\n`);
    return EXIT_USAGE;
  }
  const points = sweepPoints(base, axes);
  const rows: SweepRow[] = [];
  let integrity = true;
  for (const point of points) {
    const s = scenarioForPoint(base, point);
    if (!s.ok) {
      io.stderr(`sim: sweep point ${point.index}: ${s.errors.map((e) => `${e.path} ${e.message}`).join('; ')}\n`);
      return EXIT_USAGE;
    }
    const r = runOnce(s.scenario, configurations, io, new ProgressBar({ write: () => 0 }, false), null);
    if (!r.ok) {
      io.stderr(`sim: sweep point ${point.index}: ${r.error}\n`);
      return EXIT_USAGE;
    }
    integrity &&= r.records.every((x) => x.integrityOk);
    rows.push({ point, records: r.records });
    bar.update(rows.length / points.length);
  }
  bar.finish();
  const paths = axes.map((a) => a.path);
  if (out === 'json') io.stdout(`${toJson({ axes, points: rows.map((r) => ({ index: r.point.index, values: r.point.values, configurations: r.records })) })}\n`);
  else io.stdout(sweepCsv(paths, rows));
  return integrity ? EXIT_OK : EXIT_INTEGRITY;
}

export function runCli(argv: readonly string[], io: CliIo): number {
  const parsed = parseArgs(argv);
  if (!parsed.ok) {
    io.stderr(`sim: ${parsed.error}\n`);
    return EXIT_USAGE;
  }
  const o = parsed.options;
  if (o.help) {
    io.stdout(USAGE);
    return EXIT_OK;
  }
  if (o.listPresets) {
    io.stdout(`${listPresets().map((p) => `${p.name}  ${p.title}`).join('\n')}\n`);
    return EXIT_OK;
  }
  const loaded = scenarioFromOptions(o, io.readFile);
  if (!loaded.ok) {
    io.stderr(`sim: ${loaded.error.replace(/\n/g, '\nsim: ')}\n`);
    return EXIT_USAGE;
  }
  if (o.listParams) {
    const lines = listParameters(loaded.scenario).filter((p) => p.inList !== true).map((p) =>
      `${p.path}  ${p.kind}${p.unit ? ` [${p.unit}]` : ''}${p.min !== undefined ? ` ${p.min}..${p.max}` : ''}  = ${JSON.stringify(p.value ?? p.default)}  ${p.description}`);
    io.stdout(`${lines.join('\n')}\n`);
    return EXIT_OK;
  }
  const bar = new ProgressBar({ write: (t: string) => io.stderr(t) }, o.progress ?? io.stderrIsTTY);
  if (o.sweeps.length > 0) return sweep(loaded.scenario, loaded.configurations, o.sweeps, o.out ?? 'csv', io, bar);
  const capture = o.pcap === null ? null : new PcapngCapture(loaded.scenario.name, o.capturePoint ?? 'wire');
  const r = runOnce(loaded.scenario, loaded.configurations, io, bar, capture);
  bar.finish();
  if (!r.ok) {
    io.stderr(`sim: ${r.error}\n`);
    return EXIT_USAGE;
  }
  if (capture !== null && o.pcap !== null) {
    try {
      io.writeFile(o.pcap, capture.flush());
    } catch (e) {
      io.stderr(`sim: --pcap: cannot write '${o.pcap}': ${(e as Error).message}\n`);
      return EXIT_USAGE;
    }
  }
  const results = runResults(r.run);
  if (o.json) io.stdout(`${toJson({ scenario: results.scenario, seed: results.seed, durationMs: results.durationMs, configurations: r.records })}\n`);
  else io.stdout(`${formatTable(results, r.records)}\n`);
  return r.records.every((x) => x.integrityOk) ? EXIT_OK : EXIT_INTEGRITY;
}
