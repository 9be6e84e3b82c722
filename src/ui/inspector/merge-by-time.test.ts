import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { FeedFrame } from '../views/feed/view-feed';
import { mergeByTime } from './packet-rows';

const frame = (configuration: string, no: number, t: number): FeedFrame =>
  ({ no, t, source: 'server->peer', bytes: new Uint8Array(0), configuration }) as FeedFrame;

describe('mergeByTime', () => {
  it('interleaves the configurations by time, then frame number, keeping every frame once', () => {
    const native = [frame('native', 0, 10), frame('native', 1, 30)];
    const offload = [frame('offload', 0, 10), frame('offload', 1, 20)];
    const out = mergeByTime([native, offload]).map((f) => `${f.configuration}:${f.no}@${f.t}`);
    expect(out).toEqual(['native:0@10', 'offload:0@10', 'offload:1@20', 'native:1@30']);
  });

  it('orders a list that arrived out of order', () => {
    const out = mergeByTime([[frame('native', 1, 50), frame('native', 0, 5)]]).map((f) => f.no);
    expect(out).toEqual([0, 1]);
  });

  it('gives the same order as sorting everything', () => {
    fc.assert(fc.property(fc.array(fc.array(fc.integer({ min: 0, max: 50 }), { maxLength: 30 }), { maxLength: 3 }), (ts) => {
      const lists = ts.map((l, k) => [...l].sort((a, b) => a - b).map((t, i) => frame(`c${k}`, i, t)));
      const merged = mergeByTime(lists);
      const sorted = lists.flat().sort((a, b) => a.t - b.t || a.no - b.no);
      expect(merged.map((f) => [f.t, f.no])).toEqual(sorted.map((f) => [f.t, f.no]));
      expect(merged.length).toBe(lists.flat().length);
    }));
  });
});
