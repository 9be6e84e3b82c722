// The kernel's seeded demo workload (src/sim createDemoWorld) as a LabWorld.
//
// Contract: a thin adapter; every figure is read from the kernel (simulator counters,
// processors' busy time and cycles by category), nothing is computed or invented here.
// Pure function of the seed: the same seed and the same sequence of requests give the
// same figures.
import { CATEGORIES, createDemoWorld, nanos, type DemoWorld } from '../sim';
import type { SliceBudget, WorldFigures, WorldInfo } from './protocol';
import type { LabWorld } from './world';

export const DEMO_INFO: WorldInfo = {
  title: 'Kernel demo workload',
  summary:
    'The kernel\'s own seeded test load, not yet a network stack: jobs arrive at random (one every 2 µs on '
    + 'average) and queue by priority on two 2 GHz processors, each job charging cycles to a few protocol categories.',
  categories: [...CATEGORIES],
};

function figuresOf(world: DemoWorld): WorldFigures {
  const { sim } = world;
  const next = sim.peekTime();
  return {
    nowNanos: sim.now,
    eventsProcessed: sim.eventsProcessed,
    pending: sim.pending,
    nextEventNanos: next === undefined ? null : next,
    processors: world.processors.map((p) => ({
      name: p.name,
      clockHz: p.clock,
      busyNanos: p.busyNanos,
      totalCycles: p.totalCycles,
      queueDepth: p.queueDepth,
      cyclesByCategory: Array.from(p.cyclesByCategory()),
    })),
  };
}

export function createDemoLabWorld(seed: number): LabWorld {
  const world = createDemoWorld(seed);
  return {
    info: DEMO_INFO,
    runFor(budget: SliceBudget) {
      const until = budget.untilNanos === undefined ? undefined : nanos(Math.max(budget.untilNanos, world.sim.now));
      return world.sim.runFor(until === undefined ? { maxEvents: budget.maxEvents } : { maxEvents: budget.maxEvents, until });
    },
    step: () => world.sim.step(),
    figures: () => figuresOf(world),
  };
}
