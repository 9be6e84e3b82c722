// A run of the offload machine is a pure function of (scenario, seed): two
// runs give the same trace, record for record, and the trace names the
// offload path's layer crossings.
import { describe, expect, it } from 'vitest';
import { LAYER, TRACE_KIND, layerName, traceKindName } from '../../sim';
import { startBulk } from './testing/bulk';
import { offloadWorld } from './testing/world';

function traced(seed: number) {
  const w = offloadWorld({ seed, server: { faults: { dmaErrorRate: 0.02 } } });
  w.sim.trace.enabled = true;
  startBulk(w, 'server-receives', 300_000, 16384, 3);
  startBulk(w, 'server-sends', 300_000, 16384, 4, 5002);
  w.run(20e6);
  return w;
}

describe('offload determinism and trace', () => {
  it('two runs with the same seed give the same trace hash; the trace shows each crossing of the offload path', () => {
    const a = traced(5);
    const b = traced(5);
    const kinds = new Map<string, number>();
    a.sim.trace.forEach((r) => {
      const k = `${layerName(r.from)}>${layerName(r.to)}:${traceKindName(r.kind)}`;
      kinds.set(k, (kinds.get(k) ?? 0) + 1);
    });
    console.log(`trace ${a.sim.trace.hash()} (${a.sim.trace.totalWritten} records): ${[...kinds].map(([k, n]) => `${k} ${n}`).join(', ')}`);
    expect(a.sim.trace.hash()).toBe(b.sim.trace.hash());
    expect(a.sim.eventsProcessed).toBe(b.sim.eventsProcessed);
    const has = (from: number, to: number, kind: number): boolean => {
      let found = false;
      a.sim.trace.forEach((r) => { found ||= r.from === from && r.to === to && r.kind === kind; });
      return found;
    };
    expect(has(LAYER.osm, LAYER.i2o, TRACE_KIND['i2o-message'])).toBe(true);
    expect(has(LAYER.irtos, LAYER.ism, TRACE_KIND['i2o-message'])).toBe(true);
    expect(has(LAYER.ism, LAYER.irtos, TRACE_KIND['i2o-message'])).toBe(true);
    expect(has(LAYER.i2o, LAYER.osm, TRACE_KIND['i2o-message'])).toBe(true);
    expect(has(LAYER.i2o, LAYER.pci, TRACE_KIND.mmio)).toBe(true);
    expect(has(LAYER.pci, LAYER.osm, TRACE_KIND.irq)).toBe(true);
    expect(has(LAYER.pci, LAYER.ism, TRACE_KIND.dma)).toBe(true);
    expect(has(LAYER.hdm, LAYER.nic, TRACE_KIND.frame)).toBe(true);
    expect(has(LAYER.app, LAYER.osm, TRACE_KIND.copy)).toBe(true);
    expect(has(LAYER.osm, LAYER.app, TRACE_KIND.copy)).toBe(true);
  });
});
