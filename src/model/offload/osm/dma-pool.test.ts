// The OSM's DMA pools: one block allocated when the pool is built, buffers
// at fixed bus addresses, dry pools refuse instead of growing, and a fault
// window withholds every buffer until it closes.
import { describe, expect, it } from 'vitest';
import { Simulator, millis } from '../../../sim';
import { DmaPool } from './dma-pool';

describe('DmaPool', () => {
  it('hands out every buffer once at a fixed address, then refuses until one comes back', () => {
    const sim = new Simulator({ seed: 1 });
    const pool = new DmaPool(sim, 'tx', 0x20000000, 4096, 3);
    const memory = pool.memory;
    const got = [pool.take(), pool.take(), pool.take()];
    console.log(`pool of 3: took ${got.join(', ')} at ${got.map((i) => `0x${pool.address(i).toString(16)}`).join(', ')}`);
    expect(new Set(got).size).toBe(3);
    expect(got.map((i) => pool.indexOf(pool.address(i)))).toEqual(got);
    expect(pool.take()).toBe(-1);
    expect(pool.dryTakes).toBe(1);
    pool.give(got[1]!);
    expect(pool.take()).toBe(got[1]);
    expect(pool.memory).toBe(memory);
    expect(pool.runtimeAllocations).toBe(0);
    expect(pool.indexOf(0x20000000 + 3 * 4096)).toBe(-1);
    expect(pool.indexOf(0x20000001)).toBe(-1);
  });

  it('withholds every buffer during a fault window and calls onRefill when it ends', () => {
    const sim = new Simulator({ seed: 1 });
    const pool = new DmaPool(sim, 'rx', 0x40000000, 4096, 4, [{ atNs: millis(1), forNs: millis(2) }]);
    let refills = 0;
    pool.onRefill = () => { refills += 1; };
    sim.runUntil(millis(1));
    expect(pool.available).toBe(0);
    expect(pool.take()).toBe(-1);
    sim.runUntil(millis(3));
    expect(refills).toBe(1);
    expect(pool.available).toBe(4);
    expect(pool.take()).toBeGreaterThanOrEqual(0);
  });
});
