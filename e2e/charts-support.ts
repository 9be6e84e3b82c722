// Helpers for the charts, controls, share and sweep specs: links that open the lab on a
// given scenario (short runs keep e2e fast), and readers of what the page shows.
import { expect, type Page } from '@playwright/test';
import { applyOverrides, presetScenario, type Scenario } from '../src/scenario';
import { encodeLink, type Variant } from '../src/ui/share/link-codec';

/** A short 2002-gigabit run: 10 ms of warm-up, `durationMs` in all, a sample every 2 ms. */
export function shortScenario(sets: string[] = [], durationMs = 40): Scenario {
  const p = presetScenario('2002-gigabit');
  if (!p.ok) throw new Error('preset');
  const s = applyOverrides(p.scenario, ['warmupMs=10', `durationMs=${durationMs}`, 'sampleIntervalMs=2', ...sets]);
  if (!s.ok) throw new Error(JSON.stringify(s.errors));
  return s.scenario;
}

export function labUrl(scenario: Scenario, view = 'charts', variant: Variant | null = null): string {
  return `./#${encodeLink({ scenario, variant, view })}`;
}

export async function openLab(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await expect(page.getByTestId('controls.status')).toHaveText('Paused');
  await expect(page.getByTestId('workspace')).toBeVisible();
  const status = page.getByTestId('charts.status');
  if (await status.count() > 0) await expect(status).toHaveAttribute('data-status', /ready|running/);
  // The charts open on their CPU group; these specs read every chart.
  const all = page.getByTestId('charts.group.all');
  if (await all.count() > 0) await all.click();
}

/**
 * Plays the lab at 10 ms of simulated time per wall second. Tests that press Run and
 * then Pause use it, so that no machine, however fast, reaches the end of a short run
 * before Pause is pressed (a 200 ms run takes 20 s), while a few milliseconds of
 * simulated time still pass in well under a second.
 */
export async function playSlowly(page: Page): Promise<void> {
  await page.getByTestId('time.speed').selectOption({ label: '10 ms/s' });
  await page.getByTestId('controls.run').click();
}

/** Plays the lab as fast as the engine runs. */
export async function playFull(page: Page): Promise<void> {
  await page.getByTestId('time.speed').selectOption({ label: 'full speed' });
  await page.getByTestId('controls.run').click();
}

/** Presses Run at full speed (unless the lab already runs) and waits until the measurement has simulated to the end. */
export async function measureToEnd(page: Page, timeout = 180_000): Promise<void> {
  await page.getByTestId('time.speed').selectOption({ label: 'full speed' });
  const run = page.getByTestId('controls.run');
  if (await run.isEnabled()) await run.click();
  await expect(page.getByTestId('charts.status')).toHaveAttribute('data-status', 'done', { timeout });
}

export async function samplesOf(page: Page, testId: string): Promise<number> {
  return Number(await page.getByTestId(testId).getAttribute('data-samples'));
}

/** The headline's figures of one run, as numbers. */
export interface HeadlineFigures {
  goodput: number;
  hostCpu: number;
  cyclesPerByte: number;
  serviceDemand: number;
  hostLimited: number;
  /** NaN without an IOP. */
  iop: number;
}

export async function headlineRow(page: Page, runId: string): Promise<HeadlineFigures> {
  const read = async (k: keyof HeadlineFigures) => Number.parseFloat(await page.getByTestId(`headline.row.${runId}.${k}`).innerText());
  return {
    goodput: await read('goodput'), hostCpu: await read('hostCpu'), cyclesPerByte: await read('cyclesPerByte'),
    serviceDemand: await read('serviceDemand'), hostLimited: await read('hostLimited'), iop: await read('iop'),
  };
}

/**
 * Sets the wire's loss rate from the controls while a run exists (a live parameter) and
 * waits for the field's note to say when the change took effect; returns that note.
 */
export async function applyLiveLossRate(page: Page, rate: string): Promise<string> {
  await page.getByTestId('controls.filter').fill('loss.rate');
  const field = page.getByTestId('controls.param.faults.wire.loss.rate');
  await field.fill(rate);
  await field.press('Enter');
  const note = page.getByTestId('controls.param.faults.wire.loss.rate.live');
  await expect(note).toHaveText(/^live: took effect at \d+\.\d{3} ms$/);
  return note.innerText();
}
