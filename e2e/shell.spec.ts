// The app shell: the frame, the one run bar driving the network model in a Web Worker
// (play, pause, step, back, reset with their shortcuts), the scenario's one seed,
// failure and recovery, and screenshots a person looks at.
import { mkdirSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { LabPage } from './pages/lab-page';
import { longRunUrl } from './pages/long-run';
import { labUrl, shortScenario } from './charts-support';
import { watchProblems } from './support/console';

test('the page opens with its name, what the lab is, one run bar and the network model paused at time zero', async ({ page }) => {
  const lab = new LabPage(page);
  await lab.open();
  await expect(lab.title).toHaveText('Offload Lab');
  await expect(lab.tagline).toContainText('intelligent NIC');
  await expect(page.getByRole('region', { name: 'Run controls' })).toHaveCount(1);
  await expect(lab.run).toBeEnabled();
  await expect(lab.run).toContainText('Space');
  await expect(lab.simTime).toHaveText('0 ns');
  await expect(lab.liveSeed).toHaveText('seed 1');
  await expect(page.getByTestId('time')).toHaveCount(0); // no second bar
  await expect(page.getByText('Kernel demo workload')).toHaveCount(0);
  await expect(page.getByTestId('diagram.offload.layer.osm')).toBeVisible();
  expect((await lab.snapshot()).seed).toBe(1);
});

test('play makes the model\'s clock grow; pause stops it', async ({ page }) => {
  const lab = new LabPage(page);
  await lab.open(longRunUrl());
  await lab.run.click();
  await expect(lab.status).toHaveText('Running');
  await expect.poll(() => lab.events()).toBeGreaterThan(0);
  const t1 = await lab.shownNanos();
  await expect.poll(() => lab.shownNanos()).toBeGreaterThan(t1);
  await lab.pause.click();
  await lab.waitPaused();
  const frozen = await lab.settle();
  await page.waitForTimeout(600);
  const later = await lab.snapshot();
  expect(later.eventsProcessed).toBe(frozen.eventsProcessed);
  expect(later.nowNanos).toBe(frozen.nowNanos);
});

test('step runs exactly one event; → steps, ← goes back exactly', async ({ page }) => {
  const lab = new LabPage(page);
  await lab.open(longRunUrl());
  const s0 = await lab.settle();
  await lab.step.click();
  await expect.poll(async () => (await lab.snapshot()).eventsProcessed).toBe(s0.eventsProcessed + 1);
  const s1 = await lab.settle();
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  for (let i = 1; i <= 3; i++) {
    await page.keyboard.press('ArrowRight');
    await expect.poll(async () => (await lab.settle()).eventsProcessed).toBe(s1.eventsProcessed + i);
  }
  for (let i = 2; i >= 0; i--) {
    await page.keyboard.press('ArrowLeft');
    await expect.poll(async () => (await lab.settle()).eventsProcessed).toBe(s1.eventsProcessed + i);
  }
});

test('the keyboard shortcuts play, pause and reset: Space, Space, R', async ({ page }) => {
  const lab = new LabPage(page);
  await lab.open(longRunUrl());
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press(' ');
  await expect(lab.status).toHaveText('Running');
  await expect.poll(() => lab.events()).toBeGreaterThan(0);
  await page.keyboard.press(' ');
  await lab.waitPaused();
  await page.keyboard.press('r');
  await expect(lab.simTime).toHaveText('0 ns');
  await expect.poll(() => lab.events()).toBe(0);
  // Space on a focused run-bar button toggles the run too, and does not also click it.
  await lab.step.focus();
  await page.keyboard.press(' ');
  await expect(lab.status).toHaveText('Running');
  await page.keyboard.press(' ');
  await lab.waitPaused();
});

test('the scenario\'s seed is the one seed: changing it in the controls rebuilds the model with it', async ({ page }) => {
  const lab = new LabPage(page);
  await lab.open(longRunUrl());
  await page.getByTestId('controls.param.seed').fill('12345');
  await page.getByTestId('controls.param.seed').press('Enter');
  await expect(lab.liveSeed).toHaveText('seed 12345');
  await expect.poll(async () => (await lab.snapshot()).seed).toBe(12345);
  await lab.waitPaused();
  await expect(lab.simTime).toHaveText('0 ns');
  await page.getByTestId('controls.param.seed').fill('twelve');
  await page.getByTestId('controls.param.seed').press('Enter');
  await expect(page.getByTestId('controls.param.seed.error')).toBeVisible();
  expect((await lab.snapshot()).seed).toBe(12345);
});

test('a worker crash shows what happened, and Restart recovers the model', async ({ page }) => {
  const lab = new LabPage(page);
  await lab.open(longRunUrl());
  await lab.run.click();
  await expect.poll(() => lab.events()).toBeGreaterThan(0);
  await lab.crashWorker('uncaught');
  await expect(lab.errorBanner).toBeVisible();
  await expect(lab.errorBanner).toContainText('exception escaped the simulation worker');
  await expect(lab.status).toHaveText('Failed');
  await expect(lab.run).toBeDisabled();
  mkdirSync('reports/screenshots', { recursive: true });
  await page.screenshot({ path: 'reports/screenshots/shell-failed.png' });
  await lab.errorRestart.click();
  await expect(lab.errorBanner).toHaveCount(0);
  await lab.waitPaused();
  await lab.run.click();
  await expect.poll(() => lab.events()).toBeGreaterThan(0);
  await lab.crashWorker('throw');
  await expect(lab.errorBanner).toContainText('crashed on purpose');
  await lab.errorRestart.click();
  await lab.waitPaused();
});

test('normal use logs no console errors, page errors or failed requests', async ({ page }) => {
  const problems = watchProblems(page);
  const lab = new LabPage(page);
  await lab.open(longRunUrl());
  await lab.run.click();
  await expect.poll(() => lab.events()).toBeGreaterThan(1000);
  await lab.pause.click();
  await lab.step.click();
  await lab.reset.click();
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
  await lab.open(longRunUrl());
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

test('each scheme has one set of colours: the system\'s preference applies until the toggle picks one', async ({ page }) => {
  const LIGHT_BG = 'rgb(244, 246, 249)';
  const DARK_BG = 'rgb(15, 20, 27)';
  await page.emulateMedia({ colorScheme: 'dark' });
  const lab = new LabPage(page);
  await lab.open(longRunUrl());
  const bg = () => page.evaluate('getComputedStyle(document.body).backgroundColor');
  await expect(lab.themeToggle).toHaveText(/System/);
  await expect.poll(bg).toBe(DARK_BG);
  await lab.themeToggle.click();
  await expect.poll(bg).toBe(LIGHT_BG);
  await lab.themeToggle.click();
  await expect.poll(bg).toBe(DARK_BG);
  await lab.themeToggle.click();
  await expect.poll(bg).toBe(DARK_BG);
  await page.emulateMedia({ colorScheme: 'light' });
  await expect.poll(bg).toBe(LIGHT_BG);
});

test('screenshots of the page at 1280×720 and 1920×1080 are saved for review', async ({ page }) => {
  test.setTimeout(240_000);
  mkdirSync('reports/screenshots', { recursive: true });
  await page.setViewportSize({ width: 1280, height: 720 });
  const lab = new LabPage(page);
  await lab.open();
  await page.screenshot({ path: 'reports/screenshots/page-1280-open.png' });
  // A short run of the same preset (link), measured to its end, so the headline has its answer.
  await page.goto('about:blank');
  await lab.open(labUrl(shortScenario(['configurations=native,offload'], 30)));
  await lab.run.click();
  await expect(page.getByTestId('charts.status')).toHaveAttribute('data-status', 'done', { timeout: 150_000 });
  await page.mouse.move(0, 0);
  await page.screenshot({ path: 'reports/screenshots/page-1280.png' });
  await page.screenshot({ path: 'reports/screenshots/page-1280-full.png', fullPage: true });
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.waitForTimeout(500);
  await page.screenshot({ path: 'reports/screenshots/page-1920.png' });
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.waitForTimeout(300);
  await page.screenshot({ path: 'reports/screenshots/page-1920-dark.png' });
});
