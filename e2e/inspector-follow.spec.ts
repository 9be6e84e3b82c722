// The inspector follows the newest frame (src/ui/inspector/use-follow-newest.ts) and says
// plainly when the capture's cap has evicted older frames (capture-extent.ts). Every
// assertion is made on a state fixed by the model, not by how far a run got in wall time:
// a short scenario played to its end, a seek to a position, packet steps; the screenshots
// of a running list are the only thing taken mid-run, and nothing is asserted on them.
import { mkdirSync, readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { readPcapng } from '../src/net/wire';
import { labUrl, openLab, shortScenario } from './charts-support';
import { InspectorPage } from './pages/inspector-page';
import { ViewsPage } from './pages/views-page';

const SHOTS = 'reports/screenshots';

async function seek(lab: ViewsPage, nanos: number): Promise<void> {
  await lab.scrubber.evaluate((el, v) => {
    const input = el as HTMLInputElement;
    Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(input, String(v));
    input.dispatchEvent(new Event('input', { bubbles: true }));
  }, nanos);
  await lab.settleViews();
}

async function playToEnd(page: Page, lab: ViewsPage): Promise<void> {
  await lab.play.click();
  await expect(lab.status).toContainText('Ended', { timeout: 120_000 });
  await lab.settleViews();
}

test('played to its end the list follows the newest frame; scrolling up stops it and Jump to newest brings it back', async ({ page }) => {
  // 15 ms of native and offload: a few thousand frames, under the 4,096 kept per configuration.
  await openLab(page, labUrl(shortScenario(['configurations=native,offload'], 15)));
  const lab = new ViewsPage(page);
  const insp = new InspectorPage(page);
  await lab.tab('inspector').click();
  // Nothing captured yet: the list follows from the start.
  await expect(insp.follow).toBeChecked();
  await playToEnd(page, lab);
  const total = await insp.showsAllHeld();
  expect(total).toBeGreaterThan(200);
  await expect.poll(() => insp.atNewest()).toBe(true);
  await expect(insp.follow).toBeChecked();
  await expect(insp.jump).toHaveCount(0);
  await expect(insp.evicted).toHaveCount(0);

  // The wheel upwards: following stops, the list stays where it was scrolled to.
  await insp.list.hover();
  await page.mouse.wheel(0, -600);
  await expect(insp.follow).not.toBeChecked();
  await expect(page.getByRole('button', { name: /^Jump to newest/ })).toBeVisible();
  await expect.poll(() => insp.atNewest()).toBe(false);
  const held = await insp.visiblePositions();

  // By the keyboard: the button, then the focus lands on the checkbox that stays.
  await insp.jump.focus();
  await page.keyboard.press('Enter');
  await expect(insp.follow).toBeChecked();
  await expect(insp.follow).toBeFocused();
  await expect.poll(() => insp.atNewest()).toBe(true);
  expect((await insp.visiblePositions())[0]).toBeGreaterThan(held[0]!);

  // The checkbox itself stops and starts following (Space on it).
  await page.keyboard.press('Space');
  await expect(insp.follow).not.toBeChecked();
  await expect(insp.jump).toHaveText(/^Jump to newest/);
  await page.keyboard.press('Space');
  await expect(insp.follow).toBeChecked();
  await expect(insp.jump).toHaveCount(0);

  // Moving through the rows with the keyboard is reading them: following stops, and the
  // focused row is in view.
  await insp.row(total).focus();
  await page.keyboard.press('ArrowUp');
  await expect(insp.follow).not.toBeChecked();
  const focused = page.locator('[data-testid="inspector.row"]:focus');
  await expect(focused).toHaveAttribute('aria-posinset', String(total - 1));
  await expect(focused).toBeInViewport();
});

test('selecting a frame stops following: frames stepped in after it are counted on Jump to newest, and the list stays put', async ({ page }) => {
  await openLab(page, labUrl(shortScenario(['configurations=native,offload'], 15)));
  const lab = new ViewsPage(page);
  const insp = new InspectorPage(page);
  await lab.tab('inspector').click();
  await playToEnd(page, lab);
  // Halfway back: the list, still following, shows the newest frame of that position.
  const end = (await lab.state()).nowNanos;
  await seek(lab, Math.round(end / 2));
  const before = await insp.showsAllHeld();
  await expect.poll(() => insp.atNewest()).toBe(true);
  await expect(insp.follow).toBeChecked();

  // Select a row in the middle of the pane.
  const shown = await insp.visiblePositions();
  const pick = shown[Math.floor(shown.length / 2)]!;
  await insp.row(pick).click();
  await expect(insp.row(pick)).toHaveAttribute('aria-selected', 'true');
  await expect(insp.follow).not.toBeChecked();
  await expect(insp.jump).toHaveText('Jump to newest ↓');
  // The Jump button appearing does not shrink the list under the rows being read.
  expect(await insp.visiblePositions()).toEqual(shown);

  // Three packets on: the new frames are counted, and the selected frame stays in view.
  for (let i = 0; i < 3; i++) {
    await lab.stepPacket.click();
    await lab.settleViews();
  }
  const after = await insp.showsAllHeld();
  expect(after).toBeGreaterThan(before);
  await expect(insp.jump).toHaveText(`Jump to newest (${after - before} new) ↓`);
  expect(await insp.visiblePositions()).toEqual(shown);
  await expect(insp.row(pick)).toHaveAttribute('aria-selected', 'true');

  // Jump: the newest frame in view, the selection kept in the detail pane.
  await insp.jump.click();
  await expect.poll(() => insp.atNewest()).toBe(true);
  await expect(insp.tree).toBeVisible();
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: `${SHOTS}/inspector-follow-jumped.png` });
});

