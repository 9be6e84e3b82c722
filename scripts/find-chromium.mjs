// Finds a Chromium for Playwright without downloading one (downloads fail on the
// machines this project runs on). Order: $CHROMIUM_PATH; Playwright's own browser
// when it is installed; Debian's chromium binary; the `chromium` wrapper on PATH.
// Returns undefined when Playwright's own browser should be used.
import { existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';

export function playwrightOwnChromium() {
  try {
    // Resolved lazily so this module also loads where playwright is absent.
    const require = (globalThis.process && process.getBuiltinModule)
      ? process.getBuiltinModule('module').createRequire(import.meta.url)
      : null;
    if (!require) return undefined;
    const { chromium } = require('playwright-core');
    const path = chromium.executablePath();
    return path && existsSync(path) ? path : undefined;
  } catch {
    return undefined;
  }
}

export function systemChromium() {
  for (const candidate of ['/usr/lib/chromium/chromium', '/usr/bin/chromium', '/usr/bin/chromium-browser']) {
    if (existsSync(candidate)) return candidate;
  }
  try {
    const found = execFileSync('sh', ['-c', 'command -v chromium || command -v chromium-browser'], { encoding: 'utf8' }).trim();
    return found || undefined;
  } catch {
    return undefined;
  }
}

/** { path, source } where path undefined means "Playwright's own". null when none at all. */
export function findChromium() {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv && existsSync(fromEnv)) return { path: fromEnv, source: 'CHROMIUM_PATH' };
  const own = playwrightOwnChromium();
  if (own) return { path: undefined, source: `Playwright's own browser (${own})` };
  const sys = systemChromium();
  if (sys) return { path: sys, source: `system chromium (${sys})` };
  return null;
}
