// The live charts: each appears and moves while a preset runs, A/B shows both runs,
// changing a parameter moves the figures the way the model says, the headline equals
// the model's own summary (what the CLI prints) and the exports hold what is drawn.
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { runScenario } from '../src/scenario';
import { headlineRow, labUrl, measureToEnd, openLab, playSlowly, samplesOf, shortScenario } from './charts-support';
import { watchProblems } from './support/console';

const BULK_CHARTS = ['hostCpu', 'goodput', 'cwnd', 'ssthresh', 'rtt', 'interrupts', 'busUtilization'];

test('each chart appears for each configuration and moves while the preset runs', async ({ page }) => {
  const problems = watchProblems(page);
  await openLab(page, labUrl(shortScenario([], 200)));
  await playSlowly(page);
  for (const c of BULK_CHARTS) for (const run of ['native', 'stateless', 'offload']) {
    await expect(page.getByTestId(`charts.${c}.${run}`)).toBeVisible();
  }
  for (const c of ['iopCpu', 'i2oMessages', 'framesInUse']) await expect(page.getByTestId(`charts.${c}.offload`)).toBeVisible();
  await expect(page.getByTestId('charts.iopCpu.native')).toHaveCount(0);
  // A chart only offload has keeps a paired chart's width (stretched across the row its
  // SVG text grew to twice its neighbours' size).
  const iopBox = await page.getByTestId('charts.iopCpu.offload').boundingBox();
  const rowBox = await page.getByTestId('charts.row.iopCpu').boundingBox();
  expect(iopBox!.width).toBeLessThanOrEqual(rowBox!.width / 2 + 1);
  const before = await samplesOf(page, 'charts.hostCpu.offload');
  await expect.poll(() => samplesOf(page, 'charts.hostCpu.offload')).toBeGreaterThan(before);
  await page.getByTestId('controls.pause').click();
  await page.getByTestId('charts.hostCpu.native').scrollIntoViewIfNeeded();
  // No label of the chart runs past its SVG's edge (the last time tick was cut: "100(" for 1000).
  const overflow = await page.getByTestId('charts.hostCpu.native').locator('svg').evaluate((svg) => {
    const edge = svg.getBoundingClientRect();
    return [...svg.querySelectorAll('text')].filter((t) => {
      const r = t.getBoundingClientRect();
      return r.width > 0 && (r.right > edge.right + 0.5 || r.left < edge.left - 0.5);
    }).map((t) => t.textContent);
  });
  expect(overflow).toEqual([]);
  await page.getByTestId('charts.hostCpu.native').locator('svg').hover({ position: { x: 200, y: 120 } });
  await expect(page.getByTestId('charts.hostCpu.native.readout')).toContainText('t = ');
  await expect(page.getByTestId('charts.hostCpu.native.readout')).toContainText('copy');
  await page.screenshot({ path: 'reports/screenshots/charts-running.png', fullPage: false });
  expect(problems.pageErrors).toEqual([]);
  expect(problems.consoleErrors).toEqual([]);
});

test('the headline equals the model\'s own summary for the same scenario and seed', async ({ page }) => {
  const scenario = shortScenario(['seed=7']);
  await openLab(page, labUrl(scenario));
  // Before anything is measured the headline says when its figures come, not "0.0 points freed".
  await expect(page.getByTestId('headline.empty')).toBeVisible();
  await expect(page.getByTestId('headline.cpuFreed')).toHaveCount(0);
  await measureToEnd(page);
  const model = runScenario(scenario);
  if (!model.ok) throw new Error('model');
  for (const c of model.results.configurations) {
    const shown = await headlineRow(page, c.configuration);
    expect(shown.cyclesPerByte).toBeCloseTo(c.cyclesPerByte, 2);
    expect(shown.hostCpu).toBeCloseTo(c.hostCpuUtil * 100, 1);
    expect(shown.serviceDemand).toBeCloseTo(c.serviceDemandUsPerKB, 2);
    expect(shown.goodput).toBeCloseTo(c.goodputBps / 1e6, 1);
  }
  await expect(page.getByTestId('headline.cpuFreed')).toContainText('points of host CPU freed');
  // The differential bars keep a readable size in a one-column page (their SVG scales with its width).
  const bars = await page.getByTestId('headline.diff.offload').locator('svg').boundingBox();
  expect(bars!.width).toBeLessThanOrEqual(36 * 16 + 1);
  await page.getByTestId('headline.panel').screenshot({ path: 'reports/screenshots/charts-headline.png' });
});

test('a slower IOP raises the card\'s load and a smaller message raises the host\'s cycles per byte', async ({ page }) => {
  await openLab(page, labUrl(shortScenario(['configurations=native,offload'])));
  await measureToEnd(page);
  const iop600 = (await headlineRow(page, 'offload')).iop;
  const native64k = await headlineRow(page, 'native');

  await page.getByTestId('controls.param.inic.iopClockMHz').fill('300');
  await page.getByTestId('controls.param.inic.iopClockMHz').press('Enter');
  await page.getByTestId('controls.param.workload.messageBytes').fill('4096');
  await page.getByTestId('controls.param.workload.messageBytes').press('Enter');
  await expect(page.getByTestId('charts.status')).toHaveAttribute('data-status', /ready|running/);
  await measureToEnd(page);
  const iop300 = (await headlineRow(page, 'offload')).iop;
  const native4k = await headlineRow(page, 'native');
  // A 300 MHz card caps goodput well below native's: the headline says the CPU freed is not for the same work.
  const goodputs = [(await headlineRow(page, 'offload')).goodput, native4k.goodput];
  if (goodputs[0]! < goodputs[1]! * 0.95) await expect(page.getByTestId('headline.caveat')).toContainText('less data than native');
  else await expect(page.getByTestId('headline.caveat')).toHaveCount(0);
  expect(iop300).toBeGreaterThan(iop600);
  expect(native4k.cyclesPerByte).toBeGreaterThan(native64k.cyclesPerByte);
});

