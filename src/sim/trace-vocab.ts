// The trace's vocabulary: layers (DESIGN.md 1.2, one vocabulary in the code,
// the trace and the UI) and record kinds, each with a small integer id stored
// in the trace ring's Uint8 columns. Hot paths use the LAYER / TRACE_KIND
// objects (LAYER.tcp) so that recording costs no lookup.

export const LAYERS = [
  'app',
  'syscall',
  'socket',
  'inet',
  'tcp',
  'udp',
  'ip',
  'netdev',
  'nic',
  'wire',
  'osm',
  'i2o',
  'pci',
  'irtos',
  'ism',
  'hdm',
  'peer',
] as const;

export type Layer = (typeof LAYERS)[number];
/** A layer's index in LAYERS. */
export type LayerId = number;

export const TRACE_KINDS = [
  'call',
  'return',
  'segment',
  'frame',
  'i2o-message',
  'dma',
  'irq',
  'mmio',
  'doorbell',
  'copy',
  'timer',
  'drop',
] as const;

export type TraceKindName = (typeof TRACE_KINDS)[number];
/** A trace kind's index in TRACE_KINDS. */
export type TraceKind = number;

function indexOf<T extends string>(names: readonly T[]): Readonly<Record<T, number>> {
  return Object.freeze(Object.fromEntries(names.map((n, i) => [n, i])) as Record<T, number>);
}

/** Layer ids by name: LAYER.tcp === layerId('tcp'). */
export const LAYER = indexOf(LAYERS);
/** Trace kind ids by name: TRACE_KIND.segment === traceKind('segment'). */
export const TRACE_KIND = indexOf(TRACE_KINDS);

export function layerId(name: Layer): LayerId {
  return LAYER[name];
}

export function layerName(id: LayerId): Layer | undefined {
  return LAYERS[id];
}

export function traceKind(name: TraceKindName): TraceKind {
  return TRACE_KIND[name];
}

export function traceKindName(id: TraceKind): TraceKindName | undefined {
  return TRACE_KINDS[id];
}
