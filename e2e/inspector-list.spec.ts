// The inspector's virtual list (src/ui/inspector/PacketList.tsx): with thousands of frames
// captured only a screenful of rows is in the DOM, yet every frame is reachable: by the
// keyboard (End, Home, the arrows), by scrolling, and by the filters (the handshake's SYN
// after a long run).
import { expect, test } from '@playwright/test';
import { labUrl, openLab, shortScenario } from './charts-support';
import { ViewsPage } from './pages/views-page';

test('a long capture keeps only the rows in view in the DOM, and the keyboard reaches the last and first frames', async ({ page }) => {
  const lab = new ViewsPage(page);
  await lab.openModel();
  await lab.runFor(1500);
  await lab.tab('inspector').click();
  const rows = page.getByTestId('inspector.row');
  await expect(rows.first()).toBeVisible();
  const total = Number(await rows.first().getAttribute('aria-setsize'));
  // A listing far longer than the pane: the DOM holds a window of it.
  expect(total).toBeGreaterThan(200);
  await expect(page.getByTestId('inspector.count')).toContainText(`${total} of `);
  expect(await rows.count()).toBeLessThan(100);
  await expect(rows.first()).toHaveAttribute('aria-posinset', '1');

  await rows.first().focus();
  await page.keyboard.press('End');
  const focused = page.locator('[data-testid="inspector.row"]:focus');
  await expect(focused).toHaveAttribute('aria-posinset', String(total));
  await expect(focused).toBeInViewport();
  await page.keyboard.press('ArrowUp');
  await expect(focused).toHaveAttribute('aria-posinset', String(total - 1));
  await page.keyboard.press('Enter');
  await expect(focused).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByTestId('inspector.tree')).toBeVisible();
  await page.keyboard.press('Home');
  await expect(focused).toHaveAttribute('aria-posinset', '1');
  await expect(focused).toBeInViewport();
  expect(await rows.count()).toBeLessThan(100);
});

test('after a run the SYN is reached through the filters, and scrolling brings rows further down into the DOM', async ({ page }) => {
  // A 15 ms run, played to its end: how much it captures is fixed by the model, not by the
  // machine's speed, and stays under the capture's 4,096 frames per configuration
  // (views/feed/view-feed.ts keeps the newest), so the handshake is still in it.
  await openLab(page, labUrl(shortScenario(['configurations=native,offload'], 15)));
  const lab = new ViewsPage(page);
  await page.getByTestId('controls.run').click();
  await expect(page.getByTestId('controls.status')).toContainText('Ended', { timeout: 120_000 });
  await lab.settleViews();
  await lab.tab('inspector').click();
  const list = page.getByTestId('inspector.list');
  await list.evaluate((el) => { el.scrollTop = el.scrollHeight / 2; });
  const middle = page.locator('[data-testid="inspector.row"]').filter({ visible: true });
  await expect.poll(async () => Number(await middle.first().getAttribute('aria-posinset'))).toBeGreaterThan(50);
  await page.getByTestId('inspector.hideAcks').check();
  await page.getByTestId('inspector.hideArp').check();
  await page.getByTestId('inspector.layer').selectOption('wire');
  await list.evaluate((el) => { el.scrollTop = 0; });
  const syn = page.locator('[data-testid="inspector.row"][data-syn="true"]').first();
  await expect(syn).toBeVisible();
  await syn.click();
  await expect(page.getByTestId('inspector.tree')).toContainText('Syn: Set');
  await expect(syn).toHaveAttribute('aria-selected', 'true');
});
