// An analytic sum of a path's cycles, by operation and by category. Used to check
// the calibration of the tables (native-calibration.test.ts) and by the LAWS
// companion to derive its inputs; the simulated machine charges the same tables
// event by event, so the two can be compared.

import type { Category } from '../../sim';
import { opCycles, type ResolvedOp } from './op-cost';

export interface PathSum {
  /** Cycles per unit (per segment, per byte: whatever the producer states). */
  readonly total: number;
  readonly byCategory: Readonly<Partial<Record<Category, number>>>;
  readonly byOp: Readonly<Record<string, number>>;
}

export class PathAccumulator {
  private readonly cat: Partial<Record<Category, number>> = {};
  private readonly ops: Record<string, number> = {};
  private sum = 0;

  /** `count` executions of `op`, each touching `bytes` bytes. */
  add(name: string, op: ResolvedOp, count: number, bytes = 0): this {
    return this.raw(name, op.category, count * opCycles(op, bytes));
  }

  /** Cycles not tied to an operation (an MMIO stall). */
  raw(name: string, category: Category, cycles: number): this {
    if (cycles === 0) return this;
    this.sum += cycles;
    this.cat[category] = (this.cat[category] ?? 0) + cycles;
    this.ops[name] = (this.ops[name] ?? 0) + cycles;
    return this;
  }

  result(): PathSum {
    return { total: this.sum, byCategory: { ...this.cat }, byOp: { ...this.ops } };
  }
}

/** The same sum divided by `d` (per segment to per byte, say). */
export function scalePathSum(s: PathSum, factor: number): PathSum {
  const byCategory: Partial<Record<Category, number>> = {};
  for (const [k, v] of Object.entries(s.byCategory) as [Category, number][]) byCategory[k] = v * factor;
  const byOp: Record<string, number> = {};
  for (const [k, v] of Object.entries(s.byOp)) byOp[k] = v * factor;
  return { total: s.total * factor, byCategory, byOp };
}

/** Share of the total charged to the given categories. */
export function categoryShare(s: PathSum, cats: readonly Category[]): number {
  if (s.total === 0) return 0;
  let x = 0;
  for (const c of cats) x += s.byCategory[c] ?? 0;
  return x / s.total;
}
