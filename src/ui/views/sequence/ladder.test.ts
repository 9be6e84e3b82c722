import { describe, expect, it } from 'vitest';
import { LAYER, TRACE_KIND } from '../../../sim';
import { emptyTraceColumns } from '../../../worker';
import { TraceBuffer } from '../feed/trace-buffer';
import { ladderItems, lanesFor } from './ladder';

describe('ladderItems', () => {
  it('keeps the crossings in the window between lanes of the configuration, oldest first', () => {
    const c = emptyTraceColumns(4);
    const recs = [[5, LAYER.app, LAYER.syscall], [10, LAYER.socket, LAYER.osm], [20, LAYER.tcp, LAYER.inet], [30, LAYER.osm, LAYER.i2o]];
    recs.forEach(([t, f, to], i) => { c.time[i] = t!; c.from[i] = f!; c.to[i] = to!; c.kind[i] = TRACE_KIND.call; c.span[i] = i; });
    const b = new TraceBuffer(16);
    b.append(c);
    const items = ladderItems(b, lanesFor('offload'), 8, 30);
    // inet is not an offload lane: that record is left out.
    expect(items.map((x) => x.time)).toEqual([10, 30]);
    const lanes = lanesFor('offload');
    expect([lanes[items[0]!.fromLane], lanes[items[0]!.toLane]]).toEqual(['socket', 'osm']);
  });
});
