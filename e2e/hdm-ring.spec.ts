// The card MAC's transmit ring in the lab: the HDM box of the architecture view
// shows its descriptors free, of the ring's size, as the model reports them
// (MachineCounters.hdmTxFree / hdmTxDescriptors); the ring's size is a scenario
// parameter (inic.txDescriptors) applied by restart. Nothing here depends on how
// fast the machine runs: runs are played to their end or paused and settled
// before any figure is read.
import { expect, test, type Page } from '@playwright/test';
import { labUrl, measureToEnd, playSlowly, shortScenario } from './charts-support';
import { ViewsPage } from './pages/views-page';

/** One offload column (so the HDM box is wide enough to carry its gauge); a 100 Mb/s wire fills a small ring. */
function ringScenario(txDescriptors: number, durationMs: number) {
  return shortScenario(['configurations=offload', 'wire.bandwidthMbps=100', `inic.txDescriptors=${txDescriptors}`], durationMs);
}

async function hdmGauge(page: Page): Promise<string> {
  const lab = new ViewsPage(page);
  await lab.layer('offload', 'hdm').click();
  const gauge = page.getByTestId('diagram.detail.gauge');
  await expect(gauge).toBeVisible();
  return gauge.innerText();
}

test('the HDM box shows its transmit descriptors free, of the ring the scenario sets, at time zero and at the end of a run', async ({ page }) => {
  const lab = new ViewsPage(page);
  await lab.openModel(labUrl(ringScenario(16, 40)));
  // Time zero: an idle card, every descriptor free.
  await expect(page.getByTestId('diagram.offload.layer.hdm.count')).toContainText('tx descriptors free 16');
  await expect.poll(() => hdmGauge(page)).toBe('16 of 16');
  await expect(page.getByTestId('diagram.detail')).toContainText('tx descriptors free');
  // Played to its end: the gauge still counts against the same 16-descriptor ring.
  await measureToEnd(page);
  await lab.settleViews();
  const end = await hdmGauge(page);
  expect(end).toMatch(/^\d+ of 16$/);
  const free = Number(end.split(' ')[0]);
  expect(free).toBeGreaterThanOrEqual(0);
  expect(free).toBeLessThanOrEqual(16);
  await expect(page.getByTestId('diagram.offload.layer.hdm.count')).toContainText(`tx descriptors free ${free}`);
});

test('changing inic.txDescriptors in the controls is a restart: the run goes back to time zero with the new ring', async ({ page }) => {
  const lab = new ViewsPage(page);
  // 400 ms at 10 ms/s takes 40 s of wall time: Pause always comes first, however fast the machine.
  await lab.openModel(labUrl(ringScenario(16, 400)));
  await expect.poll(() => hdmGauge(page)).toBe('16 of 16');
  await playSlowly(page);
  await expect.poll(async () => (await lab.snapshot()).nowNanos, { timeout: 60_000 }).toBeGreaterThan(2_000_000);
  await page.getByTestId('controls.pause').click();
  await lab.settle();
  await page.getByTestId('controls.filter').fill('txDescriptors');
  await expect(page.getByTestId('controls.param.inic.txDescriptors.apply')).toHaveText('restart');
  await expect(page.getByTestId('controls.param.inic.txDescriptors.row')).toContainText('range 8–4096 descriptors');
  const field = page.getByTestId('controls.param.inic.txDescriptors');
  await expect(field).toHaveValue('16');
  await field.fill('64');
  await field.press('Enter');
  await expect.poll(async () => (await lab.snapshot()).nowNanos).toBe(0);
  await expect(page.getByTestId('controls.param.inic.txDescriptors.live')).toHaveCount(0);
  await lab.settle();
  // The new world's HDM was built with the new ring.
  await expect.poll(() => hdmGauge(page)).toBe('64 of 64');
});

test('an out-of-range ring size is explained beside its field and changes nothing', async ({ page }) => {
  const lab = new ViewsPage(page);
  await lab.openModel(labUrl(ringScenario(16, 40)));
  await page.getByTestId('controls.filter').fill('txDescriptors');
  const field = page.getByTestId('controls.param.inic.txDescriptors');
  await field.fill('4');
  await field.press('Enter');
  await expect(page.getByTestId('controls.param.inic.txDescriptors.error')).toHaveText('inic.txDescriptors must be ≥ 8 descriptors. The scenario is unchanged.');
  await expect.poll(() => hdmGauge(page)).toBe('16 of 16');
});
