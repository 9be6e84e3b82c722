// Accessibility of the shell: axe-core finds no serious or critical violations, in the
// light and the dark scheme, paused and running, and the keyboard focus is visible.
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { LabPage } from './pages/lab-page';
import { longRunUrl } from './pages/long-run';

for (const scheme of ['light', 'dark'] as const) {
  test(`axe finds no serious or critical violations in the ${scheme} scheme`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    const lab = new LabPage(page);
    await lab.open(longRunUrl());
    await lab.run.click();
    await expect.poll(() => lab.shownNanos()).toBeGreaterThan(0);
    await lab.pause.click();
    await lab.settle();
    const results = await new AxeBuilder({ page }).analyze();
    const bad = results.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
    expect(bad).toEqual([]);
  });
}

test('keyboard focus is visible on the run bar', async ({ page }) => {
  const lab = new LabPage(page);
  await lab.open();
  await lab.run.focus();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Shift+Tab');
  const outline = await lab.run.evaluate((el) => getComputedStyle(el).outlineStyle);
  expect(outline).toBe('solid');
});
