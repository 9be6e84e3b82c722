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

// Written out as literals (not built from the arrays) so that V8 gives them a
// fixed shape and `LAYER.tcp` compiles to a constant load; a test checks that
// they agree with the arrays.

/** Layer ids by name: LAYER.tcp === layerId('tcp'). */
export const LAYER: Readonly<Record<Layer, LayerId>> = {
  app: 0,
  syscall: 1,
  socket: 2,
  inet: 3,
  tcp: 4,
  udp: 5,
  ip: 6,
  netdev: 7,
  nic: 8,
  wire: 9,
  osm: 10,
  i2o: 11,
  pci: 12,
  irtos: 13,
  ism: 14,
  hdm: 15,
  peer: 16,
};

/** Trace kind ids by name: TRACE_KIND.segment === traceKind('segment'). */
export const TRACE_KIND: Readonly<Record<TraceKindName, TraceKind>> = {
  call: 0,
  return: 1,
  segment: 2,
  frame: 3,
  'i2o-message': 4,
  dma: 5,
  irq: 6,
  mmio: 7,
  doorbell: 8,
  copy: 9,
  timer: 10,
  drop: 11,
};

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
