import { describe, expect, it } from 'vitest';
import { shareByArea, shareByFunction } from './profile';

const node = (id: number, functionName: string, url: string) => ({ id, callFrame: { functionName, url } });

describe('bench profile areas', () => {
  it('sums non-idle samples by the most specific source area, with GC and everything else apart', () => {
    const p = {
      nodes: [
        node(1, '(idle)', ''), node(2, 'emit', 'file:///x/src/net/tcp/output.ts'), node(3, 'push', 'file:///x/src/sim/event-queue.ts'),
        node(4, '(garbage collector)', ''), node(5, 'fill', 'file:///x/src/net/payload.ts'), node(6, 'parse', 'node:internal/x'),
      ],
      samples: [1, 1, 1, 2, 2, 2, 2, 3, 3, 4, 5, 6],
    };
    const shares = shareByArea(p);
    expect(shares.map((s) => s.area)).toEqual(['src/net/tcp', 'src/sim', expect.any(String), expect.any(String), expect.any(String)]);
    const by = Object.fromEntries(shares.map((s) => [s.area, s.share]));
    expect(by['src/net/tcp']).toBeCloseTo(4 / 9);
    expect(by['src/sim']).toBeCloseTo(2 / 9);
    expect(by['garbage collector']).toBeCloseTo(1 / 9);
    expect(by['src/net/payload']).toBeCloseTo(1 / 9);
    expect(by.other).toBeCloseTo(1 / 9);
  });

  it('sums self time per function across its nodes, naming the file from src/ on and leaving idle out', () => {
    const p = {
      nodes: [
        node(1, '(idle)', ''), node(2, 'emit', 'file:///x/src/net/tcp/output.ts'), node(3, 'emit', 'file:///x/src/net/tcp/output.ts'),
        node(4, '', 'file:///x/src/sim/event-queue.ts'), node(5, '(garbage collector)', ''),
      ],
      samples: [1, 1, 2, 3, 3, 4, 5],
    };
    expect(shareByFunction(p)).toEqual([
      { fn: 'emit src/net/tcp/output.ts', share: 3 / 5 },
      { fn: '(anonymous) src/sim/event-queue.ts', share: 1 / 5 },
      { fn: '(garbage collector)', share: 1 / 5 },
    ]);
  });
});
