// The command line of `npm run sim` (issue 4 item 6), parsed into options
// without touching the scenario (main.ts applies them). Unknown flags, missing
// values and malformed values are errors that name the flag and what is wrong.

import { CAPTURE_POINTS, isCapturePoint, type CapturePoint } from '../scenario';
import { parseDuration } from './duration';

export interface CliOptions {
  readonly preset: string | null;
  readonly scenarioFile: string | null;
  readonly configurations: readonly string[] | null;
  readonly durationMs: number | null;
  readonly seed: number | null;
  readonly json: boolean;
  readonly sets: readonly string[];
  readonly sweeps: readonly string[];
  readonly out: 'csv' | 'json' | null;
  readonly pcap: string | null;
  readonly capturePoint: CapturePoint | null;
  readonly progress: boolean | null;
  readonly help: boolean;
  readonly listPresets: boolean;
  readonly listParams: boolean;
}

export const USAGE = `Offload Lab simulator

usage: npm run sim -- [options]

  --preset NAME            start from a preset (2002-gigabit, modern-25g); default 2002-gigabit
  --scenario FILE          start from a scenario JSON file instead
  --config LIST            configurations to run, comma-separated: native,stateless,offload
  --duration TIME          simulated time, e.g. 1s, 250ms (the warmup shrinks to a tenth if it does not fit)
  --seed N                 seed (0..4294967295)
  --set PATH=VALUE         override a parameter (repeatable), e.g. --set workload.messageBytes=1460
  --sweep PATH=FROM:TO:N   sweep a parameter over N points (repeatable: a grid)
  --out csv|json           sweep output format (default csv)
  --json                   print results as JSON instead of a table
  --pcap FILE              write the capture (and I2O frames) as pcapng
  --capture-point POINT    where --pcap captures: wire (default), driver, ip or socket
  --progress               show a progress bar on stderr even when it is not a terminal
  --no-progress            never show the progress bar
  --list-presets           list the presets
  --list-params            list every parameter with unit, range and default
  -h, --help               this text
`;

const VALUE_FLAGS = new Set(['--preset', '--scenario', '--config', '--duration', '--seed', '--set', '--sweep', '--out', '--pcap', '--capture-point']);
const BOOL_FLAGS = new Set(['--json', '--progress', '--no-progress', '--help', '-h', '--list-presets', '--list-params']);

export function parseArgs(argv: readonly string[]): { ok: true; options: CliOptions } | { ok: false; error: string } {
  const o = {
    preset: null as string | null, scenarioFile: null as string | null, configurations: null as string[] | null,
    durationMs: null as number | null, seed: null as number | null, json: false, sets: [] as string[], sweeps: [] as string[],
    out: null as 'csv' | 'json' | null, pcap: null as string | null, capturePoint: null as CapturePoint | null, progress: null as boolean | null, help: false,
    listPresets: false, listParams: false,
  };
  for (let i = 0; i < argv.length; i++) {
    let arg = argv[i]!;
    let value: string | undefined;
    const eq = arg.indexOf('=');
    if (arg.startsWith('--') && eq > 0 && VALUE_FLAGS.has(arg.slice(0, eq))) {
      value = arg.slice(eq + 1);
      arg = arg.slice(0, eq);
    }
    if (BOOL_FLAGS.has(arg)) {
      if (arg === '--json') o.json = true;
      else if (arg === '--progress') o.progress = true;
      else if (arg === '--no-progress') o.progress = false;
      else if (arg === '--list-presets') o.listPresets = true;
      else if (arg === '--list-params') o.listParams = true;
      else o.help = true;
      continue;
    }
    if (!VALUE_FLAGS.has(arg)) {
      return { ok: false, error: arg.startsWith('-') ? `unknown option '${arg}' (see --help)` : `unexpected argument '${arg}' (options start with --; see --help)` };
    }
    if (value === undefined) {
      value = argv[i + 1];
      if (value === undefined || (value.startsWith('--') && value.length > 2)) return { ok: false, error: `${arg} needs a value` };
      i++;
    }
    switch (arg) {
      case '--preset':
        o.preset = value;
        break;
      case '--scenario':
        o.scenarioFile = value;
        break;
      case '--config': {
        const list = value.split(',').map((s) => s.trim()).filter((s) => s !== '');
        if (list.length === 0) return { ok: false, error: '--config needs at least one configuration' };
        o.configurations = list;
        break;
      }
      case '--duration': {
        const d = parseDuration(value);
        if (!d.ok) return { ok: false, error: `--duration: ${d.error}` };
        o.durationMs = d.ms;
        break;
      }
      case '--seed': {
        const n = Number(value);
        if (!/^\s*\d+\s*$/.test(value) || !Number.isSafeInteger(n) || n > 4_294_967_295) {
          return { ok: false, error: `--seed: must be a whole number from 0 to 4294967295, got '${value}'` };
        }
        o.seed = n;
        break;
      }
      case '--set':
        if (value.indexOf('=') <= 0) return { ok: false, error: `--set: must be PATH=VALUE, got '${value}'` };
        o.sets.push(value);
        break;
      case '--sweep':
        o.sweeps.push(value);
        break;
      case '--out':
        if (value !== 'csv' && value !== 'json') return { ok: false, error: `--out: must be csv or json, got '${value}'` };
        o.out = value;
        break;
      case '--pcap':
        o.pcap = value;
        break;
      case '--capture-point':
        if (!isCapturePoint(value)) return { ok: false, error: `--capture-point: must be one of ${CAPTURE_POINTS.join(', ')}, got '${value}'` };
        o.capturePoint = value;
        break;
    }
  }
  if (o.preset !== null && o.scenarioFile !== null) return { ok: false, error: '--preset and --scenario cannot be used together' };
  if (o.out !== null && o.sweeps.length === 0) return { ok: false, error: '--out applies to sweeps; add --sweep PATH=FROM:TO:N' };
  if (o.capturePoint !== null && o.pcap === null) return { ok: false, error: '--capture-point applies to --pcap; add --pcap FILE' };
  if (o.pcap !== null && o.sweeps.length > 0) return { ok: false, error: '--pcap cannot be combined with --sweep (one capture per run)' };
  return { ok: true, options: o };
}
