// The live figures of one layer box other than its cycles (box-cycles.ts): read from the
// feed (trace sums: crossings, bytes) and the worker's figures (processor queues, machine
// counters). Nothing is estimated here.
import { LAYERS, type Layer } from '../../../sim';
import type { ViewFeed } from '../feed/view-feed';
import { processorKind } from './cycle-map';

export interface BoxFigures {
  /** Trace records that crossed into the layer (calls, segments, messages...). */
  readonly crossings: number;
  /** Records that left the layer (for the application: the calls it made). */
  readonly calls: number;
  readonly bytes: number;
  /** One gauge the model reports for this layer, when it has one (`of`: the whole it is part of). */
  readonly gauge: { label: string; value: number; of?: number } | null;
}

interface GaugeSpec {
  readonly label: string;
  readonly read: (c: Record<string, number>) => number | undefined;
  readonly of?: (c: Record<string, number>) => number | undefined;
}

/** The card MAC's ring, as the machine reports it (MachineCounters.hdmTx*); absent without an HDM. */
const hdmRingSize = (c: Record<string, number>): number | undefined => (c.hdmTxDescriptors !== undefined && c.hdmTxDescriptors > 0 ? c.hdmTxDescriptors : undefined);

const GAUGES: Partial<Record<Layer, GaugeSpec>> = {
  i2o: { label: 'I2O frames in use', read: (c) => c.i2oFramesInUse },
  osm: { label: 'pool exhausted (times)', read: (c) => c.poolExhausted },
  netdev: { label: 'interrupts', read: (c) => c.interrupts },
  nic: { label: 'rx ring drops', read: (c) => c.rxRingDrops },
  pci: { label: 'DMA transfers', read: (c) => c.dmaTransfers },
  socket: { label: 'copies', read: (c) => c.copies },
  hdm: { label: 'tx descriptors free', read: (c) => (hdmRingSize(c) === undefined ? undefined : c.hdmTxFree), of: hdmRingSize },
};

export function boxFigures(feed: ViewFeed, configuration: string, layer: Layer): BoxFigures {
  const id = LAYERS.indexOf(layer);
  const t = feed.get(configuration)?.trace;
  const w = feed.figures?.worlds?.find((x) => x.configuration === configuration);
  let gauge: BoxFigures['gauge'] = null;
  const g = GAUGES[layer];
  const v = g && w ? g.read(w.counters) : undefined;
  const of = g?.of && w ? g.of(w.counters) : undefined;
  if (g && v !== undefined) gauge = of === undefined ? { label: g.label, value: v } : { label: g.label, value: v, of };
  if (!gauge && (layer === 'irtos' || layer === 'ism' || layer === 'hdm')) {
    const iop = feed.figures?.processors.find((p) => p.name.startsWith(`${configuration}:`) && processorKind(p.name) === 'iop');
    if (iop) gauge = { label: 'IOP run queue', value: iop.queueDepth };
  }
  if (!gauge && (layer === 'app' || layer === 'syscall' || layer === 'inet' || layer === 'tcp' || layer === 'ip')) {
    const cpu = feed.figures?.processors.find((p) => p.name.startsWith(`${configuration}:`) && processorKind(p.name) === 'host');
    if (cpu) gauge = { label: 'host run queue', value: cpu.queueDepth };
  }
  return {
    crossings: t ? t.intoCount[id]! : 0,
    calls: t ? t.outCount[id]! : 0,
    bytes: t ? t.intoBytes[id]! : 0,
    gauge,
  };
}

export function compact(n: number): string {
  if (n >= 1e9) return `${(n / 1e9).toFixed(1)}G`;
  if (n >= 1e6) return `${(n / 1e6).toFixed(1)}M`;
  if (n >= 1e4) return `${(n / 1e3).toFixed(0)}k`;
  return String(Math.round(n));
}
