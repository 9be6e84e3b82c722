// The cost of one operation on one processor: fixed cycles, cycles per byte touched,
// and a number of cache misses whose penalty is paid in nanoseconds of memory
// latency (so it costs more cycles on a faster clock; Foong et al. and Freimuth et
// al. observed that throughput scales with the clock well below ideal, which is what
// a constant-latency miss term produces).
//
// cycles(op, bytes) = fixed + perByte * bytes + misses * missNs * clockGHz

import { categoryIndex, type Category, type ChargeList } from '../../sim';
import { param, type Param } from './param';
import type { Source } from './source';

export interface OpCost {
  /** The cycle category every cycle of this operation is charged to (DESIGN.md 1.4). */
  readonly category: Category;
  readonly description: string;
  readonly fixedCycles: Param;
  readonly cyclesPerByte: Param;
  /** Cache misses per operation; each costs the table's miss latency. */
  readonly cacheMisses: Param;
}

/** Accepted ranges: generous enough for any plausible machine, tight enough to catch unit slips. */
export const FIXED_CYCLES_RANGE = { min: 0, max: 1_000_000 } as const;
export const CYCLES_PER_BYTE_RANGE = { min: 0, max: 100 } as const;
export const CACHE_MISSES_RANGE = { min: 0, max: 1_000 } as const;

export function op(
  category: Category,
  description: string,
  source: Source,
  fixed: number,
  perByte = 0,
  misses = 0,
): OpCost {
  return {
    category,
    description,
    fixedCycles: param(fixed, 'cycles', FIXED_CYCLES_RANGE, source, `${description}: fixed cycles per operation`),
    cyclesPerByte: param(perByte, 'cycles/B', CYCLES_PER_BYTE_RANGE, source, `${description}: cycles per byte touched`),
    cacheMisses: param(misses, 'misses', CACHE_MISSES_RANGE, source, `${description}: cache misses per operation`),
  };
}

/** A resolved operation: plain numbers for hot paths, misses folded into `fixed`. */
export interface ResolvedOp {
  readonly category: Category;
  /** categoryIndex(category), precomputed for ChargeList.addIndex on hot paths. */
  readonly categoryIndex: number;
  /** fixedCycles + cacheMisses * missNs * clock, in cycles. */
  readonly fixed: number;
  readonly perByte: number;
}

export function resolveOp(o: OpCost, missNs: number, clockHz: number): ResolvedOp {
  return {
    category: o.category,
    categoryIndex: categoryIndex(o.category),
    fixed: o.fixedCycles.value + o.cacheMisses.value * missNs * (clockHz / 1e9),
    perByte: o.cyclesPerByte.value,
  };
}

/** Cycles of one operation touching `bytes` bytes. */
export function opCycles(o: ResolvedOp, bytes = 0): number {
  return o.fixed + o.perByte * bytes;
}

/** Charge `count` executions of `op` touching `bytes` bytes each to a job's charge list. */
export function chargeOp(list: ChargeList, o: ResolvedOp, bytes = 0, count = 1): ChargeList {
  return list.addIndex(o.categoryIndex, count * (o.fixed + o.perByte * bytes));
}
