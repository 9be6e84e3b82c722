// The scenario controls: grouped by layer with unit, range and the source of each
// default; a badge for live or restart; an out-of-range value explained beside its
// field with the scenario left intact.
import { expect, test } from '@playwright/test';
import { labUrl, openLab, shortScenario } from './charts-support';

test('every parameter shows its unit, range, apply mode and, on demand, the source of its default', async ({ page }) => {
  await openLab(page, labUrl(shortScenario()));
  const row = page.getByTestId('controls.param.inic.iopClockMHz.row');
  await expect(row).toContainText('MHz');
  await expect(row).toContainText('range 10–10000 MHz');
  await expect(page.getByTestId('controls.param.inic.iopClockMHz.apply')).toHaveText('restart');
  await page.getByTestId('controls.filter').fill('delayUs');
  // The model could change the wire delay while running; the lab says so, and that it restarts.
  await expect(page.getByTestId('controls.param.wire.delayUs.apply')).toHaveText('restart (live-capable)');
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
