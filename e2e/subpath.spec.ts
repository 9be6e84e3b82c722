// The built site works when served from a sub-path of its host (vite base './'): the
// page, its assets and the worker all load relative to where the page is, and the
// worker's figures move. dist/ is what Playwright's webServer just built.
import { existsSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { LabPage } from './pages/lab-page';
import { startStaticServer, type StaticServer } from './support/static-server.mjs';
import { watchProblems } from './support/console';

const PREFIX = '/some/sub/path/';
// The build folder playwright.config.ts uses for this run (E2E_PORT picks another).
const DIST = (process.env.E2E_PORT ?? '4173') === '4173' ? 'dist' : `dist-e2e-${process.env.E2E_PORT}`;
let server: StaticServer;

test.beforeAll(async () => {
  if (!existsSync(`${DIST}/index.html`)) throw new Error(`${DIST}/ is missing: the webServer build should have made it`);
  server = await startStaticServer({ root: DIST, prefix: PREFIX });
});

test.afterAll(async () => {
  await server?.close();
});

test('served under /some/sub/path/, the shell loads, its worker starts and the figures move', async ({ page }) => {
  const problems = watchProblems(page);
  const lab = new LabPage(page);
  await lab.open(server.url);
  await expect(lab.title).toHaveText('Offload Lab');
  await lab.run.click();
  await expect.poll(() => lab.shownNanos()).toBeGreaterThan(0);
  const first = await lab.shownNanos();
  await expect.poll(() => lab.shownNanos()).toBeGreaterThan(first);
  await lab.pause.click();
  await lab.settle();

  const outside = server.requests.filter((r) => !r.path.startsWith(PREFIX) || r.status !== 200);
  expect(outside).toEqual([]);
  expect(server.requests.some((r) => /sim\.worker.*\.js$/.test(r.path))).toBe(true);
  expect(problems).toEqual({ consoleErrors: [], pageErrors: [], failedRequests: [] });
});
