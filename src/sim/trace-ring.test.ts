import { describe, expect, it } from 'vitest';
import { TraceRing } from './trace-ring';
import { LAYER, LAYERS, TRACE_KIND, TRACE_KINDS, layerId, layerName, traceKind, traceKindName } from './trace-vocab';
import type { Nanos } from './units';

const put = (r: TraceRing, t: number, span = t): void =>
  r.record(t as Nanos, span, LAYER.tcp, LAYER.ip, TRACE_KIND.segment, 1460, 2.5 * t, t % 3);

describe('TraceRing', () => {
  it('returns records oldest first with every field intact', () => {
    const r = new TraceRing(8);
    r.record(1000 as Nanos, 7, LAYER.osm, LAYER.i2o, TRACE_KIND['i2o-message'], 64, 1234.5, 2);
    put(r, 2000);
    expect(r.toArray()).toEqual([
      { time: 1000, span: 7, from: LAYER.osm, to: LAYER.i2o, kind: TRACE_KIND['i2o-message'], bytes: 64, cycles: 1234.5, processor: 2 },
      { time: 2000, span: 2000, from: LAYER.tcp, to: LAYER.ip, kind: TRACE_KIND.segment, bytes: 1460, cycles: 5000, processor: 2 },
    ]);
  });

  it('overwrites the oldest records when full and counts them', () => {
    const r = new TraceRing(4);
    for (let t = 1; t <= 10; t++) put(r, t);
    expect(r.size).toBe(4);
    expect(r.overwritten).toBe(6);
    expect(r.totalWritten).toBe(10);
    expect(r.toArray().map((x) => x.time)).toEqual([7, 8, 9, 10]);
    const seen: number[] = [];
    r.forEach((x, k) => seen.push(k, x.span));
    expect(seen).toEqual([0, 7, 1, 8, 2, 9, 3, 10]);
  });

  it('records nothing while disabled', () => {
    const r = new TraceRing(4);
    r.enabled = false;
    put(r, 1);
    expect(r.size).toBe(0);
    r.enabled = true;
    put(r, 2);
    expect(r.size).toBe(1);
  });

  it('hashes equal contents equally and any difference differently', () => {
    const a = new TraceRing(16);
    const b = new TraceRing(16);
    for (let t = 1; t <= 10; t++) {
      put(a, t);
      put(b, t);
    }
    expect(a.hash()).toBe(b.hash());
    expect(a.hash()).toMatch(/^[0-9a-f]{8}$/);
    const c = new TraceRing(16);
    for (let t = 1; t <= 10; t++) put(c, t, t === 5 ? 99 : t);
    expect(c.hash()).not.toBe(a.hash());
    put(a, 11);
    expect(a.hash()).not.toBe(b.hash());
  });

  it('clear() empties the ring', () => {
    const r = new TraceRing(2);
    for (let t = 1; t <= 5; t++) put(r, t);
    r.clear();
    expect([r.size, r.overwritten, r.toArray().length]).toEqual([0, 0, 0]);
    expect(r.hash()).toBe(new TraceRing(2).hash());
  });

  it('allocates its columns only when the first record is written', () => {
    const r = new TraceRing(1000);
    expect(r.time.length).toBe(0);
    r.enabled = false;
    put(r, 1);
    expect(r.time.length).toBe(0);
    r.enabled = true;
    put(r, 2);
    expect(r.time.length).toBe(1000);
    expect(r.toArray().map((x) => x.time)).toEqual([2]);
  });

  it('rejects a capacity that is not a positive integer', () => {
    expect(() => new TraceRing(0)).toThrow(RangeError);
    expect(() => new TraceRing(1.5)).toThrow(RangeError);
  });
});

describe('trace vocabulary', () => {
  it('maps every layer and kind name to its id and back', () => {
    expect(Object.keys(LAYER)).toEqual([...LAYERS]);
    expect(Object.keys(TRACE_KIND)).toEqual([...TRACE_KINDS]);
    LAYERS.forEach((name, i) => {
      expect(LAYER[name]).toBe(i);
      expect(layerId(name)).toBe(i);
      expect(layerName(i)).toBe(name);
    });
    TRACE_KINDS.forEach((name, i) => {
      expect(TRACE_KIND[name]).toBe(i);
      expect(traceKind(name)).toBe(i);
      expect(traceKindName(i)).toBe(name);
    });
    expect(layerName(200)).toBeUndefined();
    expect(traceKindName(-1)).toBeUndefined();
  });

  it('fits every id in the ring\'s 8-bit columns', () => {
    expect(LAYERS.length).toBeLessThan(256);
    expect(TRACE_KINDS.length).toBeLessThan(256);
  });
});

describe('trace spans', () => {
  it('hands out spans 1, 2, 3 per ring, not reset by clear()', () => {
    const t = new TraceRing(4);
    expect([t.nextSpan(), t.nextSpan()]).toEqual([1, 2]);
    t.clear();
    expect(t.nextSpan()).toBe(3);
    expect(new TraceRing(4).nextSpan()).toBe(1);
  });

  it('ties a span to an object until it is tagged again, and to a number until it is taken', () => {
    const t = new TraceRing(4);
    const buf = new Uint8Array(8);
    expect(t.tagOf(buf)).toBe(0);
    t.tag(buf, 7);
    expect(t.tagOf(buf)).toBe(7);
    expect(t.tagOf(new Uint8Array(8))).toBe(0);
    t.tag(buf, 9);
    expect(t.tagOf(buf)).toBe(9);
    t.tagKey(-5, 11);
    expect(t.keyTag(-5)).toBe(11);
    expect(t.takeKey(-5)).toBe(11);
    expect(t.takeKey(-5)).toBe(0);
    t.tagKey(3, 0);
    expect(t.keyTag(3)).toBe(0);
  });
});
