// Rewinding with an A/B variant (issue 5 item 3): the lab's world runs in the
// simulation worker, the variant in the measure worker; Back and the scrubber must
// move both to the same simulated instant, the variant's charts included.
import { expect, test, type Page } from '@playwright/test';
import { labUrl, openLab, playSlowly, samplesOf, shortScenario } from './charts-support';
import { ViewsPage } from './pages/views-page';

const A = 'charts.hostCpu.offload';
const B = 'charts.hostCpu.offload.B';

/** Moves the run bar's scrubber to `nanos` as a person dragging it would (an input event on the range). */
async function scrubTo(page: Page, nanos: number): Promise<void> {
  await page.getByTestId('time.scrubber').evaluate((el, v) => {
    const input = el as HTMLInputElement;
    Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(input, String(v));
    input.dispatchEvent(new Event('input', { bubbles: true }));
  }, nanos);
}

/** Both charts show the same samples (the variant caught up with the lab's clock, or went back to it). */
async function sameInstant(page: Page): Promise<number> {
  await expect.poll(async () => (await samplesOf(page, B)) === (await samplesOf(page, A)), { timeout: 30_000 }).toBe(true);
  return samplesOf(page, A);
}

async function playUntil(lab: ViewsPage, page: Page, samples: number): Promise<void> {
  await playSlowly(page);
  await expect.poll(() => samplesOf(page, A), { timeout: 60_000 }).toBeGreaterThanOrEqual(samples);
  await lab.pauseTime.click();
  await lab.settleViews();
}

test('with an A/B variant, Back and the scrubber move the lab and the variant\'s charts to the same instant', async ({ page }) => {
  // A long run, so that it is still running when the test pauses it (a fast machine
  // finished a 60 ms run before the pause button could be pressed).
  await openLab(page, labUrl(shortScenario(['configurations=native,offload'], 1000), 'charts', { label: 'inic.iopClockMHz=1200', overrides: ['inic.iopClockMHz=1200'] }));
  const lab = new ViewsPage(page);
  await expect(page.getByTestId('controls.ab.current')).toContainText('inic.iopClockMHz=1200');

  await playUntil(lab, page, 4);
  const first = await sameInstant(page);
  const firstNow = (await lab.state()).nowNanos;
  await playUntil(lab, page, first + 4);
  const second = await sameInstant(page);
  expect(second).toBeGreaterThan(first);

  // Back: to where the second play started, the variant with it.
  await lab.back.click();
  await lab.settleViews();
  expect((await lab.state()).nowNanos).toBe(firstNow);
  await expect.poll(() => samplesOf(page, A)).toBe(first);
  expect(await sameInstant(page)).toBe(first);

  // The scrubber: back to about half that instant, the variant with it.
  await scrubTo(page, Math.round(firstNow / 2));
  await lab.settleViews();
  const half = (await lab.state()).nowNanos;
  expect(half).toBeLessThan(firstNow);
  expect(half).toBeGreaterThan(0);
  const atHalf = await sameInstant(page);
  expect(atHalf).toBeLessThan(first);

  // And forward again with the scrubber: both follow.
  await scrubTo(page, firstNow);
  await lab.settleViews();
  expect(await sameInstant(page)).toBeGreaterThan(atHalf);
  await page.getByTestId(B).scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'reports/screenshots/rewind-ab.png' });
});
