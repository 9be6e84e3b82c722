// The scenario controls: grouped by layer with unit, range and the source of each
// default; a badge for live or restart; a live change applied while the model runs
// (the clock goes on) and a restart change restarting it; an out-of-range value
// explained beside its field with the scenario left intact; after Back, the values in
// force at the shown instant, with the changes ahead marked.
import { expect, test, type Page } from '@playwright/test';
import { decodeLink } from '../src/ui/share/link-codec';
import { applyLiveLossRate, headlineRow, labUrl, measureToEnd, openLab, playSlowly, shortScenario } from './charts-support';
import type { LabSnapshot } from '../src/ui/runtime/test-api';
import { formatNanos } from '../src/sim/units';
import { ViewsPage } from './pages/views-page';

const snapshot = (page: Page): Promise<LabSnapshot> => page.evaluate(() => {
  const api = window.__offloadLab;
  if (!api) throw new Error('window.__offloadLab is missing');
  return api.snapshot();
});

test('every parameter shows its unit, range, apply mode and, on demand, the source of its default', async ({ page }) => {
  await openLab(page, labUrl(shortScenario()));
  const row = page.getByTestId('controls.param.inic.iopClockMHz.row');
  await expect(row).toContainText('MHz');
  await expect(row).toContainText('range 10–10000 MHz');
  await expect(page.getByTestId('controls.param.inic.iopClockMHz.apply')).toHaveText('restart');
  await page.getByTestId('controls.filter').fill('delayUs');
  // The model changes the wire delay while it runs.
  await expect(page.getByTestId('controls.param.wire.delayUs.apply')).toHaveText('live');
  await expect(page.getByTestId('controls.param.wire.delayUs.apply')).toHaveAttribute('data-model-live', 'true');
  await page.getByTestId('controls.filter').fill('');
  await page.getByTestId('controls.param.inic.iopClockMHz.sourceToggle').click();
  await expect(page.getByTestId('controls.param.inic.iopClockMHz.source')).toContainText('IOP321');
  for (const g of ['run', 'workload', 'tcp', 'server', 'nic', 'inic', 'bus', 'wire', 'costs']) {
    await expect(page.getByTestId(`controls.group.${g}`)).toBeAttached();
  }
  await expect(page.getByTestId('controls.param.nic.tso')).toBeAttached();
  await page.getByTestId('controls.panel').screenshot({ path: 'reports/screenshots/controls.png' });
});

test('an out-of-range value shows a clear message beside the field and leaves the scenario intact', async ({ page }) => {
  await openLab(page, labUrl(shortScenario()));
  await page.getByTestId('share.copyLink').click();
  const before = await page.getByTestId('share.link').inputValue();
  const field = page.getByTestId('controls.param.inic.iopClockMHz');
  await field.fill('99999');
  await field.press('Enter');
  const error = page.getByTestId('controls.param.inic.iopClockMHz.error');
  await expect(error).toHaveText('inic.iopClockMHz must be ≤ 10000 MHz. The scenario is unchanged.');
  await expect(field).toHaveAttribute('aria-invalid', 'true');
  await page.getByTestId('share.copyLink').click();
  expect(await page.getByTestId('share.link').inputValue()).toBe(before);
  await page.getByTestId('controls.param.inic.iopClockMHz.row').screenshot({ path: 'reports/screenshots/controls-out-of-range.png' });
  await field.fill('1200');
  await field.press('Enter');
  await expect(error).toHaveCount(0);
  await expect(page.getByTestId('controls.preset')).toHaveValue('');
});

test('a preset replaces the scenario and a switch applies at once', async ({ page }) => {
  await openLab(page, labUrl(shortScenario()));
  await page.getByTestId('controls.preset').selectOption('modern-25g');
  await expect(page.getByTestId('controls.param.wire.bandwidthMbps')).toHaveValue('25000');
  await expect(page.getByTestId('controls.presetAbout')).toContainText('25 GbE');
  await page.getByTestId('controls.filter').fill('nic.tso');
  await page.getByTestId('controls.param.nic.tso').uncheck();
  await expect(page.getByTestId('controls.param.nic.tso')).not.toBeChecked();
  await expect(page.getByTestId('controls.preset')).toHaveValue('');
});

