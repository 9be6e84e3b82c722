import { describe, expect, it } from 'vitest';
import type { RunStreamInfo } from '../model-data';
import { MetricFeed } from './metric-feed';
import { SampleRing } from './sample-ring';

const info = (runId: string): RunStreamInfo => ({
  runId, configuration: 'native', label: runId, sampleIntervalNanos: 1e6,
  channels: [{ key: 'goodput.goodput', chart: 'goodput', label: 'goodput', unit: 'Mb/s' }, { key: 'interrupts.host', chart: 'interrupts', label: 'host', unit: '/s' }],
});

describe('sample ring', () => {
  it('returns samples in time order and overwrites the oldest when full', () => {
    const r = new SampleRing(2, 3);
    for (let i = 0; i < 5; i++) r.push(i, [i * 10, i * 100]);
    const s = r.snapshot();
    expect(Array.from(s.t)).toEqual([2, 3, 4]);
    expect(Array.from(s.cols[0]!)).toEqual([20, 30, 40]);
    expect(Array.from(s.cols[1]!)).toEqual([200, 300, 400]);
    expect(r.size).toBe(3);
  });

  it('takes a batch laid out per channel and counts one write for it', () => {
    const r = new SampleRing(2, 8);
    r.pushBatch({ runId: 'x', tNanos: [1, 2], values: [[5, 6], [7]] });
    const s = r.snapshot();
    expect(Array.from(s.cols[1]!)).toEqual([7, Number.NaN]);
    expect(r.version).toBe(1);
  });
});

describe('metric feed', () => {
  it('keeps runs in announcement order and ignores data for runs it does not know', () => {
    const f = new MetricFeed(16);
    f.announce(info('native'));
    f.announce(info('offload'));
    f.append({ runId: 'ghost', tNanos: [1], values: [[1], [1]] });
    f.annotate([{ runId: 'ghost', tNanos: 1, kind: 'loss', text: '' }]);
    expect(f.runs.map((r) => r.info.runId)).toEqual(['native', 'offload']);
    expect(f.annotations).toHaveLength(0);
  });

  it('moves its version and tells listeners on every change', () => {
    const f = new MetricFeed(16);
    let calls = 0;
    f.subscribe(() => { calls += 1; });
    f.announce(info('native'));
    const v0 = f.version;
    f.append({ runId: 'native', tNanos: [1, 2], values: [[1, 2], [3, 4]] });
    expect(f.version).toBeGreaterThan(v0);
    expect(calls).toBe(2);
    f.reset();
    expect(f.runs).toHaveLength(0);
  });

  it('re-announcing a run starts its ring afresh and drops its old annotations and summary', () => {
    const f = new MetricFeed(16);
    f.announce(info('native'));
    f.append({ runId: 'native', tNanos: [1], values: [[1], [1]] });
    f.annotate([{ runId: 'native', tNanos: 1, kind: 'rto', text: 'x' }]);
    f.announce(info('native'));
    expect(f.run('native')!.ring.size).toBe(0);
    expect(f.annotations).toHaveLength(0);
  });
});
