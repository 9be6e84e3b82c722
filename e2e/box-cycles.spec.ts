// The architecture view's box cycles are the processors' own accounting: after a short
// 2002-gigabit run played to its end, each column's boxes paid by a processor add up to
// that processor's total cycles as the lab's runtime reports them (window.__offloadLab
// snapshot, the worker's latest figures), the boxes without a processor show none, and a
// box's detail lists the categories that make up its cycles. Nothing here depends on how
// fast the machine runs: the run is played to its end and settled before anything is read.
import { expect, test, type Page } from '@playwright/test';
import { labUrl, measureToEnd, shortScenario } from './charts-support';
import { ViewsPage } from './pages/views-page';

/** The boxes of a column: layer, processor, and cycles (null where the box has none). */
async function boxes(page: Page, configuration: string): Promise<{ layer: string; processor: string; cycles: number | null }[]> {
  return page.getByTestId(`diagram.${configuration}`).locator('[data-processor]').evaluateAll((els) => els.map((e) => ({
    layer: (e.getAttribute('data-testid') ?? '').split('.').pop() ?? '',
    processor: e.getAttribute('data-processor') ?? '',
    cycles: e.hasAttribute('data-cycles') ? Number(e.getAttribute('data-cycles')) : null,
  })));
}

const sum = (xs: readonly number[]) => xs.reduce((n, x) => n + x, 0);

test('after a short run to its end, each processor\'s boxes add up to its total cycles, and boxes without a processor show none', async ({ page }) => {
  const lab = new ViewsPage(page);
  await lab.openModel(labUrl(shortScenario([], 30)));
  await measureToEnd(page);
  await lab.settleViews();
  const snap = await lab.snapshot();
  const model = (cfg: string, kind: 'host' | 'iop') => sum(snap.processors
    .filter((p) => p.name.startsWith(`${cfg}:`) && (p.name.endsWith(':iop') ? 'iop' : 'host') === kind).map((p) => p.totalCycles));

  for (const [cfg, kinds] of [['native', ['host']], ['offload', ['host', 'iop']]] as const) {
    const bs = await boxes(page, cfg);
    for (const kind of kinds) {
      const total = model(cfg, kind);
      expect(total, `${cfg} ${kind}`).toBeGreaterThan(1e6);
      const shown = sum(bs.filter((b) => b.processor === kind).map((b) => b.cycles ?? Number.NaN));
      expect(Math.abs(shown - total), `${cfg} ${kind}: boxes ${shown} vs processor ${total}`).toBeLessThan(1);
      expect(Number(await page.getByTestId(`diagram.${cfg}`).getAttribute(`data-${kind}-cycles`))).toBe(total);
    }
    // The views' test API reads the same figures the boxes draw.
    const api = await page.evaluate((c) => window.__offloadLabViews!.boxCycles(c), cfg);
    for (const b of bs.filter((x) => x.cycles !== null)) expect(api[b.layer] ?? 0, `${cfg} ${b.layer}`).toBe(b.cycles);
    for (const b of bs.filter((x) => x.processor === 'none')) expect(b.cycles, `${cfg} ${b.layer}`).toBeNull();
    expect(bs.filter((x) => x.processor === 'none').map((x) => x.layer)).toEqual(expect.arrayContaining(['nic', 'wire', 'pci', 'peer']));
    await expect(page.getByTestId(`diagram.${cfg}.layer.nic.count`)).not.toContainText('cyc');
  }

  // The protocol work is in the native tcp box and the offload ISM box, as the CPU charts stack it.
  const native = await boxes(page, 'native');
  const offload = await boxes(page, 'offload');
  const at = (bs: typeof native, l: string) => bs.find((b) => b.layer === l)!.cycles!;
  expect(at(native, 'tcp')).toBeGreaterThan(at(native, 'ip'));
  expect(at(offload, 'ism')).toBeGreaterThan(at(offload, 'hdm'));
  await expect(page.getByTestId('diagram.native.layer.inet.count')).toContainText('cycles in socket');

  // The detail lists the categories that make up the box's cycles.
  await lab.layer('native', 'tcp').click();
  const parts = page.getByTestId('diagram.detail.categories').locator('li');
  await expect(parts).toHaveCount(2);
  const partCycles = await parts.evaluateAll((els) => els.map((e) => [e.getAttribute('data-category'), Number(e.getAttribute('data-cycles'))] as const));
  expect(partCycles.map(([c]) => c).sort()).toEqual(['checksum', 'tcp']);
  expect(Math.abs(sum(partCycles.map(([, n]) => n)) - at(native, 'tcp'))).toBeLessThan(1);
  await lab.layer('offload', 'nic').click();
  await expect(page.getByTestId('diagram.detail.cycles')).toHaveText('none: no processor works here');
  await expect(page.getByTestId('diagram.legend.cycles')).toContainText('cycles the processor spent on this layer\'s work');
});