test('a live parameter changed during a run applies live: the clock goes on, the field says when', async ({ page }) => {
  await openLab(page, labUrl(shortScenario(['faults.wire.loss.model=independent', 'faults.wire.loss.rate=0'], 400)));
  await page.getByTestId('controls.filter').fill('loss.rate');
  await expect(page.getByTestId('controls.param.faults.wire.loss.rate.apply')).toHaveText('live');
  await playSlowly(page);
  await expect.poll(async () => (await snapshot(page)).nowNanos, { timeout: 60_000 }).toBeGreaterThan(2_000_000);
  await page.getByTestId('controls.pause').click();
  await expect.poll(async () => (await snapshot(page)).settled).toBe(true);
  const before = await snapshot(page);
  const field = page.getByTestId('controls.param.faults.wire.loss.rate');
  await field.fill('0.01');
  await field.press('Enter');
  const note = page.getByTestId('controls.param.faults.wire.loss.rate.live');
  await expect(note).toHaveText(/^live: took effect at \d+\.\d{3} ms$/);
  const after = await snapshot(page);
  // Not restarted: the model stands where it stood (a restart would be back at zero).
  expect(after.nowNanos).toBe(before.nowNanos);
  expect(after.eventsProcessed).toBe(before.eventsProcessed);
  await expect(field).toHaveValue('0.01');
  // The link carries the change, at its position.
  const hash = await page.evaluate(() => window.location.hash);
  const link = decodeLink(hash);
  expect(link?.ok && link.state.liveChanges?.map((c) => [c.path, c.value])).toEqual([['faults.wire.loss.rate', 0.01]]);
  await page.getByTestId('controls.run').click();
  await expect.poll(async () => (await snapshot(page)).nowNanos, { timeout: 60_000 }).toBeGreaterThan(before.nowNanos);
  await page.getByTestId('controls.param.faults.wire.loss.rate.row').screenshot({ path: 'reports/screenshots/controls-live.png' });
});

test('a restart parameter changed during a run restarts it from time zero', async ({ page }) => {
  await openLab(page, labUrl(shortScenario([], 400)));
  await playSlowly(page);
  await expect.poll(async () => (await snapshot(page)).nowNanos, { timeout: 60_000 }).toBeGreaterThan(2_000_000);
  await page.getByTestId('controls.pause').click();
  await page.getByTestId('controls.filter').fill('iopClockMHz');
  await expect(page.getByTestId('controls.param.inic.iopClockMHz.apply')).toHaveText('restart');
  const field = page.getByTestId('controls.param.inic.iopClockMHz');
  await field.fill('1200');
  await field.press('Enter');
  await expect.poll(async () => (await snapshot(page)).nowNanos).toBe(0);
  await expect(page.getByTestId('controls.param.inic.iopClockMHz.live')).toHaveCount(0);
});

test('a link copied after a live change replays it: a new page reaches the same figures', async ({ page, context }) => {
  await openLab(page, labUrl(shortScenario(['faults.wire.loss.model=independent', 'faults.wire.loss.rate=0'], 200)));
  await playSlowly(page);
  await expect.poll(async () => (await snapshot(page)).nowNanos, { timeout: 60_000 }).toBeGreaterThan(15_000_000);
  await page.getByTestId('controls.pause').click();
  await expect.poll(async () => (await snapshot(page)).settled).toBe(true);
  await applyLiveLossRate(page, '0.02');
  await measureToEnd(page);
  await page.getByTestId('share.copyLink').click();
  const link = await page.getByTestId('share.link').inputValue();
  const first = await Promise.all(['native', 'offload'].map((r) => headlineRow(page, r)));

  const other = await context.newPage();
  await other.goto(link);
  await expect(other.getByTestId('share.notice')).toContainText('1 live change');
  await expect(other.getByTestId('controls.status')).toHaveText('Paused');
  await measureToEnd(other);
  const second = await Promise.all(['native', 'offload'].map((r) => headlineRow(other, r)));
  expect(second).toEqual(first);
});

