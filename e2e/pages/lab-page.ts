// Page object for the lab's shell: locators by dotted data-testid, readers that turn
// the displayed figures into numbers, and the typed test API on window.
import { expect, type Locator, type Page } from '@playwright/test';
import type { LabSnapshot } from '../../src/ui/runtime/test-api';

export class LabPage {
  readonly title: Locator;
  readonly tagline: Locator;
  readonly run: Locator;
  readonly pause: Locator;
  readonly step: Locator;
  readonly reset: Locator;
  readonly seed: Locator;
  readonly seedError: Locator;
  readonly status: Locator;
  readonly events: Locator;
  readonly simTime: Locator;
  readonly rate: Locator;
  readonly errorBanner: Locator;
  readonly errorRestart: Locator;
  readonly livePanel: Locator;
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
    this.seed = id('controls.seed');
    this.seedError = id('controls.seedError');
    this.status = id('controls.status');
    this.events = id('status.events');
    this.simTime = id('status.simTime');
    this.rate = id('status.rate');
    this.errorBanner = id('error.banner');
    this.errorRestart = id('error.restart');
    this.livePanel = id('live.panel');
    this.liveSeed = id('live.seed');
    this.themeToggle = id('theme.toggle');
  }

  async open(url = './'): Promise<void> {
    await this.page.goto(url);
    await this.waitPaused();
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

  /** Waits until no request is in flight, then until the page shows the worker's last figures. */
  async settle(): Promise<LabSnapshot> {
    await expect.poll(async () => (await this.snapshot()).settled).toBe(true);
    const s = await this.snapshot();
    await expect(this.events).toHaveText(s.eventsProcessed.toLocaleString('en-US'));
    return s;
  }

  async shownEvents(): Promise<number> {
    return Number((await this.events.innerText()).replace(/,/g, ''));
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
