// The views (issue 5): tokens through the layers of each configuration, counters that
// grow, exact step back, and a screenshot of each view for a person to look at.
import { mkdirSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { ViewsPage } from './pages/views-page';
import { watchProblems } from './support/console';

const SHOTS = 'reports/screenshots';

test('a preset sends tokens through osm and i2o in the offload column and through inet in the native one; counters grow', async ({ page }) => {
  const lab = new ViewsPage(page);
  await lab.openModel();
  const s0 = await lab.state();
  expect(s0.configurations).toEqual(expect.arrayContaining(['native', 'offload']));
  await lab.runFor(1500);
  const offload = await lab.tokensPassed('offload');
  const native = await lab.tokensPassed('native');
  expect(offload.osm).toBeGreaterThan(0);
  expect(offload.i2o).toBeGreaterThan(0);
  expect(native.inet).toBeGreaterThan(0);
  // Host-card traffic crosses the bus in both columns: I2O frames and DMA on offload;
  // DMA, doorbells and interrupts on native.
  for (const c of ['native', 'offload']) expect(Number(await lab.layer(c, 'pci').getAttribute('data-crossings'))).toBeGreaterThan(0);
  const before = Number(await lab.layer('offload', 'osm').getAttribute('data-crossings'));
  await lab.runFor(800);
  const after = Number(await lab.layer('offload', 'osm').getAttribute('data-crossings'));
  expect(after).toBeGreaterThan(before);
  await expect(lab.layer('offload', 'osm')).toBeVisible();
  await expect(lab.layer('offload', 'i2o')).toBeVisible();
  await expect(lab.layer('native', 'inet')).toBeVisible();
  await lab.layer('offload', 'osm').click();
  await expect(page.getByTestId('diagram.detail')).toContainText('Operating System Module');
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: `${SHOTS}/views-architecture.png` });
  await lab.tab('sequence').click();
  await expect(page.getByTestId('sequence')).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/views-sequence.png` });
  await lab.tab('inspector').click();
  await expect(page.getByTestId('inspector.row').first()).toBeVisible();
  await page.getByTestId('inspector.row').first().click();
  await page.screenshot({ path: `${SHOTS}/views-inspector.png` });
});

test('stepping forward several times then back as many shows exactly the same state', async ({ page }) => {
  const lab = new ViewsPage(page);
  await lab.openModel();
  await lab.runFor(600);
  await lab.stepPacket.click();
  const before = await lab.settleViews();
  const tokensBefore = await lab.tokensPassed('offload');
  const marksBefore = await lab.marksShown();
  const textBefore = await lab.diagram.innerText();
  const steps = [lab.stepEvent, lab.stepCrossing, lab.stepPacket, lab.stepCrossing, lab.stepEvent];
  for (const s of steps) {
    await s.click();
    await lab.settleViews();
  }
  const moved = await lab.state();
  expect(moved.worlds.map((w) => w.events)).not.toEqual(before.worlds.map((w) => w.events));
  for (let i = 0; i < steps.length; i++) {
    await lab.back.click();
    await lab.settleViews();
  }
  const back = await lab.settleViews();
  expect(back).toEqual(before);
  expect(await lab.tokensPassed('offload')).toEqual(tokensBefore);
  expect(await lab.marksShown()).toEqual(marksBefore);
  expect(await lab.diagram.innerText()).toBe(textBefore);
});

test('a worker crash shows what happened and Restart brings the model back', async ({ page }) => {
  const lab = new ViewsPage(page);
  await lab.openModel();
  await lab.crashWorker('uncaught');
  await expect(lab.errorBanner).toBeVisible();
  await expect(lab.errorBanner).toContainText(/crash/i);
  await lab.errorRestart.click();
  await lab.waitPaused();
  await expect(lab.diagram).toBeVisible();
  const s = await lab.state();
  expect(s.configurations).toContain('offload');
  await lab.stepPacket.click();
  const after = await lab.settleViews();
  expect(after.worlds.reduce((n, w) => n + w.events, 0)).toBeGreaterThan(0);
});

test('an arrow picked in the sequence view selects its journey in every view; stateless joins on request', async ({ page }) => {
  const problems = watchProblems(page);
  const lab = new ViewsPage(page);
  await lab.openModel();
  await lab.runFor(500);
  await lab.tab('sequence').click();
  const arrow = page.locator('[data-testid="sequence.offload"] [data-testid="sequence.item"]').last();
  await arrow.click({ force: true });
  await expect(page.getByTestId('journey.step').first()).toBeVisible();
  const steps = await page.getByTestId('journey.step').count();
  await lab.tab('architecture').click();
  await expect(page.getByTestId('journey.step')).toHaveCount(steps);
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: `${SHOTS}/views-architecture-journey.png` });
  await page.getByTestId('time.stateless').check();
  await lab.start.click();
  await lab.waitPaused();
  await expect(lab.layer('stateless', 'netdev')).toBeVisible();
  await lab.runFor(500);
  expect((await lab.tokensPassed('stateless')).tcp).toBeGreaterThan(0);
  await page.screenshot({ path: `${SHOTS}/views-architecture-stateless.png` });
  // The architecture view, re-rendered while its tab was hidden (0 px wide), laid out no
  // boxes of negative width (the browser logs those as SVG attribute errors).
  expect(problems.consoleErrors).toEqual([]);
});

test('slow motion: at 1 µs of simulated time per second, a second of play moves the clock about a microsecond', async ({ page }) => {
  const lab = new ViewsPage(page);
  await lab.openModel();
  await page.getByTestId('time.speed').selectOption({ label: '1 µs/s' });
  const t0 = (await lab.state()).nowNanos;
  await lab.play.click();
  await page.waitForTimeout(1500);
  await lab.pauseTime.click();
  const t1 = (await lab.settleViews()).nowNanos;
  expect(t1).toBeGreaterThan(t0);
  // 1.5 s of wall time at 1000 ns/s, with slack for frames and the pause round trip.
  expect(t1 - t0).toBeLessThan(3_000);
  await page.getByTestId('time.speed').selectOption({ label: 'full speed' });
});
