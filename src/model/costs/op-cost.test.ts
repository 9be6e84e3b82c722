import { describe, expect, it } from 'vitest';
import { ChargeList } from '../../sim';
import { chargeOp, op, opCycles, resolveOp } from './op-cost';
import { estimate } from './source';

describe('operation costs', () => {
  const o = op('copy', 'a copy', estimate('test figure'), 200, 0.8, 2);

  it('fold cache misses into the fixed part at the clock they are resolved for', () => {
    // 2 misses x 110 ns x 2.4 GHz = 528 cycles.
    const r = resolveOp(o, 110, 2.4e9);
    expect(r.fixed).toBeCloseTo(728, 9);
    expect(opCycles(r, 1460)).toBeCloseTo(728 + 0.8 * 1460, 9);
    // The same misses cost more cycles on a faster clock.
    expect(resolveOp(o, 110, 3.6e9).fixed).toBeCloseTo(200 + 2 * 110 * 3.6, 9);
  });

  it('charge a job\'s list in the operation\'s category', () => {
    const list = new ChargeList();
    chargeOp(list, resolveOp(o, 0, 1e9), 100, 3);
    expect(list.total).toBeCloseTo(3 * (200 + 80), 9);
  });
});
