// Page object for the lab's views (architecture, sequence, inspector) and time bar:
// locators by dotted data-testid and readers over window.__offloadLabViews.
import { expect, type Locator, type Page } from '@playwright/test';
import type { ViewsTestApi } from '../../src/ui/views/test-api';
import { LabPage } from './lab-page';
import { longRunUrl } from './long-run';

export type ViewsState = ReturnType<ViewsTestApi['state']>;

export class ViewsPage extends LabPage {
  readonly start: Locator;
  readonly play: Locator;
  readonly pauseTime: Locator;
  readonly back: Locator;
  readonly stepEvent: Locator;
  readonly stepCrossing: Locator;
  readonly stepPacket: Locator;
  readonly scrubber: Locator;
  readonly now: Locator;
  readonly diagram: Locator;

  constructor(page: Page) {
    super(page);
    const id = (t: string) => page.getByTestId(t);
    this.start = id('controls.reset');
    this.play = id('controls.run');
    this.pauseTime = id('controls.pause');
    this.back = id('time.back');
    this.stepEvent = id('controls.step');
    this.stepCrossing = id('time.stepCrossing');
    this.stepPacket = id('time.stepPacket');
    this.scrubber = id('time.scrubber');
    this.now = id('time.now');
    this.diagram = id('diagram');
  }

  tab(name: 'architecture' | 'sequence' | 'inspector'): Locator {
    return this.page.getByTestId(`views.tab.${name}`);
  }

  layer(configuration: string, layer: string): Locator {
    return this.page.getByTestId(`diagram.${configuration}.layer.${layer}`);
  }

  /**
   * Opens the lab: the network model is the page's world, paused at time zero. By
   * default the scenario is the default one run for 10 simulated minutes, so that
   * `runFor` can never meet the end of the run however fast the machine is.
   */
  async openModel(url = longRunUrl()): Promise<void> {
    await this.open(url);
    await expect(this.diagram).toBeVisible();
    await this.waitPaused();
  }

  async state(): Promise<ViewsState> {
    return this.page.evaluate(() => window.__offloadLabViews!.state());
  }

  async tokensPassed(configuration: string): Promise<Record<string, number>> {
    return this.page.evaluate((c) => window.__offloadLabViews!.tokensPassed(c), configuration);
  }

  async marksShown(): Promise<ReturnType<ViewsTestApi['marksShown']>> {
    return this.page.evaluate(() => window.__offloadLabViews!.marksShown());
  }

  /** Waits until the worker has answered everything asked of it and the page has drawn it. */
  async settleViews(): Promise<ViewsState> {
    await expect.poll(async () => (await this.snapshot()).settled).toBe(true);
    await this.page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    return this.state();
  }

  /** Runs the model for `ms` of wall time at full speed, then pauses and settles. */
  async runFor(ms: number): Promise<ViewsState> {
    await this.play.click();
    await this.page.waitForTimeout(ms);
    await this.pauseTime.click();
    return this.settleViews();
  }
}
