#!/usr/bin/env node
// The one test command (`npm test`): type-check, lint, unit tests (vitest) and
// end-to-end tests (Playwright in a Chromium found on this machine). It ends with
// one plain line, `N passed, N failed, N skipped`, and exits non-zero on any
// failure or when nothing ran. Type-check and lint count as one check each.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { findChromium } from './find-chromium.mjs';

const totals = { passed: 0, failed: 0, skipped: 0 };
const failures = [];
mkdirSync('reports', { recursive: true });

function run(label, cmd, args, env = {}) {
  console.log(`\n=== ${label}: ${cmd} ${args.join(' ')}`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  return r.status ?? 1;
}

function check(label, cmd, args) {
  const status = run(label, cmd, args);
  if (status === 0) totals.passed += 1;
  else { totals.failed += 1; failures.push(label); }
}

function readJson(path) {
  try { return JSON.parse(readFileSync(path, 'utf8')); } catch { return null; }
}

function ensureChromium() {
  let found = findChromium();
  if (found) return found;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (isRoot && existsSync('/usr/bin/apt-get')) {
    console.log('No Chromium found: installing Debian\'s chromium with apt-get (running as root).');
    spawnSync('sh', ['-c', 'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium'], { stdio: 'inherit' });
    found = findChromium();
  }
  return found;
}

check('type-check', 'npx', ['tsc', '--noEmit', '-p', 'tsconfig.json']);
check('lint', 'npx', ['eslint', '.']);

// Unit tests.
rmSync('reports/unit.json', { force: true });
const unitStatus = run('unit tests', 'npx', ['vitest', 'run', '--reporter=default', '--reporter=json', '--outputFile.json=reports/unit.json']);
const unit = readJson('reports/unit.json');
if (unit) {
  totals.passed += unit.numPassedTests ?? 0;
  totals.failed += (unit.numFailedTests ?? 0);
  totals.skipped += (unit.numPendingTests ?? 0) + (unit.numTodoTests ?? 0);
  // A file that fails to load has no tests but is a failure all the same.
  const brokenFiles = (unit.testResults ?? []).filter((f) => f.status === 'failed' && (f.assertionResults ?? []).length === 0).length;
  totals.failed += brokenFiles;
  if (unitStatus !== 0 && (unit.numFailedTests ?? 0) === 0 && brokenFiles === 0) { totals.failed += 1; failures.push('unit tests (runner error)'); }
  else if (unitStatus !== 0) failures.push('unit tests');
} else {
  totals.failed += 1; failures.push('unit tests (no report)');
}

// End-to-end tests.
const chromium = ensureChromium();
if (!chromium) {
  console.log('\nNo Chromium could be found or installed: install Debian\'s `chromium` package (apt-get install chromium) or set CHROMIUM_PATH.');
  totals.failed += 1; failures.push('e2e (no chromium)');
} else {
  console.log(`\nChromium for e2e: ${chromium.source}`);
  rmSync('reports/e2e.json', { force: true });
  const e2eStatus = run('e2e tests', 'npx', ['playwright', 'test']);
  const e2e = readJson('reports/e2e.json');
  if (e2e?.stats) {
    totals.passed += (e2e.stats.expected ?? 0) + (e2e.stats.flaky ?? 0);
    totals.failed += e2e.stats.unexpected ?? 0;
    totals.skipped += e2e.stats.skipped ?? 0;
    if (e2eStatus !== 0 && (e2e.stats.unexpected ?? 0) === 0) { totals.failed += 1; failures.push('e2e (runner error)'); }
    else if (e2eStatus !== 0) failures.push('e2e tests');
  } else {
    totals.failed += 1; failures.push('e2e tests (no report)');
  }
}

if (failures.length) console.log(`\nFailed: ${failures.join('; ')}`);
console.log(`\n${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(totals.failed > 0 || totals.passed === 0 ? 1 : 0);
