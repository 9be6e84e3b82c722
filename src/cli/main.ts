// `npm run sim -- ...`: the Node entry of the simulator. Binds the CLI
// (cli.ts) to the process: stdout, stderr, files, and a wall clock from
// process.hrtime.bigint() for wallMs (never Date.now or performance.now).
import { readFileSync, writeFileSync } from 'node:fs';
import { runCli } from './cli';

const code = runCli(process.argv.slice(2), {
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
  stderrIsTTY: process.stderr.isTTY === true,
  readFile: (p) => readFileSync(p, 'utf8'),
  writeFile: (p, d) => writeFileSync(p, d),
  now: () => Number(process.hrtime.bigint()) / 1e6,
});
process.exitCode = code;
