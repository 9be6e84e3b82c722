// The app shell: the frame, a live round trip to the kernel in a Web Worker, the run
// bar with its shortcuts, failure and recovery, and a screenshot a person looks at.
import { mkdirSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { LabPage, parseShownNanos } from './pages/lab-page';
import { watchProblems } from './support/console';

test('the shell opens with its name, what the lab is, a run bar and the paused demo world', async ({ page }) => {
  const lab = new LabPage(page);
  await lab.open();
  await expect(lab.title).toHaveText('Offload Lab');
  await expect(lab.tagline).toContainText('intelligent NIC');
  await expect(page.getByRole('button', { name: /^▶?\s*Run/ })).toBeEnabled();
  await expect(lab.pause).toBeDisabled();
  await expect(lab.livePanel).toContainText('Kernel demo workload');
  await expect(lab.events).toHaveText('0');
  await expect(lab.simTime).toHaveText('0 ns');
  await expect(lab.liveSeed).toHaveText('seed 1');
  await expect(page.getByRole('heading', { name: /cpu0/ })).toBeVisible();
});

test('run makes the worker\'s events and simulated time grow; pause stops them', async ({ page }) => {
  const lab = new LabPage(page);
  await lab.open();
  await lab.run.click();
  await expect(lab.status).toHaveText('Running');
  await expect.poll(() => lab.shownEvents()).toBeGreaterThan(0);
  const e1 = await lab.shownEvents();
  const t1 = parseShownNanos(await lab.simTime.innerText());
  await expect.poll(() => lab.shownEvents()).toBeGreaterThan(e1);
  await expect.poll(async () => parseShownNanos(await lab.simTime.innerText())).toBeGreaterThan(t1);
  await expect(lab.rate).toHaveText(/^\d[\d.]*( [kMGT])?$/);
  await expect(lab.livePanel).toContainText('events/s');

  await lab.pause.click();
  await lab.waitPaused();
  const frozen = await lab.settle();
  await page.waitForTimeout(600);
  const later = await lab.snapshot();
  expect(later.eventsProcessed).toBe(frozen.eventsProcessed);
  expect(later.nowNanos).toBe(frozen.nowNanos);
  expect(await lab.shownEvents()).toBe(frozen.eventsProcessed);
  await expect(lab.rate).toHaveText('paused');
});

test('step runs exactly one event and lands on the time that event was due', async ({ page }) => {
  const lab = new LabPage(page);
  await lab.open();
  const s0 = await lab.settle();
  expect(s0.nextEventNanos).not.toBeNull();
  await lab.step.click();
  await expect.poll(async () => (await lab.snapshot()).eventsProcessed).toBe(s0.eventsProcessed + 1);
  const s1 = await lab.settle();
  expect(s1.nowNanos).toBe(s0.nextEventNanos);
  await expect(lab.events).toHaveText(String(s0.eventsProcessed + 1));

  // Five more through the keyboard shortcut (→), then exactly five more events.
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowRight');
  await expect.poll(async () => (await lab.settle()).eventsProcessed).toBe(s1.eventsProcessed + 5);
});

test('the keyboard shortcuts run, pause and reset: Space, Space, R', async ({ page }) => {
  const lab = new LabPage(page);
  await lab.open();
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press(' ');
  await expect(lab.status).toHaveText('Running');
  await expect.poll(() => lab.shownEvents()).toBeGreaterThan(0);
  await page.keyboard.press(' ');
  await lab.waitPaused();
  await page.keyboard.press('r');
  await expect(lab.events).toHaveText('0');
  await expect(lab.simTime).toHaveText('0 ns');
  // Space on a focused run-bar button toggles the run too, and does not also click it.
  await lab.step.focus();
  await page.keyboard.press(' ');
  await expect(lab.status).toHaveText('Running');
  await page.keyboard.press(' ');
  await lab.waitPaused();
});

test('a new seed restarts the world with it; a bad seed is explained and changes nothing', async ({ page }) => {
  const lab = new LabPage(page);
  await lab.open();
  await lab.seed.fill('twelve');
  await lab.seed.press('Enter');
  await expect(lab.seedError).toContainText('whole number');
  await expect(lab.liveSeed).toHaveText('seed 1');

  await lab.seed.fill('12345');
  await lab.seed.press('Enter');
  await expect(lab.liveSeed).toHaveText('seed 12345');
  await expect(lab.seedError).toHaveCount(0);
  await lab.waitPaused();
  await expect(lab.events).toHaveText('0');
  expect((await lab.snapshot()).seed).toBe(12345);
});

test('a worker crash shows what happened, and Restart recovers a running lab', async ({ page }) => {
  const lab = new LabPage(page);
  await lab.open();
  await lab.run.click();
  await expect.poll(() => lab.shownEvents()).toBeGreaterThan(0);
  await lab.crashWorker('uncaught');
  await expect(lab.errorBanner).toBeVisible();
  await expect(lab.errorBanner).toContainText('exception escaped the simulation worker');
  await expect(lab.errorBanner).toContainText('test hook');
  await expect(lab.status).toHaveText('Failed');
  await expect(lab.run).toBeDisabled();
  await expect(lab.livePanel).toContainText('cpu0'); // the last figures stay on screen
  mkdirSync('reports/screenshots', { recursive: true });
  await page.screenshot({ path: 'reports/screenshots/shell-failed.png' });

  await lab.errorRestart.click();
  await expect(lab.errorBanner).toHaveCount(0);
  await lab.waitPaused();
  await expect(lab.events).toHaveText('0');
  await lab.run.click();
  await expect.poll(() => lab.shownEvents()).toBeGreaterThan(0);

  // A failure reported from inside the worker (not an escaped exception) shows too.
  await lab.crashWorker('throw');
  await expect(lab.errorBanner).toContainText('crashed on purpose');
  await lab.errorRestart.click();
  await lab.waitPaused();
});

test('normal use logs no console errors, page errors or failed requests', async ({ page }) => {
  const problems = watchProblems(page);
  const lab = new LabPage(page);
  await lab.open();
  await lab.run.click();
  await expect.poll(() => lab.shownEvents()).toBeGreaterThan(1000);
  await lab.pause.click();
  await lab.step.click();
  await lab.reset.click();
  await lab.seed.fill('7');
  await lab.seed.press('Enter');
  await lab.waitPaused();
  await lab.themeToggle.click();
  await lab.themeToggle.click();
  await lab.run.click();
  await page.waitForTimeout(300);
  await lab.pause.click();
  await lab.settle();
  expect(problems).toEqual({ consoleErrors: [], pageErrors: [], failedRequests: [] });
});

test('the theme toggle cycles system, light and dark and says which is in force', async ({ page }) => {
  const lab = new LabPage(page);
  await lab.open();
  const html = page.locator('html');
  await expect(lab.themeToggle).toHaveText(/System/);
  await lab.themeToggle.click();
  await expect(html).toHaveAttribute('data-theme', 'light');
  await lab.themeToggle.click();
  await expect(html).toHaveAttribute('data-theme', 'dark');
  await expect(lab.themeToggle).toHaveAccessibleName(/Dark/);
  await lab.themeToggle.click();
  await expect(html).not.toHaveAttribute('data-theme', /.*/);
});

test('screenshots of the running shell, light and dark, are saved for review', async ({ page }) => {
  mkdirSync('reports/screenshots', { recursive: true });
  const lab = new LabPage(page);
  await lab.open();
  await lab.run.click();
  await expect.poll(() => lab.shownEvents()).toBeGreaterThan(100_000);
  await page.waitForTimeout(1200);
  await lab.page.mouse.move(0, 0);
  await page.screenshot({ path: 'reports/screenshots/shell.png', fullPage: true });
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.waitForTimeout(300);
  await page.screenshot({ path: 'reports/screenshots/shell-dark.png', fullPage: true });
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.waitForTimeout(300);
  await page.screenshot({ path: 'reports/screenshots/shell-1920.png', fullPage: true });
  await lab.pause.click();
});
