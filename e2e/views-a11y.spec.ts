// Accessibility of the views with the network model running: axe-core finds no serious
// or critical violations in the architecture, sequence and inspector tabs, light and dark.
import { mkdirSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { ViewsPage } from './pages/views-page';

for (const scheme of ['light', 'dark'] as const) {
  test(`axe finds no serious or critical violations in the views (${scheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    const lab = new ViewsPage(page);
    await lab.openModel();
    await lab.runFor(600);
    const bad: string[] = [];
    for (const tab of ['architecture', 'sequence', 'inspector'] as const) {
      await lab.tab(tab).click();
      if (tab === 'inspector') await page.getByTestId('inspector.row').first().click();
      if (tab === 'architecture') await lab.layer('offload', 'osm').click();
      mkdirSync('reports/screenshots', { recursive: true });
      await page.screenshot({ path: `reports/screenshots/views-${tab}-${scheme}.png` });
      const results = await new AxeBuilder({ page }).include('[data-testid="views"]').include('[data-testid="time"]').analyze();
      bad.push(...results.violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => `${tab} ${v.id}: ${v.help} (${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')})`));
    }
    expect(bad).toEqual([]);
  });
}
