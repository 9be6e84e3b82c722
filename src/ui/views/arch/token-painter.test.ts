// The painter eases a token from the box it came from to the box it is in, and asks for
// more frames while it moves; with reduced motion (stepwise) the token jumps and no frame
// loop is requested, so no continuous animation runs.
import { describe, expect, it } from 'vitest';
import { LAYER, TRACE_KIND } from '../../../sim';
import { emptyTraceColumns } from '../../../worker';
import { ViewFeed } from '../feed/view-feed';
import { columnLayout } from './layout';
import { TokenPainter } from './token-painter';

function fakeContext(): CanvasRenderingContext2D {
  const noop = () => undefined;
  const target = { canvas: { width: 800, height: 600 } } as Record<string, unknown>;
  return new Proxy(target, {
    get: (t, k) => (k in t ? t[k as string] : noop),
    set: (t, k, v) => { t[k as string] = v; return true; },
  }) as unknown as CanvasRenderingContext2D;
}

function feedWithOneCall(): ViewFeed {
  const feed = new ViewFeed();
  const c = emptyTraceColumns(2);
  const recs: [number, number, number, number][] = [[10, LAYER.app, LAYER.syscall, 7], [20, LAYER.syscall, LAYER.socket, 7]];
  recs.forEach(([t, f, to, span], i) => {
    c.time[i] = t; c.span[i] = span; c.from[i] = f; c.to[i] = to; c.kind[i] = TRACE_KIND.call; c.cycles[i] = 10; c.bytes[i] = 0;
  });
  feed.listener.stream!({ reset: true, worlds: [{ configuration: 'native', trace: c, traceDropped: 0, framesDropped: 0, frames: [], summary: null }] } as never);
  return feed;
}

describe('TokenPainter', () => {
  const columns = [{ layout: columnLayout('native', 400, 600), x: 0 }];

  it('eases a token between layers and asks for more frames while it moves', () => {
    const r = new TokenPainter().paint(fakeContext(), feedWithOneCall(), columns, 25, 1_000, 0);
    expect(r.marks.native?.length).toBe(1);
    expect(r.moving).toBe(true);
  });

  it('with reduced motion puts the token straight in its layer and requests no frame loop', () => {
    const r = new TokenPainter().paint(fakeContext(), feedWithOneCall(), columns, 25, 1_000, 0, null, true);
    expect(r.marks.native?.length).toBe(1);
    expect(r.moving).toBe(false);
  });
});

describe('TokenPainter between replies', () => {
  const columns = [{ layout: columnLayout('native', 400, 600), x: 0 }];

  it('draws the same tokens again while the trace and the instant stay, and new ones once the trace grows', () => {
    const feed = feedWithOneCall();
    const p = new TokenPainter();
    const a = p.paint(fakeContext(), feed, columns, 25, 1_000, 0);
    const b = p.paint(fakeContext(), feed, columns, 25, 1_000, 16);
    expect(b.marks.native).toEqual(a.marks.native);
    const c = emptyTraceColumns(1);
    c.time[0] = 24; c.span[0] = 8; c.from[0] = LAYER.app; c.to[0] = LAYER.syscall; c.kind[0] = TRACE_KIND.call;
    feed.listener.stream!({ reset: false, worlds: [{ configuration: 'native', trace: c, traceDropped: 0, framesDropped: 0, frames: [], summary: null }] } as never);
    const d = p.paint(fakeContext(), feed, columns, 25, 1_000, 32);
    expect(d.marks.native?.map((m) => m.span).sort()).toEqual([7, 8]);
  });
});
