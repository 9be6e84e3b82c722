// Page object for the lab's shell: the one run bar (it drives the network model),
// locators by dotted data-testid, readers that turn the displayed figures into numbers,
// and the typed test API on window.
import { expect, type Locator, type Page } from '@playwright/test';
import type { LabSnapshot } from '../../src/ui/runtime/test-api';
import { formatNanos } from '../../src/sim/units';

export class LabPage {
  readonly title: Locator;
  readonly tagline: Locator;
  readonly run: Locator;
  readonly pause: Locator;
  readonly step: Locator;
  readonly reset: Locator;
  readonly status: Locator;
  readonly simTime: Locator;
  readonly errorBanner: Locator;
  readonly errorRestart: Locator;
  readonly liveSeed: Locator;
  readonly themeToggle: Locator;

  constructor(readonly page: Page) {
    const id = (testId: string) => page.getByTestId(testId);
    this.title = id('shell.title');
    this.tagline = id('shell.tagline');
    this.run = id('controls.run');
    this.pause = id('controls.pause');
    this.step = id('controls.step');
    this.reset = id('controls.reset');
    this.status = id('controls.status');
    this.simTime = id('status.simTime');
    this.errorBanner = id('error.banner');
    this.errorRestart = id('error.restart');
    this.liveSeed = id('live.seed');
    this.themeToggle = id('theme.toggle');
  }

  /** Opens the lab (the network model paused at time zero) and closes the first-visit welcome. */
  async open(url = './'): Promise<void> {
    await this.page.goto(url);
    await this.waitPaused();
    const close = this.page.getByTestId('welcome.close');
    if (await close.isVisible()) await close.click();
  }

  async waitPaused(): Promise<void> {
    await expect(this.status).toHaveText('Paused');
  }

  async snapshot(): Promise<LabSnapshot> {
    return this.page.evaluate(() => {
      const api = window.__offloadLab;
      if (!api) throw new Error('window.__offloadLab is missing');
      return api.snapshot();
    });
  }

  /** Waits until no request is in flight, then until the run bar shows the worker's last clock. */
  async settle(): Promise<LabSnapshot> {
    await expect.poll(async () => (await this.snapshot()).settled).toBe(true);
    const s = await this.snapshot();
    await expect(this.simTime).toHaveText(formatNanos(s.nowNanos));
    return s;
  }

  /** The model's events processed so far (all configurations), from the worker's latest reply. */
  async events(): Promise<number> {
    return (await this.snapshot()).eventsProcessed;
  }

  async shownNanos(): Promise<number> {
    return parseShownNanos(await this.simTime.innerText());
  }

  async crashWorker(mode: 'throw' | 'uncaught' = 'uncaught'): Promise<void> {
    await this.page.evaluate((m) => window.__offloadLab?.crashWorker(m), mode);
  }
}

/** Parses formatNanos output ("0 ns", "12.500 µs", "1.234 ms", "2.000 s") back to ns. */
export function parseShownNanos(text: string): number {
  const m = /^(-?[\d.]+) (ns|µs|ms|s)$/.exec(text.trim());
  if (!m) throw new Error(`not a formatted time: ${text}`);
  const scale = { ns: 1, 'µs': 1e3, ms: 1e6, s: 1e9 }[m[2] as 'ns' | 'µs' | 'ms' | 's'];
  return Number(m[1]) * scale;
}
