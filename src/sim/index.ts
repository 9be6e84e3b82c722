// Public names of the discrete-event kernel (DESIGN.md 1.4, 2.1). Everything
// above src/sim imports from here.

export * from './units';
export type { EventHandler } from './event-handler';
export type { EventId } from './event-queue';
export { EventQueue } from './event-queue';
export { Simulator, type SimulatorOptions, type RunBudget, type RunResult } from './simulator';
export { Xoshiro128ss, RngStreams, fmix32, fnv1a32, type Rng } from './rng';
export { Priority, PRIORITY_LEVELS, PRIORITY_NAMES } from './priority';
export { CATEGORIES, CATEGORY_COUNT, categoryIndex, isCategory, type Category } from './category';
export { ChargeList } from './charge-list';
export { Processor, type ProcessorOptions } from './processor';
export { BusyHistory } from './busy-history';
export { TraceRing, type TraceRecord } from './trace-ring';
export {
  LAYERS,
  LAYER,
  TRACE_KINDS,
  TRACE_KIND,
  layerId,
  layerName,
  traceKind,
  traceKindName,
  type Layer,
  type LayerId,
  type TraceKind,
  type TraceKindName,
} from './trace-vocab';
export { createDemoWorld, type DemoWorld, type DemoStats } from './demo-workload';
