import { describe, expect, it } from 'vitest';
import { LAYER, TRACE_KIND } from '../../../sim';
import { emptyTraceColumns } from '../../../worker';
import { TraceBuffer } from './trace-buffer';
import { activeTokens, aggregateTokens } from './tokens';

type Rec = [time: number, span: number, from: number, to: number, kind: number];

function buffer(recs: Rec[], capacity = 64): TraceBuffer {
  const c = emptyTraceColumns(recs.length);
  recs.forEach(([t, s, f, to, k], i) => {
    c.time[i] = t; c.span[i] = s; c.from[i] = f; c.to[i] = to; c.kind[i] = k; c.cycles[i] = 10; c.bytes[i] = 100;
  });
  const b = new TraceBuffer(capacity);
  b.append(c);
  return b;
}

const call = TRACE_KIND.call;
const seg = TRACE_KIND.segment;

describe('activeTokens', () => {
  it('puts each span in the layer its latest record at or before now crossed into', () => {
    const b = buffer([[10, 1, LAYER.app, LAYER.syscall, call], [20, 1, LAYER.syscall, LAYER.socket, call], [30, 1, LAYER.socket, LAYER.osm, call]]);
    expect(activeTokens(b, 25, 100)).toEqual([{ span: 1, key: 1, layer: LAYER.socket, from: LAYER.syscall, kind: call, time: 20, bytes: 100 }]);
    expect(activeTokens(b, 30, 100)[0]!.layer).toBe(LAYER.osm);
  });

  it('never shows a record later than now, and forgets spans quiet for longer than the window', () => {
    const b = buffer([[10, 1, LAYER.app, LAYER.syscall, call], [50, 2, LAYER.tcp, LAYER.ip, seg]]);
    expect(activeTokens(b, 5, 100)).toEqual([]);
    expect(activeTokens(b, 55, 10).map((t) => t.span)).toEqual([2]);
  });
});

describe('span 0', () => {
  it('makes every record without a journey a token of its own', () => {
    const b = buffer([[10, 0, LAYER.app, LAYER.syscall, call], [12, 0, LAYER.tcp, LAYER.ip, seg]]);
    const t = activeTokens(b, 20, 100);
    expect(t.map((x) => x.layer).sort()).toEqual([LAYER.syscall, LAYER.ip].sort());
    expect(new Set(t.map((x) => x.key)).size).toBe(2);
  });
});

describe('aggregateTokens', () => {
  it('keeps tokens individual up to the limit, each in its own slot of its layer', () => {
    const toks = [1, 2, 3].map((s) => ({ span: s, key: s, layer: LAYER.tcp, from: LAYER.inet, kind: seg, time: 0, bytes: 0 }));
    const marks = aggregateTokens(toks, 5);
    expect(marks.map((m) => [m.count, m.slot, m.label])).toEqual([[1, 0, null], [1, 1, null], [1, 2, null]]);
  });

  it('beyond the limit merges per layer and kind and says how many ("×37 segments")', () => {
    const toks = Array.from({ length: 37 }, (_, s) => ({ span: s + 1, key: s + 1, layer: LAYER.wire, from: LAYER.nic, kind: seg, time: 0, bytes: 0 }));
    toks.push({ span: 99, key: 99, layer: LAYER.osm, from: LAYER.socket, kind: call, time: 0, bytes: 0 });
    const marks = aggregateTokens(toks, 10);
    expect(marks).toHaveLength(2);
    expect(marks.find((m) => m.layer === LAYER.wire)!.label).toBe('×37 segments');
    expect(marks.find((m) => m.layer === LAYER.osm)!.label).toBe('×1 call');
    expect(marks.reduce((n, m) => n + m.count, 0)).toBe(38);
  });
});

describe('TraceBuffer', () => {
  it('counts the records that crossed into and out of each layer, and holds only the newest when full', () => {
    const b = buffer([[1, 1, LAYER.app, LAYER.syscall, call], [2, 1, LAYER.syscall, LAYER.socket, call], [3, 2, LAYER.app, LAYER.syscall, call]], 2);
    expect(b.intoCount[LAYER.syscall]).toBe(2);
    expect(b.intoBytes[LAYER.socket]).toBe(100);
    expect(b.outCount[LAYER.app]).toBe(2);
    // Each record keeps its own cycles (for the journey detail), the oldest overwritten.
    expect(b.cycles[b.indexOf(1)]).toBe(10);
    expect(b.size).toBe(2);
    expect(b.time[b.indexOf(0)]).toBe(2);
  });
});
