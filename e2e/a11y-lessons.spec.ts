// Accessibility of the lesson and the views it drives: axe-core finds no serious or
// critical violations on each view (architecture, sequence, packets and I2O, charts)
// with a lesson step open and answered, and on the first-visit welcome, in the light
// and the dark scheme; with reduced motion requested no continuous animation runs
// once the lab is idle (no CSS/Web animations, no requestAnimationFrame loop).
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';

async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

for (const scheme of ['light', 'dark'] as const) {
  test(`axe: no serious or critical violations on each view with a lesson open, ${scheme} scheme`, async ({ page }) => {
    test.setTimeout(240_000);
    // Reduced motion keeps the model paused at zero, so axe reads a still page quickly.
    await page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
    await page.goto('./?lesson=article&step=5');
    await expect(page.getByTestId('lesson.title')).toBeVisible();
    await page.getByTestId('lesson.number').fill('0');
    await page.getByTestId('lesson.check').click();
    await expect(page.getByTestId('lesson.verdict.word')).toBeVisible();
    await page.getByTestId('lesson.panel').getByTestId('lesson.config').locator('summary').click();
    // Step the model by hand (reduced motion) so every view has something to show.
    for (let i = 0; i < 4; i++) await page.getByTestId('time.stepPacket').click();
    for (const tab of ['architecture', 'sequence', 'inspector'] as const) {
      await page.getByTestId(`views.tab.${tab}`).click();
      await expect(page.getByTestId(`views.panel.${tab}`)).toBeVisible();
      await page.waitForTimeout(400);
      expect(await seriousViolations(page), `${tab} view`).toEqual([]);
    }
    await page.getByTestId('workspace.tab.charts').scrollIntoViewIfNeeded();
    expect(await seriousViolations(page), 'charts').toEqual([]);
    await page.screenshot({ path: `reports/screenshots/lesson-a11y-${scheme}.png` });
  });

  test(`axe: no serious or critical violations on the first-visit welcome, ${scheme} scheme`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto('./');
    await expect(page.getByTestId('welcome')).toBeVisible();
    // The welcome's configuration is the run bar's disclosure (right below it): open, it is
    // part of what axe reads.
    await page.getByTestId('controls').getByTestId('lesson.config').locator('summary').click();
    await expect(page.getByTestId('controls').getByTestId('lesson.config.preset')).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
  });
}

test('with reduced motion requested, nothing keeps animating once the lab is idle', async ({ page }) => {
  await page.addInitScript(() => {
    const w = window as unknown as { __rafCalls: number };
    w.__rafCalls = 0;
    const raf = window.requestAnimationFrame.bind(window);
    window.requestAnimationFrame = (cb) => { w.__rafCalls++; return raf(cb); };
  });
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.goto('./?lesson=article&step=2');
  await expect(page.getByTestId('lesson.title')).toBeVisible();
  // With reduced motion the step leaves the model paused at time zero (stepwise by hand).
  await expect(page.getByTestId('lesson.reduced')).toBeVisible();
  await expect(page.getByTestId('controls.status')).toHaveText('Paused', { timeout: 30_000 });
  await page.waitForTimeout(1000);
  await expect(page.getByTestId('controls.status')).toHaveText('Paused');
  const before = await page.evaluate(() => (window as unknown as { __rafCalls: number }).__rafCalls);
  await page.waitForTimeout(1500);
  const after = await page.evaluate(() => (window as unknown as { __rafCalls: number }).__rafCalls);
  const animations = await page.evaluate(() => document.getAnimations().length);
  expect(animations).toBe(0);
  expect(after - before, 'requestAnimationFrame calls while idle').toBeLessThanOrEqual(2);
});

test('the lesson is operable from the keyboard alone, with a visible focus', async ({ page }) => {
  await page.goto('./?lesson=article&step=2');
  await expect(page.getByTestId('lesson.title')).toBeVisible();
  await page.getByTestId('lesson.option.0').focus();
  await page.keyboard.press('ArrowDown');
  await expect(page.getByTestId('lesson.option.1')).toBeChecked();
  await expect(page.getByTestId('lesson.check')).toBeEnabled({ timeout: 30_000 });
  await page.keyboard.press('Tab');
  await expect(page.getByTestId('lesson.check')).toBeFocused();
  const outline = await page.getByTestId('lesson.check').evaluate((el) => getComputedStyle(el).outlineStyle);
  expect(outline).toBe('solid');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('lesson.verdict.word')).toHaveText('✓ Correct.');
});
