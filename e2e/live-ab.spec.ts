// Live changes with an A/B variant (issue 6 items 3 and 4): the lab's world runs in the
// simulation worker, the variant in the measure worker; a live change made in the lab
// must reach the variant at the same simulated instant, so the comparison stays A and B
// both with the change. Checked on what the page shows: the variant's charts carry the
// live-change mark, and losses with the retransmissions behind them appear after it.
import { expect, test, type Page } from '@playwright/test';
import { applyLiveLossRate, labUrl, openLab, playFull, playSlowly, samplesOf, shortScenario } from './charts-support';
import { ViewsPage } from './pages/views-page';

const A = 'charts.hostCpu.offload';
const B = 'charts.hostCpu.offload.B';
const NATIVE = 'charts.hostCpu.native';

/** The annotation marks of the given kinds on one chart (charts draw only when in view: scrolled there first). */
const marks = (page: Page, chart: string, kinds: string[]) =>
  page.getByTestId(chart).locator(kinds.map((k) => `.chart-annotation[data-kind="${k}"]`).join(', '));

async function countMarks(page: Page, chart: string, kinds: string[]): Promise<number> {
  await page.getByTestId(chart).scrollIntoViewIfNeeded();
  return marks(page, chart, kinds).count();
}

/** The live-change mark's text on one chart (what its tooltip says). */
async function changeText(page: Page, chart: string): Promise<string | null> {
  await page.getByTestId(chart).scrollIntoViewIfNeeded();
  await expect(marks(page, chart, ['live-change'])).toHaveCount(1);
  return marks(page, chart, ['live-change']).locator('title').textContent();
}

const LOSSES = ['loss', 'fast-retransmit', 'rto'];

test('with an A/B variant, a live loss change is marked on the variant\'s charts too and its retransmissions rise after it', async ({ page }) => {
  await openLab(page, labUrl(
    shortScenario(['configurations=native,offload', 'faults.wire.loss.model=independent', 'faults.wire.loss.rate=0'], 300),
    'charts', { label: 'inic.iopClockMHz=1200', overrides: ['inic.iopClockMHz=1200'] },
  ));
  const lab = new ViewsPage(page);
  await expect(page.getByTestId('controls.ab.current')).toContainText('inic.iopClockMHz=1200');

  await playSlowly(page);
  await expect.poll(() => samplesOf(page, A), { timeout: 60_000 }).toBeGreaterThanOrEqual(4);
  await lab.pauseTime.click();
  await lab.settleViews();
  // B caught up with the lab's clock; no losses anywhere yet (the loss rate is 0).
  await expect.poll(async () => (await samplesOf(page, B)) === (await samplesOf(page, A)), { timeout: 30_000 }).toBe(true);
  expect(await countMarks(page, B, LOSSES)).toBe(0);
  expect(await countMarks(page, B, ['live-change'])).toBe(0);

  const took = /took effect at (\d+\.\d{3}) ms/.exec(await applyLiveLossRate(page, '0.02'))![1];
  const atChange = await samplesOf(page, B);

  // Run on (the charts' time axis ends at the last sample, so the mark shows once samples pass it).
  // The pause above came at 10 ms/s, well before the run's end; on at full speed now.
  await playFull(page);
  await expect.poll(() => samplesOf(page, B), { timeout: 60_000 }).toBeGreaterThanOrEqual(atChange + 3);
  // The variant loses frames and retransmits after the change, as the lab does.
  await expect.poll(() => countMarks(page, B, LOSSES), { timeout: 60_000 }).toBeGreaterThan(0);
  await expect.poll(() => countMarks(page, A, LOSSES), { timeout: 60_000 }).toBeGreaterThan(0);
  // On to the end, both runs (the marks then stand still).
  await expect(page.getByTestId('charts.status')).toHaveAttribute('data-status', 'done', { timeout: 60_000 });
  // The lab's charts and the variant's mark the change at the same instant, per configuration.
  expect(await changeText(page, B)).toMatch(/^live change: loss rate 0 % → 2 % at \d+\.\d{3} ms$/);
  expect(await changeText(page, A)).toBe(await changeText(page, B));
  expect(await changeText(page, `${NATIVE}.B`)).toBe(await changeText(page, NATIVE));
  // The lab's clock when it took effect is the earlier of its worlds' instants.
  const instants = [await changeText(page, A), await changeText(page, NATIVE)].map((t) => /at (\d+\.\d{3}) ms$/.exec(t ?? '')![1]);
  expect(instants).toContain(took);
  await expect(page.getByTestId('charts.error')).toHaveCount(0);
  await page.getByTestId(B).scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'reports/screenshots/live-ab.png' });
});

test('a live change the variant refuses is said in the A/B panel, and both runs go on', async ({ page }) => {
  // B's diff switches the loss model, so B has no independent loss rate to change.
  await openLab(page, labUrl(
    shortScenario(['configurations=native,offload', 'faults.wire.loss.model=independent', 'faults.wire.loss.rate=0'], 300),
    'charts', { label: 'faults.wire.loss.model=gilbert-elliott', overrides: ['faults.wire.loss.model=gilbert-elliott'] },
  ));
  const lab = new ViewsPage(page);
  await playSlowly(page);
  await expect.poll(() => samplesOf(page, A), { timeout: 60_000 }).toBeGreaterThanOrEqual(4);
  await lab.pauseTime.click();
  await lab.settleViews();
  await applyLiveLossRate(page, '0.02');
  await expect(page.getByTestId('charts.error')).toHaveText(
    /^The A\/B variant refused the live change of faults\.wire\.loss\.rate at \d+\.\d{3} ms \(.*'independent'.*\); B runs on without it\.$/,
    { timeout: 30_000 },
  );
  await expect(page.getByTestId('charts.status')).not.toHaveAttribute('data-status', 'failed');
  const atRefusal = await samplesOf(page, B);
  await lab.play.click();
  await expect.poll(() => samplesOf(page, B), { timeout: 60_000 }).toBeGreaterThan(atRefusal);
  expect(await countMarks(page, B, ['live-change'])).toBe(0);
});