test('once the cap evicts older frames the list says how many it shows of how many, the download holds exactly those, and an evicted selection says so', async ({ page }) => {
  // 60 ms of native and offload: each captures more than the 4,096 frames the lab keeps of it.
  await openLab(page, labUrl(shortScenario(['configurations=native,offload'], 60)));
  const lab = new ViewsPage(page);
  const insp = new InspectorPage(page);
  await lab.tab('inspector').click();
  // The first frame captured (the ARP request at 0 ns) is selected before the run.
  for (let i = 0; i < 10 && (await insp.rows.count()) === 0; i++) {
    await lab.stepPacket.click();
    await lab.settleViews();
  }
  await insp.row(1).click();
  await expect(insp.tree).toBeVisible();
  await playToEnd(page, lab);
  await insp.showsAllHeld();

  const worlds = (await lab.state()).worlds;
  expect(worlds.map((w) => w.configuration)).toEqual(['native', 'offload']);
  for (const w of worlds) expect(w.framesCaptured).toBeGreaterThan(4096);
  const total = worlds.reduce((n, w) => n + w.framesCaptured, 0);
  const fmt = (n: number) => n.toLocaleString('en-US');
  await expect(insp.evicted).toHaveText(`Showing the newest 8,192 of ${fmt(total)} captured frames (the lab keeps 4,096 per configuration): `
    + `the ${fmt(total - 8192)} older ones are gone, and the pcapng download holds only these 8,192.`);
  expect(await insp.setSize()).toBe(8192);
  await expect(page.getByTestId('inspector.count')).toHaveText('8192 of 8192 kept');

  // The selected frame was evicted: the detail pane says so, naming it.
  await expect(insp.tree).toHaveCount(0);
  await expect(insp.selectionMissing).toHaveAttribute('data-evicted', 'true');
  const cfg = /^The selected frame \((native|offload), 0 ns: ARP/.exec(await insp.selectionMissing.innerText())?.[1];
  expect(cfg).toBeDefined();
  const held = worlds.find((w) => w.configuration === cfg)!.framesCaptured;
  await expect(insp.selectionMissing).toContainText(`was evicted: the lab keeps only the newest 4,096 frames of each configuration (${cfg} now holds 4,096 of ${fmt(held)} captured)`);
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: `${SHOTS}/inspector-follow-evicted.png` });

  // What the note says of the download is true: it holds the 8,192 frames listed, no more.
  const [download] = await Promise.all([page.waitForEvent('download'), insp.download.click()]);
  const file = readPcapng(new Uint8Array(readFileSync(await download.path())));
  if ('kind' in file) throw new Error(`pcapng reader: ${JSON.stringify(file)}`);
  expect(file.packets).toHaveLength(8192);
});

test('screenshots of the inspector at 1280x720, running and paused', async ({ page }) => {
  // The default preset runs for minutes: it is still running when the screenshot is taken
  // (nothing is asserted on what the run reached; the conditions below only wait).
  const lab = new ViewsPage(page);
  const insp = new InspectorPage(page);
  await lab.openModel();
  await lab.tab('inspector').click();
  await lab.play.click();
  await expect(insp.evicted).toBeVisible({ timeout: 60_000 });
  mkdirSync(SHOTS, { recursive: true });
  await page.getByTestId('views').scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SHOTS}/inspector-running.png` });
  await lab.pauseTime.click();
  await lab.settleViews();
  await insp.quiet();
  await page.screenshot({ path: `${SHOTS}/inspector-paused.png` });
  const shown = await insp.visiblePositions();
  await insp.row(shown[2]!).click();
  await page.getByTestId('inspector.field').first().hover();
  await page.screenshot({ path: `${SHOTS}/inspector-paused-selected.png` });
});
