// The mapping from a processor's cost categories to the boxes of the architecture view
// is total and sound: every category of src/sim lands in exactly one box per
// (configuration, processor), that box is drawn in the configuration's column and paid by
// that processor, and boxes without a processor never receive cycles.
import { describe, expect, it } from 'vitest';
import { CATEGORIES, LAYERS, type Layer } from '../../../sim';
import { boxOfCategory, categoriesOfBox, CYCLE_TABLES, CYCLES_ELSEWHERE, processorKind, type ProcessorKind } from './cycle-map';
import { columnLayout, layerCpu } from './layout';

const SETS: readonly [configuration: string, processors: readonly ProcessorKind[]][] = [
  ['native', ['host']], ['stateless', ['host']], ['offload', ['host', 'iop']],
];

describe('the category-to-box mapping', () => {
  it('places every category exactly once in each table: either charged there or a counterpart of one never charged', () => {
    for (const [name, t] of Object.entries(CYCLE_TABLES)) {
      const own: Record<string, Layer> = t.own;
      const foreign: Record<string, Layer> = t.foreign;
      for (const c of CATEGORIES) {
        expect([own[c], foreign[c]].filter((x) => x !== undefined), `${name}: ${c}`).toHaveLength(1);
      }
      expect(Object.keys(own).length + Object.keys(foreign).length, name).toBe(CATEGORIES.length);
    }
  });

  it('sends every category to a box of the configuration\'s column that the same processor pays for', () => {
    for (const [cfg, kinds] of SETS) {
      const drawn = new Set(columnLayout(cfg, 800, 600).boxes.map((b) => b.layer));
      for (const kind of kinds) {
        for (const c of CATEGORIES) {
          const box = boxOfCategory(cfg, kind, c);
          expect(drawn.has(box), `${cfg} ${kind} ${c} -> ${box}`).toBe(true);
          expect(layerCpu(cfg, box), `${cfg} ${kind} ${c} -> ${box}`).toBe(kind);
        }
      }
    }
  });

  it('gives each box with a processor a category of its own, or says which box counts its work', () => {
    for (const [cfg, kinds] of SETS) {
      for (const b of columnLayout(cfg, 800, 600).boxes) {
        if (b.cpu === 'none') {
          for (const kind of kinds) for (const c of CATEGORIES) expect(boxOfCategory(cfg, kind, c)).not.toBe(b.layer);
          continue;
        }
        const own = categoriesOfBox(cfg, b.cpu, b.layer);
        const elsewhere = CYCLES_ELSEWHERE[b.layer];
        if (own.length > 0) continue;
        expect(elsewhere, `${cfg} ${b.layer}`).toBeDefined();
        expect(categoriesOfBox(cfg, b.cpu, elsewhere!.box).length, `${cfg} ${b.layer} -> ${elsewhere!.box}`).toBeGreaterThan(0);
      }
    }
  });

  it('puts the protocol work where the article says it runs: the host\'s tcp and ip boxes in native, the ISM on the card', () => {
    expect(categoriesOfBox('native', 'host', 'tcp')).toEqual(['checksum', 'tcp']);
    expect(categoriesOfBox('native', 'host', 'ip')).toEqual(['ip']);
    expect(categoriesOfBox('native', 'host', 'socket')).toEqual(['socket', 'copy']);
    expect(categoriesOfBox('native', 'host', 'netdev')).toEqual(['driver', 'irq', 'softirq', 'mmio', 'dma-setup']);
    expect(categoriesOfBox('offload', 'iop', 'ism')).toEqual(['checksum', 'tcp', 'udp', 'ip', 'dma-setup', 'ism']);
    expect(categoriesOfBox('offload', 'host', 'osm')).toEqual(['copy', 'osm']);
    expect(categoriesOfBox('offload', 'host', 'i2o')).toEqual(['irq', 'i2o', 'mmio']);
    expect(categoriesOfBox('offload', 'iop', 'irtos')).toEqual(['i2o', 'rtos']);
    expect(categoriesOfBox('offload', 'iop', 'hdm')).toEqual(['hdm']);
    // Every layer name the mapping uses is a trace layer.
    for (const [cfg, kinds] of SETS) for (const k of kinds) for (const c of CATEGORIES) expect(LAYERS).toContain(boxOfCategory(cfg, k, c));
  });

  it('tells the card\'s processor from the host\'s cores by the figures\' names', () => {
    expect(processorKind('offload:iop')).toBe('iop');
    expect(processorKind('offload:cpu0')).toBe('host');
    expect(processorKind('native:cpu3')).toBe('host');
  });
});
