// The cycles of each box of one configuration's column, read from the processors' own
// accounting in the worker's figures (src/sim Processor.cyclesByCategory, as
// scenario-world.ts forwards it on every reply): the figures the CPU charts stack by
// category, at the instant shown, so they follow step, back, seek and rewind with them.
//
// Contract: `columnCycles(figures, categories, configuration)` sums, per box, the cycles
// of the categories cycle-map.ts maps to it over every processor of that kind in the
// configuration (all host cores; the IOP). Every category maps to exactly one box, so
// the boxes of a processor kind add up to that kind's cycles by category, which are the
// processors' totals (Processor keeps them equal). Nothing is estimated here, and the
// trace's per-record cycles play no part.
import { CATEGORIES, isCategory, type Category, type Layer } from '../../../sim';
import type { WorldFigures } from '../../../worker';
import type { ViewFeed } from '../feed/view-feed';
import { boxOfCategory, processorKind, type ProcessorKind } from './cycle-map';

export interface CyclePart {
  readonly category: Category;
  readonly cycles: number;
}

export interface BoxCycles {
  readonly processor: ProcessorKind;
  readonly cycles: number;
  /** The categories counted in the box with cycles charged, most first. */
  readonly parts: readonly CyclePart[];
}

export interface ColumnCycles {
  /** Per box paid by a processor: its cycles. Boxes without a processor are absent. */
  readonly boxes: ReadonlyMap<Layer, BoxCycles>;
  /** Per processor kind present: the processors' own total cycles (the model's figure). */
  readonly totals: ReadonlyMap<ProcessorKind, number>;
}

interface Acc { processor: ProcessorKind; cycles: number; byCategory: Map<Category, number> }

export function columnCycles(figures: WorldFigures | null, categories: readonly string[], configuration: string): ColumnCycles {
  const acc = new Map<Layer, Acc>();
  const totals = new Map<ProcessorKind, number>();
  for (const p of figures?.processors ?? []) {
    if (!p.name.startsWith(`${configuration}:`)) continue;
    const kind = processorKind(p.name);
    totals.set(kind, (totals.get(kind) ?? 0) + p.totalCycles);
    p.cyclesByCategory.forEach((c, i) => {
      const name = categories[i];
      if (name === undefined || !isCategory(name)) return;
      const layer = boxOfCategory(configuration, kind, name);
      let a = acc.get(layer);
      if (!a) {
        a = { processor: kind, cycles: 0, byCategory: new Map() };
        acc.set(layer, a);
      }
      a.cycles += c;
      a.byCategory.set(name, (a.byCategory.get(name) ?? 0) + c);
    });
  }
  const boxes = new Map<Layer, BoxCycles>();
  for (const [layer, a] of acc) {
    const parts = [...a.byCategory].filter(([, c]) => c > 0).map(([category, cycles]) => ({ category, cycles }))
      .sort((x, y) => y.cycles - x.cycles);
    boxes.set(layer, { processor: a.processor, cycles: a.cycles, parts });
  }
  return { boxes, totals };
}

/** The column's box cycles from the views' feed: its latest figures, with the run's category names (the sim's list until the run announces its own). */
export function feedColumnCycles(feed: ViewFeed, configuration: string): ColumnCycles {
  return columnCycles(feed.figures, feed.info?.categories ?? CATEGORIES, configuration);
}
