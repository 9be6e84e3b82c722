// Sharing and files: a link copied from one page reproduces the same figures in a new
// one; a corrupt link and a malformed scenario file each show a clear message and leave
// the scenario as it was; an exported file carries the live changes, and its import
// replays them.
import { expect, test } from '@playwright/test';
import { toBase64Url } from '../src/ui/share/link-codec';
import { applyLiveLossRate, headlineRow, labUrl, measureToEnd, openLab, playSlowly, shortScenario } from './charts-support';
import { LabPage } from './pages/lab-page';

test('a link copied from one page reproduces the same figures in a new page', async ({ page, context }) => {
  await openLab(page, labUrl(shortScenario()));
  await page.getByTestId('controls.param.seed').fill('11');
  await page.getByTestId('controls.param.seed').press('Enter');
  await page.getByTestId('controls.param.inic.iopClockMHz').fill('450');
  await page.getByTestId('controls.param.inic.iopClockMHz').press('Enter');
  await page.getByTestId('workspace.tab.sweep').click();
  await page.getByTestId('workspace.tab.charts').click();
  await measureToEnd(page);
  await page.getByTestId('share.copyLink').click();
  const link = await page.getByTestId('share.link').inputValue();
  expect(link).toMatch(/#lab=[A-Za-z0-9_-]+$/);
  const first = await Promise.all(['native', 'stateless', 'offload'].map((r) => headlineRow(page, r)));

  const other = await context.newPage();
  await other.goto(link);
  await expect(other.getByTestId('share.notice')).toContainText('loaded from the link');
  await expect(other.getByTestId('controls.param.seed')).toHaveValue('11');
  await expect(other.getByTestId('controls.param.inic.iopClockMHz')).toHaveValue('450');
  await expect(other.getByTestId('controls.status')).toHaveText('Paused');
  await measureToEnd(other);
  const second = await Promise.all(['native', 'stateless', 'offload'].map((r) => headlineRow(other, r)));
  expect(second).toEqual(first);
  const points = await page.getByTestId('headline.cpuFreed').getAttribute('data-points');
  await expect(other.getByTestId('headline.cpuFreed')).toHaveAttribute('data-points', points!);
});

test('a corrupt link shows a clear message and keeps the default scenario', async ({ page }) => {
  await page.goto('./#lab=eyJ2IjoxLCJzIjp7Im5pYyI6');
  await expect(page.getByTestId('share.notice')).toContainText('The link could not be read');
  await expect(page.getByTestId('share.notice')).toContainText('The default scenario is kept');
  await expect(page.getByTestId('controls.preset')).toHaveValue('2002-gigabit');
  await expect(page.getByTestId('controls.param.inic.iopClockMHz')).toHaveValue('600');

  const invalid = toBase64Url(JSON.stringify({ v: 1, s: { wire: { bandwidthMbps: -3 } } }));
  await page.goto(`./#lab=${invalid}`);
  await page.reload();
  await expect(page.getByTestId('share.notice')).toContainText('wire.bandwidthMbps must be ≥ 1 Mb/s');
  await expect(page.getByTestId('controls.param.wire.bandwidthMbps')).toHaveValue('1000');
  await page.getByTestId('share.notice').screenshot({ path: 'reports/screenshots/share-corrupt-link.png' });
});

test('a malformed scenario file is refused with its fields named; a good one loads; export gives the scenario', async ({ page }) => {
  await openLab(page, labUrl(shortScenario()));
  await page.getByTestId('share.importFile').setInputFiles({
    name: 'broken.json', mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify({ inic: { iopClockMHz: 'fast' }, wire: { mtuBytes: 20 }, colour: 'blue' })),
  });
  await expect(page.getByTestId('share.notice')).toContainText('broken.json is not a valid scenario (3 problems); the current scenario is kept.');
  const details = page.getByTestId('share.notice.details');
  await expect(details).toContainText('inic.iopClockMHz');
  await expect(details).toContainText('wire.mtuBytes');
  await expect(details).toContainText('colour');
  await expect(page.getByTestId('controls.param.inic.iopClockMHz')).toHaveValue('600');
  await expect(page.getByTestId('controls.param.inic.iopClockMHz.error')).toContainText('must be a number (MHz) in broken.json');
  await page.getByTestId('share.notice').screenshot({ path: 'reports/screenshots/share-bad-file.png' });

  await page.getByTestId('share.importFile').setInputFiles({ name: 'not-json.json', mimeType: 'application/json', buffer: Buffer.from('{ oops') });
  await expect(page.getByTestId('share.notice')).toContainText('not-json.json is not a valid scenario');
  await expect(page.getByTestId('share.notice.details')).toContainText('is not valid JSON');

  await page.getByTestId('share.importFile').setInputFiles({ name: 'good.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify({ seed: 5, inic: { iopClockMHz: 800 } })) });
  await expect(page.getByTestId('share.notice')).toContainText('Loaded good.json');
  await expect(page.getByTestId('controls.param.inic.iopClockMHz')).toHaveValue('800');

  const [dl] = await Promise.all([page.waitForEvent('download'), page.getByTestId('share.exportScenario').click()]);
  const { readFileSync } = await import('node:fs');
  const text = readFileSync((await dl.path())!, 'utf8');
  expect(JSON.parse(text)).toMatchObject({ seed: 5, inic: { iopClockMHz: 800 } });
});

test('a scenario exported after a live change carries its log: imported in a new page it reproduces the same figures', async ({ page, context }) => {
  const lossless = shortScenario(['configurations=native,offload', 'faults.wire.loss.model=independent', 'faults.wire.loss.rate=0'], 200);
  await openLab(page, labUrl(lossless));
  const lab = new LabPage(page);
  await playSlowly(page);
  await expect.poll(async () => (await lab.snapshot()).nowNanos, { timeout: 60_000 }).toBeGreaterThan(15_000_000);
  await lab.pause.click();
  await lab.settle();
  await applyLiveLossRate(page, '0.02');
  await measureToEnd(page);
  const first = await Promise.all(['native', 'offload'].map((r) => headlineRow(page, r)));
  const [dl] = await Promise.all([page.waitForEvent('download'), page.getByTestId('share.exportScenario').click()]);
  const { readFileSync } = await import('node:fs');
  const text = readFileSync((await dl.path())!, 'utf8');
  const file = JSON.parse(text) as { liveChanges?: { path: string; value: number; at: unknown[] }[] };
  expect(file.liveChanges?.map((c) => [c.path, c.value, c.at.length])).toEqual([['faults.wire.loss.rate', 0.02, 2]]);

  // A new page on the same scenario without the change: the import replays it.
  const other = await context.newPage();
  await openLab(other, labUrl(lossless));
  await other.getByTestId('share.importFile').setInputFiles({ name: 'run.scenario.json', mimeType: 'application/json', buffer: Buffer.from(text) });
  await expect(other.getByTestId('share.notice')).toHaveText(/Loaded run\.scenario\.json with 1 live change\./);
  await expect(new LabPage(other).status).toHaveText('Paused');
  await measureToEnd(other);
  const second = await Promise.all(['native', 'offload'].map((r) => headlineRow(other, r)));
  expect(second).toEqual(first);
  await other.getByTestId('controls.filter').fill('loss.rate');
  await expect(other.getByTestId('controls.param.faults.wire.loss.rate')).toHaveValue('0.02');

  // A corrupt log names the entry and keeps the scenario and its log as they were.
  const corrupt = JSON.parse(text) as Record<string, unknown> & { liveChanges: Record<string, unknown>[] };
  corrupt.liveChanges = [{ ...corrupt.liveChanges[0], value: 7 }];
  await other.getByTestId('share.importFile').setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(corrupt)) });
  await expect(other.getByTestId('share.notice')).toContainText('broken.json has a corrupt live change log: live change 1 (faults.wire.loss.rate)');
  await expect(other.getByTestId('share.notice')).toContainText('the current scenario is kept');
  await expect(other.getByTestId('controls.param.faults.wire.loss.rate')).toHaveValue('0.02');
  expect(await Promise.all(['native', 'offload'].map((r) => headlineRow(other, r)))).toEqual(first);
});
