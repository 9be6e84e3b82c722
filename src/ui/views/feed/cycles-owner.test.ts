// A layer box's cycles are the cycles spent in that layer: a crossing into a layer with no
// processor (NIC, wire, bus, peer) carries the sender's work, so it counts for the sender.
import { describe, expect, it } from 'vitest';
import { LAYER, TRACE_KIND } from '../../../sim';
import { emptyTraceColumns } from '../../../worker';
import { TraceBuffer, cyclesOwner } from './trace-buffer';

function bufferOf(recs: [from: number, to: number, cycles: number][]): TraceBuffer {
  const c = emptyTraceColumns(recs.length);
  recs.forEach(([f, t, cy], i) => { c.time[i] = i; c.span[i] = 1; c.from[i] = f; c.to[i] = t; c.kind[i] = TRACE_KIND.frame; c.cycles[i] = cy; });
  const b = new TraceBuffer(16);
  b.append(c);
  return b;
}

describe('cycles of a crossing into a layer without a processor', () => {
  it('count for the sender: the HDM transmit cost on HDM -> NIC is the HDM\'s, the NIC shows none', () => {
    const b = bufferOf([[LAYER.hdm, LAYER.nic, 500], [LAYER.i2o, LAYER.pci, 7]]);
    expect(b.intoCycles[LAYER.hdm]).toBe(500);
    expect(b.intoCycles[LAYER.nic]).toBe(0);
    expect(b.intoCycles[LAYER.i2o]).toBe(7);
    expect(b.intoCycles[LAYER.pci]).toBe(0);
    // The crossings themselves still count where they arrive.
    expect(b.intoCount[LAYER.nic]).toBe(1);
  });

  it('stay with the layer entered when it has a processor (a doorbell into the IRTOS, a frame into IP)', () => {
    expect(cyclesOwner(LAYER.pci, LAYER.irtos)).toBe(LAYER.irtos);
    expect(cyclesOwner(LAYER.netdev, LAYER.ip)).toBe(LAYER.ip);
    expect(cyclesOwner(LAYER.wire, LAYER.nic)).toBe(LAYER.nic);
  });
});
