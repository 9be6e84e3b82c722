// A newcomer's first visit: the welcome says what the lab is, starts the lesson or a
// free run in one click, shows the configuration behind the numbers, and is not shown
// again once closed. The page is usable on a 1280×720 projector and on tablets
// (1024×768, 820×1180): screenshots in reports/screenshots/.
import { expect, test } from '@playwright/test';

test('a newcomer sees what the lab is and starts the first lesson in one click', async ({ page }) => {
  await page.goto('./');
  const welcome = page.getByTestId('welcome');
  await expect(welcome).toBeVisible();
  await expect(welcome).toContainText('iNIC');
  await page.screenshot({ path: 'reports/screenshots/first-visit-1280x720.png' });
  // The configuration behind the numbers: the welcome names the run bar's disclosure (one,
  // not a second copy in the welcome), which is in view below it and opens in one click.
  await expect(welcome).toContainText('Configuration behind these numbers, in the run bar');
  await expect(welcome.getByTestId('lesson.config')).toHaveCount(0);
  const config = page.getByTestId('controls').getByTestId('lesson.config');
  await expect(config).toHaveCount(1);
  await expect(config.locator('summary')).toBeInViewport();
  await config.locator('summary').click();
  await expect(config.getByTestId('lesson.config.preset')).toHaveText('2002-gigabit');
  await expect(config.getByTestId('lesson.config.seed')).toHaveText('1');
  await page.getByTestId('welcome.lesson').click();
  await expect(page.getByTestId('lesson.position')).toHaveText('Step 1 of 10');
  await expect(page).toHaveURL(/lesson=article&step=1/);
  await expect(welcome).toHaveCount(0);
  // Remembered: the welcome does not come back, the launcher strip does when the lesson closes.
  await page.goto('./');
  await expect(page.getByTestId('lesson.launcher')).toBeVisible();
  await expect(page.getByTestId('welcome')).toHaveCount(0);
  await page.getByTestId('lesson.about').click();
  await expect(page.getByTestId('welcome')).toBeVisible();
});

test('a newcomer starts a free run in one click', async ({ page }) => {
  await page.goto('./');
  await page.getByTestId('welcome.free').click();
  await expect(page.getByTestId('controls.status')).toHaveText('Running', { timeout: 30_000 });
  await expect(page.getByTestId('welcome')).toHaveCount(0);
  await expect(page.getByTestId('lesson.panel')).toHaveCount(0);
});

for (const [w, h] of [[1280, 720], [1024, 768], [820, 1180]] as const) {
  test(`the lesson is usable at ${w}×${h}: nothing overflows sideways, the question and the next step are reachable`, async ({ page }) => {
    await page.setViewportSize({ width: w, height: h });
    await page.goto('./?lesson=article&step=7');
    await expect(page.getByTestId('lesson.title')).toBeVisible();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(1);
    const panel = await page.getByTestId('lesson.panel').boundingBox();
    expect(panel && panel.width).toBeLessThanOrEqual(w);
    await expect(page.getByTestId('lesson.number')).toBeVisible();
    await page.screenshot({ path: `reports/screenshots/lesson-${w}x${h}.png` });
    await page.getByTestId('lesson.next').scrollIntoViewIfNeeded();
    await page.getByTestId('lesson.next').click();
    await expect(page.getByTestId('lesson.position')).toHaveText('Step 8 of 10');
  });
}
