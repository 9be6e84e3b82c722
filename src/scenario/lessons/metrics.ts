// The figures a lesson may ask about, flattened to `configuration.field` names:
// the run's summary of each configuration (src/model/metrics Summary), its
// cycles and utilization by category, latency percentiles, the LAWS companion
// (`laws.alpha` is the lag ratio α of DESIGN.md 1.8) and the machine's
// cumulative counters over the whole run (`counters.copies`,
// `counters.dmaTransfers`, `counters.interrupts`, `counters.runtimeAllocations`).
// The list of names is fixed, so a lesson file's expressions are checked
// before anything runs.
import { CATEGORIES } from '../../sim';
import { CONFIGURATIONS, type Configuration } from '../schema';
import type { MachineCounters } from '../../model/machine';
import type { ConfigurationResult } from '../run';

const SUMMARY_NUMBERS = [
  'windowNs', 'goodputBps', 'hostCpuUtil', 'iopUtil', 'cyclesPerByte', 'serviceDemandUsPerKB', 'interruptsPerSec',
  'contextSwitchesPerSec', 'copies', 'bytesCopied', 'dmaTransfers', 'mmioReads', 'i2oMessages', 'i2oMessagesPerSec',
  'busUtil', 'requestsPerSec', 'connectionsPerSec', 'bytesDelivered', 'bytesInWindow', 'errors', 'rxRingDrops',
  'poolExhausted', 'i2oQueueFull', 'simEvents',
] as const;
const LATENCY = ['count', 'meanUs', 'p50Us', 'p90Us', 'p99Us', 'maxUs'] as const;
const LAWS = ['predictedGoodputBps', 'gain', 'bBeforeBps', 'bAfterBps', 'alpha', 'beta', 'gamma', 'sigma', 'p', 'gainBound', 'tightGainBound'] as const;
const LAWS_FLAGS = ['offloadLoses', 'hostFillsWire'] as const;
const COUNTERS = [
  'interrupts', 'contextSwitches', 'copies', 'bytesCopied', 'dmaTransfers', 'dmaBytes', 'mmioReads', 'i2oMessages',
  'i2oFramesInUse', 'runtimeAllocations', 'rxRingDrops', 'poolExhausted', 'i2oQueueFull',
] as const satisfies readonly (keyof MachineCounters)[];

/** Field names after the configuration, e.g. `hostUtilByCategory.copy`. */
export const METRIC_FIELDS: readonly string[] = [
  ...SUMMARY_NUMBERS,
  'integrityOk',
  ...CATEGORIES.flatMap((c) => [`hostCyclesByCategory.${c}`, `hostUtilByCategory.${c}`, `iopCyclesByCategory.${c}`]),
  ...LATENCY.map((f) => `latency.${f}`),
  ...LAWS.map((f) => `laws.${f}`),
  ...LAWS_FLAGS.map((f) => `laws.${f}`),
  ...COUNTERS.map((f) => `counters.${f}`),
];
const FIELD_SET = new Set(METRIC_FIELDS);

/** Why `name` is not a metric of a run of `configurations`, or null when it is. */
export function metricProblem(name: string, configurations: readonly Configuration[]): string | null {
  const dot = name.indexOf('.');
  const conf = dot < 0 ? name : name.slice(0, dot);
  if (!(CONFIGURATIONS as readonly string[]).includes(conf)) {
    return `unknown metric '${name}' (a metric starts with a configuration: ${CONFIGURATIONS.join(', ')})`;
  }
  if (!configurations.includes(conf as Configuration)) return `metric '${name}' needs configuration '${conf}', which the step does not run`;
  if (!FIELD_SET.has(name.slice(dot + 1))) return `unknown metric '${name.slice(dot + 1)}'`;
  return null;
}

/** One configuration's figures, flattened (booleans as 1/0). */
export function flattenResult(r: ConfigurationResult, counters: MachineCounters): Record<string, number> {
  const c = r.configuration;
  const out: Record<string, number> = {};
  for (const f of SUMMARY_NUMBERS) out[`${c}.${f}`] = r[f];
  out[`${c}.integrityOk`] = r.integrityOk ? 1 : 0;
  for (const cat of CATEGORIES) {
    out[`${c}.hostCyclesByCategory.${cat}`] = r.hostCyclesByCategory[cat];
    out[`${c}.hostUtilByCategory.${cat}`] = r.hostUtilByCategory[cat];
    out[`${c}.iopCyclesByCategory.${cat}`] = r.iopCyclesByCategory[cat];
  }
  for (const f of LATENCY) out[`${c}.latency.${f}`] = r.latency[f];
  if (!('error' in r.laws)) {
    const l = r.laws;
    for (const f of LAWS) out[`${c}.laws.${f}`] = l[f];
    for (const f of LAWS_FLAGS) out[`${c}.laws.${f}`] = l[f] ? 1 : 0;
  }
  for (const f of COUNTERS) out[`${c}.counters.${f}`] = counters[f];
  return out;
}
