// src/cli: the command-line runner (the bridge to real networks lives in ./bridge).
export { runCli, type CliIo } from './cli';
export { parseArgs, USAGE, type CliOptions } from './args';
export { parseDuration } from './duration';
export { cliRecord, formatTable, sweepCsv, toJson, type CliRecord, type SweepRow } from './format';
export { ProgressBar } from './progress';
export { scenarioFromOptions } from './scenario-from-args';
