// SeriesTable: columns of one length that grow, views without copies, and
// slices from a row for shipping only what is new.
import { describe, expect, it } from 'vitest';
import { SeriesTable } from './series';

describe('SeriesTable', () => {
  it('grows past its capacity and keeps every row', () => {
    const t = new SeriesTable(['t', 'x'], 2);
    for (let i = 0; i < 100; i++) {
      const r = t.addRow();
      t.set(r, t.column('t'), i);
      t.set(r, t.column('x'), i * i);
    }
    expect(t.length).toBe(100);
    expect(t.get('x')[99]).toBe(9801);
    expect(t.get('t').length).toBe(100);
  });

  it('leaves unset cells NaN and slices from a row', () => {
    const t = new SeriesTable(['a', 'b']);
    for (let i = 0; i < 5; i++) t.set(t.addRow(), 0, i);
    expect(t.get('b')[0]).toBeNaN();
    const s = t.slice(3);
    expect(Array.from(s.a!)).toEqual([3, 4]);
    expect(t.get('nope').length).toBe(0);
    expect(t.column('nope')).toBe(-1);
  });
});
