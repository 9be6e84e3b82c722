import { describe, expect, it } from 'vitest';
import { columnLayout } from './layout';
import { LAYER_INFO } from './layer-info';

describe('columnLayout', () => {
  it('draws the offload path of DESIGN.md 1.2 with the OSM subsystems and the DDM halves, bus between host and card', () => {
    const l = columnLayout('offload', 360, 560);
    const order = l.boxes.map((b) => b.layer);
    for (const x of ['app', 'syscall', 'socket', 'osm', 'i2o', 'pci', 'irtos', 'ism', 'hdm', 'nic', 'wire', 'peer']) expect(order).toContain(x);
    expect(l.boxes.find((b) => b.layer === 'osm')!.parts).toHaveLength(4);
    const y = (n: string) => l.boxes.find((b) => b.layer === n)!.y;
    expect(y('osm')).toBeLessThan(y('i2o'));
    expect(y('i2o')).toBeLessThan(l.boundaryY);
    expect(y('irtos')).toBeGreaterThan(l.boundaryY);
    expect(l.boxes.find((b) => b.layer === 'ism')!.cpu).toBe('iop');
  });

  it('keeps the native stack on the host and its boxes inside the column without overlap', () => {
    const l = columnLayout('native', 300, 560);
    expect(l.boxes.filter((b) => b.cpu === 'iop')).toEqual([]);
    const sorted = [...l.boxes].sort((a, b) => a.y - b.y || a.x - b.x);
    for (let i = 1; i < sorted.length; i++) {
      const a = sorted[i - 1]!;
      const b = sorted[i]!;
      if (a.y === b.y) expect(a.x + a.w).toBeLessThanOrEqual(b.x);
      else expect(a.y + a.h).toBeLessThanOrEqual(b.y);
    }
    for (const b of l.boxes) expect(b.y + b.h).toBeLessThanOrEqual(560);
  });

  it('has words for every layer a box can show', () => {
    for (const c of ['native', 'offload']) for (const b of columnLayout(c, 300, 560).boxes) expect(LAYER_INFO[b.layer].what.length).toBeGreaterThan(20);
  });
});