test('after Back to before a live change the field shows the value in force there and when it changes; forward again shows the new one', async ({ page }) => {
  await openLab(page, labUrl(shortScenario(['configurations=native,offload', 'faults.wire.loss.model=independent', 'faults.wire.loss.rate=0'], 400)));
  const lab = new ViewsPage(page);
  await page.getByTestId('controls.filter').fill('loss.rate');
  const field = page.getByTestId('controls.param.faults.wire.loss.rate');
  const later = page.getByTestId('controls.param.faults.wire.loss.rate.later');
  const drops = page.getByTestId('controls.param.faults.wire.loss.rate.drops');
  await playSlowly(page);
  await expect.poll(async () => (await lab.snapshot()).nowNanos, { timeout: 60_000 }).toBeGreaterThan(2_000_000);
  await lab.pauseTime.click();
  const changedAt = await lab.settle();
  await field.fill('0.02');
  await field.press('Enter');
  await expect(page.getByTestId('controls.param.faults.wire.loss.rate.live')).toHaveText(/took effect/);
  await lab.play.click();
  await expect.poll(async () => (await lab.snapshot()).nowNanos, { timeout: 60_000 }).toBeGreaterThan(changedAt.nowNanos + 1_000_000);
  await lab.pauseTime.click();
  await lab.settle();

  // Back to where this play started (the change's own instant: it is in force there).
  await lab.back.click();
  expect((await lab.settle()).nowNanos).toBe(changedAt.nowNanos);
  await expect(field).toHaveValue('0.02');
  await expect(later).toHaveCount(0);
  // Back again, to time zero: before the change.
  await lab.back.click();
  expect((await lab.settle()).nowNanos).toBe(0);
  await expect(field).toHaveValue('0');
  await expect(later).toHaveText(`changes to 2 % at ${formatNanos(changedAt.nowNanos)}`);
  // What a live edit here would drop is said once, in the banner, and on the row only
  // while its field is being edited; never repeated on every live row.
  await expect(page.getByTestId('controls.rewound')).toContainText('Rewound before 1 live change');
  await expect(page.getByTestId('controls.rewound')).toContainText('applying here drops 1 later change');
  await page.getByTestId('controls.filter').fill('');
  await expect(page.locator('.param-drops')).toHaveCount(0);
  await page.getByTestId('controls.filter').fill('loss.rate');
  await field.focus();
  await expect(drops).toHaveText('applying here drops 1 later change');
  await expect(page.locator('.param-drops')).toHaveCount(1);
  await page.getByTestId('controls.param.faults.wire.loss.rate.row').screenshot({ path: 'reports/screenshots/controls-rewound.png' });

  // The scrubber halfway to the change: still before it.
  await lab.scrubber.evaluate((el, v) => {
    const input = el as HTMLInputElement;
    Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(input, String(v));
    input.dispatchEvent(new Event('input', { bubbles: true }));
  }, Math.round(changedAt.nowNanos / 2));
  const half = (await lab.settle()).nowNanos;
  expect(half).toBeGreaterThan(0);
  expect(half).toBeLessThan(changedAt.nowNanos);
  await expect(field).toHaveValue('0');
  await expect(later).toHaveText(`changes to 2 % at ${formatNanos(changedAt.nowNanos)}`);

  // Forward again past the change: the new value, no mark.
  await lab.play.click();
  await expect.poll(async () => (await lab.snapshot()).nowNanos, { timeout: 60_000 }).toBeGreaterThan(changedAt.nowNanos);
  await lab.pauseTime.click();
  await lab.settle();
  await expect(field).toHaveValue('0.02');
  await expect(later).toHaveCount(0);
  await expect(page.getByTestId('controls.rewound')).toHaveCount(0);

  // Rewound again, a live edit drops the later change, as the note said: the display follows the new log.
  await lab.back.click();
  expect((await lab.settle()).nowNanos).toBe(half);
  await field.focus();
  await expect(drops).toHaveText('applying here drops 1 later change');
  await field.fill('0.05');
  await field.press('Enter');
  await expect(page.getByTestId('controls.param.faults.wire.loss.rate.live')).toHaveText(/took effect/);
  await expect(field).toHaveValue('0.05');
  await expect(later).toHaveCount(0);
  await expect(drops).toHaveCount(0);
  await expect.poll(async () => {
    const link = decodeLink(await page.evaluate(() => window.location.hash));
    return link?.ok ? link.state.liveChanges?.map((c) => [c.path, c.value]) : null;
  }).toEqual([['faults.wire.loss.rate', 0.05]]);
});