test('A/B runs the variant beside the scenario on the same clock and shows both', async ({ page }) => {
  await openLab(page, labUrl(shortScenario(['configurations=native,offload']), 'charts', { label: 'inic.iopClockMHz=1200', overrides: ['inic.iopClockMHz=1200'] }));
  await expect(page.getByTestId('controls.ab.current')).toContainText('inic.iopClockMHz=1200');
  await measureToEnd(page);
  for (const id of ['offload', 'offload.B', 'native', 'native.B']) await expect(page.getByTestId(`charts.hostCpu.${id}`)).toBeVisible();
  await expect(page.getByTestId('headline.row.offload.B')).toBeVisible();
  const a = (await headlineRow(page, 'offload')).iop;
  const b = (await headlineRow(page, 'offload.B')).iop;
  expect(b).toBeLessThan(a);
  // The configuration behind these numbers names the variant the B rows and charts come from.
  const config = page.getByTestId('lesson.config').first();
  await config.locator('summary').click();
  await expect(config.getByTestId('lesson.config.variant')).toHaveText('B = A with inic.iopClockMHz=1200');
  // The card's clock does not touch the native path: its differential says so in one line, no empty axis.
  await expect(page.getByTestId('headline.diff.native.B.same')).toBeVisible();
  await expect(page.getByTestId('headline.diff.native.B').locator('svg')).toHaveCount(0);
  await page.getByTestId('charts.hostCpu.offload').scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'reports/screenshots/charts-ab.png' });
});

test('exported CSV and SVG hold what the chart shows', async ({ page }) => {
  await openLab(page, labUrl(shortScenario(['configurations=native,offload'])));
  await measureToEnd(page);
  const chart = page.getByTestId('charts.hostCpu.offload');
  await chart.scrollIntoViewIfNeeded();
  const samples = await samplesOf(page, 'charts.hostCpu.offload');
  const legend = await chart.locator('.chart-legend text').allTextContents();

  const [csvDl] = await Promise.all([page.waitForEvent('download'), page.getByTestId('charts.hostCpu.offload.export.csv').click()]);
  const csv = readFileSync((await csvDl.path())!, 'utf8').trim().split('\r\n');
  expect(csvDl.suggestedFilename()).toBe('offload-lab-hostCpu-offload.csv');
  expect(csv).toHaveLength(samples + 1);
  for (const l of legend.filter((x) => !['pool exhausted', 'loss', 'RTO'].includes(x))) expect(csv[0]).toContain(`${l} (%)`);

  const [svgDl] = await Promise.all([page.waitForEvent('download'), page.getByTestId('charts.hostCpu.offload.export.svg').click()]);
  const svg = readFileSync((await svgDl.path())!, 'utf8');
  expect(svg).toContain('<svg xmlns="http://www.w3.org/2000/svg"');
  expect(svg).toContain('<title>Host CPU by category (%), offload</title>');
  for (const l of legend) expect(svg).toContain(`>${l}</text>`);
  const drawn = await chart.locator('svg path[data-series]').evaluateAll((ps) => ps.map((p) => p.getAttribute('d')));
  for (const d of drawn) expect(svg).toContain(`d="${d}"`);

  const [pngDl] = await Promise.all([page.waitForEvent('download'), page.getByTestId('charts.hostCpu.offload.export.png').click()]);
  const png = readFileSync((await pngDl.path())!);
  expect(png.subarray(1, 4).toString()).toBe('PNG');
});

test('a web workload adds the latency percentiles chart', async ({ page }) => {
  await openLab(page, labUrl(shortScenario(['workload.kind=request-response', 'configurations=native,offload'])));
  await measureToEnd(page);
  for (const run of ['native', 'offload']) await expect(page.getByTestId(`charts.latency.${run}`)).toBeVisible();
  // Charts off screen keep their last drawing: bring this one into view first.
  await page.getByTestId('charts.latency.offload').scrollIntoViewIfNeeded();
  await expect(page.getByTestId('charts.latency.offload').locator('.chart-legend text').first()).toHaveText('p50');
  const legend = await page.getByTestId('charts.latency.offload').locator('.chart-legend text').allTextContents();
  expect(legend.slice(0, 3)).toEqual(['p50', 'p90', 'p99']);
  await expect(page.getByTestId('headline.cpuFreed')).toContainText('points of host CPU freed');
});

// Frame times are measured by the frames bench (bench/frames.bench.ts), not asserted here:
// a test must not depend on how busy the machine is. This checks what the bench relies on.
test('each chart update while the 2002 preset runs is recorded as a chart.redraw measure, and the charts move', async ({ page }) => {
  await openLab(page, './');
  await page.getByTestId('charts.panel').scrollIntoViewIfNeeded();
  await page.evaluate(() => performance.clearMeasures('chart.redraw'));
  await playSlowly(page);
  await expect(page.getByTestId('charts.hostCpu.native')).toBeVisible();
  const before = await samplesOf(page, 'charts.hostCpu.native');
  await expect.poll(() => samplesOf(page, 'charts.hostCpu.native')).toBeGreaterThan(before);
  await expect.poll(() => page.evaluate(() => performance.getEntriesByName('chart.redraw', 'measure').length)).toBeGreaterThan(2);
  await page.getByTestId('controls.pause').click();
});
