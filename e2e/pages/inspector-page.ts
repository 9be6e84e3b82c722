// Page object for the inspector's list (src/ui/inspector): its rows, the follow-newest
// strip under it, the eviction note above it, and readers of where the list stands that
// look at what a person sees (which rows are inside the list's box), not at scroll offsets.
import { expect, type Locator, type Page } from '@playwright/test';

export class InspectorPage {
  readonly list: Locator;
  readonly rows: Locator;
  readonly follow: Locator;
  readonly jump: Locator;
  readonly evicted: Locator;
  readonly selectionMissing: Locator;
  readonly tree: Locator;
  readonly download: Locator;

  constructor(readonly page: Page) {
    const id = (t: string) => page.getByTestId(t);
    this.list = id('inspector.list');
    this.rows = id('inspector.row');
    this.follow = id('inspector.follow');
    this.jump = id('inspector.jumpNewest');
    this.evicted = id('inspector.evicted');
    this.selectionMissing = id('inspector.selectionMissing');
    this.tree = id('inspector.tree');
    this.download = id('inspector.download');
  }

  /** The row at 1-based position `pos` of the whole list (rendered only near the view). */
  row(pos: number): Locator {
    return this.page.locator(`[data-testid="inspector.row"][aria-posinset="${pos}"]`);
  }

  /** How many rows the list has (aria-setsize), 0 when none is rendered. */
  async setSize(): Promise<number> {
    return this.list.evaluate((el) => Number(el.querySelector('[role="option"]')?.getAttribute('aria-setsize') ?? 0));
  }

  /**
   * Waits until the list shows every frame the page holds (the inspector redraws at its own
   * pace), and returns that count. Only where every world stands at the run's clock (a run
   * played to its end, a seek, a step): paused mid-run, a world a slice ahead holds frames
   * past the clock that the list does not show yet.
   */
  async showsAllHeld(): Promise<number> {
    const held = await this.page.evaluate(() => Object.values(window.__offloadLabViews!.state().framesHeld).reduce((a, b) => a + b, 0));
    await expect.poll(() => this.setSize()).toBe(held);
    return held;
  }

  /** Waits until the list stops changing (a redraw the pacing held back has landed). */
  async quiet(): Promise<void> {
    await expect.poll(async () => {
      const a = await this.setSize();
      await this.page.evaluate(() => new Promise((r) => setTimeout(r, 400)));
      return a > 0 && a === await this.setSize();
    }).toBe(true);
  }

  /** Positions (aria-posinset) of the rows wholly inside the list's box, top to bottom. */
  async visiblePositions(): Promise<number[]> {
    return this.list.evaluate((el) => {
      const box = el.getBoundingClientRect();
      return [...el.querySelectorAll('[role="option"]')]
        .filter((r) => { const b = r.getBoundingClientRect(); return b.top >= box.top - 1 && b.bottom <= box.bottom + 1; })
        .map((r) => Number(r.getAttribute('aria-posinset')))
        .sort((a, b) => a - b);
    });
  }

  /** Whether the newest frame (the last row) is in view. */
  async atNewest(): Promise<boolean> {
    const size = await this.setSize();
    return size > 0 && (await this.visiblePositions()).includes(size);
  }
}
