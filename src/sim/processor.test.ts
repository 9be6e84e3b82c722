import { describe, expect, it } from 'vitest';
import { CATEGORIES, categoryIndex } from './category';
import { ChargeList } from './charge-list';
import type { EventHandler } from './event-handler';
import { Priority } from './priority';
import { Processor } from './processor';
import { Simulator } from './simulator';
import { ghz, hz, nanos, type Nanos } from './units';

const T = (n: number): Nanos => nanos(n);

/** Records "label@time" for each completed job; the label is the job's arg. */
function completions(): { log: string[]; done: EventHandler } {
  const log: string[] = [];
  return { log, done: { onEvent: (_k, arg, _o, sim) => log.push(`${arg}@${sim.now}`) } };
}

/** A 1 GHz processor: one cycle is one nanosecond, which keeps the arithmetic visible. */
function world(): { sim: Simulator; cpu: Processor } {
  const sim = new Simulator({ seed: 1 });
  return { sim, cpu: new Processor(sim, { name: 'cpu0', clock: ghz(1) }) };
}

describe('Processor', () => {
  it('service time is cycles / clock, rounded up to a whole ns', () => {
    const sim = new Simulator({ seed: 1 });
    const cpu = new Processor(sim, { name: 'iop', clock: hz(3e8) }); // 300 MHz
    const { log, done } = completions();
    cpu.submit(Priority.Kernel, 'ism', 1000, done, 0, 1); // 3333.3 ns -> 3334
    sim.runFor({});
    expect(log).toEqual(['1@3334']);
  });

  it('runs one job at a time, highest priority first, FIFO within a priority', () => {
    const { sim, cpu } = world();
    const { log, done } = completions();
    // The first job starts at once; the rest queue while it runs.
    cpu.submit(Priority.User, 'app', 100, done, 0, 1);
    cpu.submit(Priority.User, 'app', 100, done, 0, 2);
    cpu.submit(Priority.Kernel, 'syscall', 100, done, 0, 3);
    cpu.submit(Priority.SoftIrq, 'softirq', 100, done, 0, 4);
    cpu.submit(Priority.HardIrq, 'irq', 100, done, 0, 5);
    cpu.submit(Priority.SoftIrq, 'softirq', 100, done, 0, 6);
    cpu.submit(Priority.HardIrq, 'irq', 100, done, 0, 7);
    expect(cpu.busy).toBe(true);
    expect(cpu.queueDepth).toBe(6);
    sim.runFor({});
    expect(log).toEqual(['1@100', '5@200', '7@300', '4@400', '6@500', '3@600', '2@700']);
    expect(cpu.busy).toBe(false);
    expect(cpu.queueDepth).toBe(0);
  });

  it('is non-preemptive: a hard IRQ arriving mid-job waits for the job to finish', () => {
    const { sim, cpu } = world();
    const { log, done } = completions();
    cpu.submit(Priority.User, 'app', 1000, done, 0, 1);
    sim.call(T(300), () => cpu.submit(Priority.HardIrq, 'irq', 50, done, 0, 2));
    sim.runFor({});
    expect(log).toEqual(['1@1000', '2@1050']);
  });

  it('work submitted from a completion callback competes with the queue by priority', () => {
    const { sim, cpu } = world();
    const log: string[] = [];
    const chain: EventHandler = {
      onEvent: (_k, arg, _o, s) => {
        log.push(`${arg}@${s.now}`);
        if (arg === 1) cpu.submit(Priority.HardIrq, 'irq', 10, chain, 0, 3);
      },
    };
    cpu.submit(Priority.Kernel, 'tcp', 100, chain, 0, 1);
    cpu.submit(Priority.User, 'app', 100, chain, 0, 2);
    sim.runFor({});
    expect(log).toEqual(['1@100', '3@110', '2@210']);
  });

  it('charges cycles by category, and the categories sum exactly to totalCycles', () => {
    const { sim, cpu } = world();
    const charges = new ChargeList();
    charges.add('tcp', 1200).add('checksum', 730.5).add('copy', 2922).add('tcp', 300);
    expect(charges.total).toBe(5152.5);
    cpu.submit(Priority.SoftIrq, charges, 0);
    charges.clear().add('syscall', 500); // reused at once: the first job keeps its own charges
    cpu.submit(Priority.Kernel, charges, 0);
    cpu.submit(Priority.HardIrq, 'irq', 250);
    sim.runFor({});
    const by = cpu.cyclesByCategory();
    expect(by[categoryIndex('tcp')]).toBe(1500);
    expect(by[categoryIndex('checksum')]).toBe(730.5);
    expect(by[categoryIndex('copy')]).toBe(2922);
    expect(by[categoryIndex('syscall')]).toBe(500);
    expect(by[categoryIndex('irq')]).toBe(250);
    let sum = 0;
    for (let i = 0; i < CATEGORIES.length; i++) sum += by[i]!;
    expect(sum).toBe(cpu.totalCycles);
    expect(cpu.totalCycles).toBe(5152.5 + 500 + 250);
    // 5152.5 -> 5153 ns, then 250 (the hard IRQ goes first), then 500.
    expect(sim.now).toBe(5153 + 250 + 500);
    expect(cpu.jobsCompleted).toBe(3);
  });

  it('utilization over windows matches hand-computed busy intervals', () => {
    const { sim, cpu } = world();
    // Busy [0,100), [100,300) back to back (merged), idle, then [500,600).
    cpu.submit(Priority.Kernel, 'tcp', 100);
    cpu.submit(Priority.Kernel, 'tcp', 200);
    sim.call(T(500), () => cpu.submit(Priority.Kernel, 'tcp', 100));
    sim.runUntil(T(1000));
    expect(cpu.busyNanos).toBe(400);
    expect(cpu.utilization(T(0), T(1000))).toBeCloseTo(0.4, 12);
    expect(cpu.utilization(T(0), T(300))).toBe(1);
    expect(cpu.utilization(T(250), T(550))).toBeCloseTo((50 + 50) / 300, 12);
    expect(cpu.utilization(T(300), T(500))).toBe(0);
    expect(cpu.utilization(T(550), T(650))).toBeCloseTo(0.5, 12);
    expect(cpu.utilization(T(700), T(700))).toBeNaN();
  });

  it('utilization counts a window reaching past now as idle after now', () => {
    const { sim, cpu } = world();
    cpu.submit(Priority.Kernel, 'tcp', 1000);
    sim.runUntil(T(400));
    expect(cpu.busyNanos).toBe(400);
    expect(cpu.utilization(T(0), T(800))).toBeCloseTo(0.5, 12);
  });

  it('utilization is exact inside the retained history and NaN before it', () => {
    const sim = new Simulator({ seed: 1 });
    const cpu = new Processor(sim, { name: 'c', clock: ghz(1), historyCapacity: 4 });
    // Ten separate 10 ns jobs at 0, 100, 200, ...: only the last 4 intervals are kept.
    for (let i = 0; i < 10; i++) sim.call(T(i * 100), () => cpu.submit(Priority.Kernel, 'tcp', 10));
    sim.runUntil(T(1000));
    expect(cpu.busyNanos).toBe(100);
    expect(cpu.historyStart).toBe(510);
    expect(cpu.utilization(T(600), T(1000))).toBeCloseTo(40 / 400, 12);
    expect(cpu.utilization(T(510), T(610))).toBeCloseTo(10 / 100, 12);
    expect(cpu.utilization(T(0), T(1000))).toBeNaN();
  });

  it('a stall holds the CPU: busy time and cycles of its category', () => {
    const { sim, cpu } = world();
    const { log, done } = completions();
    cpu.stall('mmio', T(800), done, 0, 1); // idle: busy from now
    cpu.submit(Priority.HardIrq, 'irq', 100, done, 0, 2); // waits behind the stall
    sim.runFor({});
    expect(log).toEqual(['1@800', '2@900']);
    expect(cpu.cyclesByCategory()[categoryIndex('mmio')]).toBe(800);
    expect(cpu.busyNanos).toBe(900);
  });

  it('a stall issued while a job runs lengthens that job', () => {
    const { sim, cpu } = world();
    const { log, done } = completions();
    cpu.submit(Priority.Kernel, 'osm', 1000, done, 0, 1);
    sim.call(T(200), () => cpu.stall('mmio', T(500)));
    sim.runFor({});
    expect(log).toEqual(['1@1500']);
    expect(cpu.busyNanos).toBe(1500);
    expect(cpu.totalCycles).toBe(1500);
  });

  it('a stall issued by a completion callback runs before the queued jobs', () => {
    const { sim, cpu } = world();
    const log: string[] = [];
    const h: EventHandler = {
      onEvent: (_k, arg, _o, s) => {
        log.push(`${arg}@${s.now}`);
        if (arg === 1) cpu.stall('mmio', T(300));
      },
    };
    cpu.submit(Priority.Kernel, 'osm', 100, h, 0, 1);
    cpu.submit(Priority.HardIrq, 'irq', 100, h, 0, 2);
    sim.runFor({});
    expect(log).toEqual(['1@100', '2@500']);
  });

  it('rejects an unknown priority and negative cycles', () => {
    const { cpu } = world();
    expect(() => cpu.submit(7 as Priority, 'tcp', 1)).toThrow(RangeError);
    expect(() => cpu.submit(Priority.User, 'tcp', -1)).toThrow(RangeError);
    expect(() => new ChargeList().add('tcp', NaN)).toThrow(RangeError);
  });

  it('numbers processors per simulator in creation order', () => {
    const sim = new Simulator({ seed: 1 });
    const a = new Processor(sim, { name: 'a', clock: ghz(1) });
    const b = new Processor(sim, { name: 'b', clock: ghz(1) });
    expect([a.id, b.id]).toEqual([0, 1]);
    const other = new Processor(new Simulator({ seed: 1 }), { name: 'c', clock: ghz(1) });
    expect(other.id).toBe(0);
  });

  it('keeps FIFO order across queue growth with many queued jobs', () => {
    const { sim, cpu } = world();
    const { log, done } = completions();
    const charges = new ChargeList();
    for (let i = 0; i < 300; i++) {
      charges.clear().add('tcp', 1).add('ip', 1).add('copy', 1);
      cpu.submit(Priority.SoftIrq, charges, 0, done, 0, i);
    }
    sim.runFor({});
    expect(log.map((s) => Number(s.split('@')[0]))).toEqual(Array.from({ length: 300 }, (_, i) => i));
    expect(cpu.totalCycles).toBe(900);
  });
});

describe('Processor edge cases', () => {
  it('a zero-cycle job completes at once and a stall during it is accounted from then', () => {
    const sim = new Simulator({ seed: 1 });
    const cpu = new Processor(sim, { name: 'c', clock: ghz(1) });
    const { log, done } = completions();
    cpu.submit(Priority.Kernel, 'tcp', 100);
    sim.runUntil(T(500));
    cpu.submit(Priority.Kernel, 'tcp', 0, done, 0, 1);
    cpu.stall('mmio', T(50));
    sim.runFor({});
    expect(log).toEqual(['1@550']);
    expect(cpu.busyNanos).toBe(150);
    expect(cpu.utilization(T(100), T(500))).toBe(0);
  });
});
