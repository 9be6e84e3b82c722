// Sweeps: a 1-D sweep of IOP clock runs on the worker pool with a visible progress bar,
// draws the LAWS gain and bound over the simulated gain and marks where offload stops
// losing; a running sweep can be cancelled; bad axes are explained by field.
import { expect, test, type Page } from '@playwright/test';
import { labUrl, openLab, shortScenario } from './charts-support';

async function setAxis(page: Page, from: string, to: string, steps: string) {
  await page.getByTestId('sweep.a.path').selectOption('inic.iopClockMHz');
  await page.getByTestId('sweep.a.from').fill(from);
  await page.getByTestId('sweep.a.to').fill(to);
  await page.getByTestId('sweep.a.steps').fill(steps);
}

test('a 1-D sweep of IOP clock shows progress, the LAWS bound and the crossover', async ({ page }) => {
  await openLab(page, labUrl(shortScenario([], 30), 'sweep'));
  await setAxis(page, '100', '600', '6');
  await page.getByTestId('sweep.run').click();
  const progress = page.getByTestId('sweep.progress');
  await expect(progress).toBeVisible();
  await expect(progress).toHaveAttribute('data-total', '6');
  await expect(page.getByTestId('sweep.progressText')).toContainText('of 6 points');
  await expect(progress).toHaveAttribute('data-status', 'done', { timeout: 90_000 });
  await expect(page.getByTestId('sweep.line.simulated-gain')).toHaveAttribute('data-points', '6');
  await expect(page.getByTestId('sweep.line.LAWS-gain')).toHaveAttribute('data-points', '6');
  await expect(page.getByTestId('sweep.line.LAWS-bound')).toBeAttached();
  const sim = page.getByTestId('sweep.crossover.simulated');
  await expect(sim).toHaveCount(1);
  const x = Number(await sim.getAttribute('data-x'));
  expect(x).toBeGreaterThan(300);
  expect(x).toBeLessThanOrEqual(600);
  // The crossover carries the swept parameter's unit, not a bare number.
  await expect(sim).toContainText(/offload loses below [\d.,]+ MHz/);
  await expect(page.getByTestId('sweep.crossover.laws')).toHaveCount(1);
  await page.getByTestId('sweep.panel').screenshot({ path: 'reports/screenshots/sweep-iop-clock.png' });
});

test('a running sweep can be cancelled and keeps the points it finished', async ({ page }) => {
  await openLab(page, labUrl(shortScenario([], 200), 'sweep'));
  await setAxis(page, '100', '1200', '12');
  await page.getByTestId('sweep.run').click();
  await expect(page.getByTestId('sweep.progress')).toHaveAttribute('data-status', 'running');
  await expect(page.getByTestId('sweep.cancel')).toBeEnabled();
  await page.getByTestId('sweep.cancel').click();
  await expect(page.getByTestId('sweep.progress')).toHaveAttribute('data-status', 'cancelled');
  await expect(page.getByTestId('sweep.progressText')).toContainText('(cancelled)');
  const done = Number(await page.getByTestId('sweep.progress').getAttribute('data-done'));
  expect(done).toBeLessThan(12);
  await expect(page.getByTestId('sweep.run')).toBeEnabled();
});

test('a bad axis is explained beside its field and nothing runs', async ({ page }) => {
  await openLab(page, labUrl(shortScenario([], 30), 'sweep'));
  await setAxis(page, '5', '600', '1');
  await page.getByTestId('sweep.run').click();
  await expect(page.getByTestId('sweep.error.a.steps')).toContainText('must be a whole number from 2 to 200');
  await setAxis(page, '5', '600', '4');
  await page.getByTestId('sweep.run').click();
  await expect(page.getByTestId('sweep.error.a.path')).toContainText('inic.iopClockMHz must be ≥ 10 MHz');
  await expect(page.getByTestId('sweep.progress')).toHaveCount(0);
});
