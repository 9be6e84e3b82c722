// On a real run of the 2002-gigabit preset (native beside offload, in the worker's world
// as the page runs it), the boxes' cycles are the processors' own accounting: each
// processor's boxes add up to its total busy cycles, the protocol work sits in the tcp
// box (native) and the ISM box (offload), and after a seek back the boxes show what
// they showed at that position.
import { beforeAll, describe, expect, it } from 'vitest';
import { CATEGORIES, categoryIndex, type Category } from '../../../sim';
import { createScenarioLabWorld, ScenarioLabWorld, type WorldFigures } from '../../../worker';
import { columnCycles, type ColumnCycles } from './box-cycles';
import { processorKind, type ProcessorKind } from './cycle-map';

function world(): ScenarioLabWorld {
  const w = createScenarioLabWorld({ kind: 'scenario', seed: 1, preset: '2002-gigabit', configurations: ['native', 'offload'] });
  if (!(w instanceof ScenarioLabWorld)) throw new Error(JSON.stringify(w));
  return w;
}

/** The model's own figure for a configuration's processors of one kind. */
function modelTotal(f: WorldFigures, cfg: string, kind: ProcessorKind): number {
  return f.processors.filter((p) => p.name.startsWith(`${cfg}:`) && processorKind(p.name) === kind).reduce((n, p) => n + p.totalCycles, 0);
}

function categoryCycles(f: WorldFigures, cfg: string, kind: ProcessorKind, cats: readonly Category[]): number {
  return f.processors.filter((p) => p.name.startsWith(`${cfg}:`) && processorKind(p.name) === kind)
    .reduce((n, p) => n + cats.reduce((m, c) => m + p.cyclesByCategory[categoryIndex(c)]!, 0), 0);
}

function boxSum(c: ColumnCycles, kind: ProcessorKind): number {
  return [...c.boxes.values()].filter((b) => b.processor === kind).reduce((n, b) => n + b.cycles, 0);
}

const cycles = (c: ColumnCycles, layer: Parameters<ColumnCycles['boxes']['get']>[0]) => c.boxes.get(layer)?.cycles ?? 0;

describe('box cycles on a real 2002-gigabit run', () => {
  let w: ScenarioLabWorld;
  let f: WorldFigures;
  let native: ColumnCycles;
  let offload: ColumnCycles;
  beforeAll(() => {
    w = world();
    w.runFor({ maxEvents: 60_000 });
    f = w.figures();
    native = columnCycles(f, w.info.categories, 'native');
    offload = columnCycles(f, w.info.categories, 'offload');
  });

  it('add up, per processor, to the processor\'s total busy cycles', () => {
    const cases: [string, ColumnCycles, ProcessorKind][] = [['native', native, 'host'], ['offload', offload, 'host'], ['offload', offload, 'iop']];
    for (const [cfg, col, kind] of cases) {
      const total = modelTotal(f, cfg, kind);
      expect(total, `${cfg} ${kind}`).toBeGreaterThan(1e6);
      expect(boxSum(col, kind), `${cfg} ${kind}`).toBeCloseTo(total, 0);
      expect(col.totals.get(kind)).toBe(total);
    }
    expect(native.totals.has('iop')).toBe(false);
  });

  it('hold TCP\'s work in the native tcp box and the card\'s TCP and IP in the ISM box', () => {
    expect(cycles(native, 'tcp')).toBe(categoryCycles(f, 'native', 'host', ['tcp', 'checksum']));
    expect(cycles(native, 'tcp')).toBeGreaterThan(cycles(native, 'ip'));
    expect(cycles(native, 'ip')).toBe(categoryCycles(f, 'native', 'host', ['ip']));
    const ism = categoryCycles(f, 'offload', 'iop', ['ism', 'tcp', 'udp', 'ip', 'checksum', 'dma-setup']);
    expect(cycles(offload, 'ism')).toBe(ism);
    expect(cycles(offload, 'ism')).toBeGreaterThanOrEqual(categoryCycles(f, 'offload', 'iop', ['tcp', 'ip']));
    expect(offload.boxes.get('ism')!.parts.map((p) => p.category)).toEqual(expect.arrayContaining(['tcp', 'ip']));
    // No protocol work on the offload host, none on boxes without a processor.
    expect(categoryCycles(f, 'offload', 'host', ['tcp', 'ip'])).toBe(0);
    for (const l of ['nic', 'wire', 'pci', 'peer'] as const) expect(native.boxes.has(l) || offload.boxes.has(l)).toBe(false);
  });

  it('list the categories that make up a box, most first, summing to the box', () => {
    for (const col of [native, offload]) {
      for (const [layer, b] of col.boxes) {
        expect(b.parts.reduce((n, p) => n + p.cycles, 0), layer).toBeCloseTo(b.cycles, 6);
        for (let i = 1; i < b.parts.length; i++) expect(b.parts[i - 1]!.cycles).toBeGreaterThanOrEqual(b.parts[i]!.cycles);
      }
    }
    expect(CATEGORIES.length).toBe(w.info.categories.length);
  });

  it('show after a seek back exactly what they showed at that position', () => {
    const v = world();
    v.runFor({ maxEvents: 20_000 });
    const at = v.figures();
    const before = columnCycles(at, v.info.categories, 'offload');
    v.runFor({ maxEvents: 20_000 });
    expect(boxSum(columnCycles(v.figures(), v.info.categories, 'offload'), 'iop')).toBeGreaterThan(boxSum(before, 'iop'));
    expect(v.seek({ kind: 'position', worlds: at.worlds!.map((x) => x.position) })).toBeNull();
    expect(columnCycles(v.figures(), v.info.categories, 'offload')).toEqual(before);
  });
});
