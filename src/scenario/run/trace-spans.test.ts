// Trace spans (docs trace-convention): one send() call is one span whose
// records go down the layers of its configuration as 'call' and come back up
// as 'return'; one data segment is one span from tcp to the wire. These are
// the journeys the architecture view animates, so the test reads them the way
// the view does: the records of a span, oldest first.
import { describe, expect, it } from 'vitest';
import { TRACE_KIND, layerName, traceKindName, type Nanos, type TraceRecord } from '../../sim';
import type { Configuration, Scenario } from '../schema';
import { createRun } from './create';
import { scenarioOf } from './testing';

const base = (): Scenario => scenarioOf('2002-gigabit', ['warmupMs=0', 'durationMs=3']);

function traced(c: Configuration, until = 1_000_000, enabled = true): { records: TraceRecord[]; hash: string; events: number } {
  const r = createRun(base(), { configurations: [c], traceCapacity: 1 << 18 });
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  const sim = r.run.worlds[0]!.sim;
  sim.trace.enabled = enabled;
  r.run.advanceTo(until as Nanos);
  return { records: sim.trace.toArray(), hash: sim.trace.hash(), events: sim.eventsProcessed };
}

const hop = (r: TraceRecord): string => `${layerName(r.from)}>${layerName(r.to)}`;

function bySpan(records: readonly TraceRecord[]): Map<number, TraceRecord[]> {
  const m = new Map<number, TraceRecord[]>();
  for (const r of records) {
    if (r.span === 0) continue;
    let a = m.get(r.span);
    if (a === undefined) m.set(r.span, (a = []));
    a.push(r);
  }
  return m;
}

/** The hops of a journey with repeats of the same hop (a doorbell then a DMA) folded. */
function path(rs: readonly TraceRecord[], kinds: readonly number[]): string[] {
  const out: string[] = [];
  for (const r of rs) {
    if (!kinds.includes(r.kind)) continue;
    const h = hop(r);
    if (out[out.length - 1] !== h) out.push(h);
  }
  return out;
}

/** The distinct hops of a journey in the order first seen. */
function firstSeen(rs: readonly TraceRecord[], kinds: readonly number[]): string[] {
  const out: string[] = [];
  for (const r of rs) if (kinds.includes(r.kind) && !out.includes(hop(r))) out.push(hop(r));
  return out;
}

/** The first returned call carrying data down (a send) that crossed `via`. */
function sendCall(spans: Map<number, TraceRecord[]>, via: string): TraceRecord[] {
  for (const rs of spans.values()) {
    const r = rs[0]!;
    // A send carries data down: its call records have bytes (native) or it copies into the OSM's pool (offload).
    const carries = r.bytes > 0 || rs.some((x) => x.kind === TRACE_KIND.copy && hop(x) === 'app>osm');
    if (r.kind !== TRACE_KIND.call || hop(r) !== 'app>syscall' || !carries) continue;
    if (rs.some((x) => x.kind === TRACE_KIND.return) && rs.some((x) => hop(x) === via)) return rs;
  }
  throw new Error(`no returned send crossing ${via}`);
}

/** The first span whose first record is a data segment leaving tcp. */
function dataSegment(spans: Map<number, TraceRecord[]>): TraceRecord[] {
  for (const rs of spans.values()) {
    const r = rs[0]!;
    if (r.kind === TRACE_KIND.segment && hop(r) === 'tcp>ip' && r.bytes > 0 && rs.some((x) => hop(x) === 'nic>wire')) return rs;
  }
  throw new Error('no data segment reached the wire');
}

const FRAME_KINDS = [TRACE_KIND.segment, TRACE_KIND.frame, TRACE_KIND.doorbell, TRACE_KIND.dma];

describe('trace spans', () => {
  it('native: a send() goes app, syscall, socket, inet, tcp and back, and a data segment goes tcp, ip, netdev, across the pci bus to the nic, and the wire', () => {
    const { records } = traced('native');
    const spans = bySpan(records);
    const call = sendCall(spans, 'inet>tcp');
    console.log(`native send span: ${call.map((r) => `${hop(r)}:${traceKindName(r.kind)}`).join(' ')}`);
    expect(path(call, [TRACE_KIND.call])).toEqual(['app>syscall', 'syscall>socket', 'socket>inet', 'inet>tcp']);
    expect(path(call, [TRACE_KIND.return])).toEqual(['tcp>inet', 'inet>socket', 'socket>syscall', 'syscall>app']);
    const seg = dataSegment(spans);
    // The doorbell crosses the bus to the NIC, then the NIC's DMA read carries the frame across it.
    expect(path(seg, FRAME_KINDS)).toEqual(['tcp>ip', 'ip>netdev', 'netdev>pci', 'pci>nic', 'netdev>pci', 'pci>nic', 'nic>wire']);
    // A received frame's span starts at the wire, is written across the bus into host memory and climbs to tcp.
    const rx = [...spans.values()].find((rs) => hop(rs[0]!) === 'wire>nic' && rs.some((r) => hop(r) === 'ip>tcp'));
    expect(rx).toBeDefined();
    expect(path(rx!, FRAME_KINDS).slice(0, 3)).toEqual(['wire>nic', 'nic>pci', 'pci>netdev']);
  });

  it('offload: a send() goes app, syscall, socket, osm and back, its I2O messages carry the span to the ism and their replies back, and a data segment leaves through the hdm', () => {
    const { records } = traced('offload');
    const spans = bySpan(records);
    const call = sendCall(spans, 'osm>i2o');
    console.log(`offload send span: ${call.map((r) => `${hop(r)}:${traceKindName(r.kind)}`).join(' ')}`);
    // The call returns once its data is in the OSM's transmit pool; the SEND messages go on to the card.
    expect(path(call, [TRACE_KIND.call])).toEqual(['app>syscall', 'syscall>socket', 'socket>osm']);
    expect(path(call, [TRACE_KIND.return])).toEqual(['osm>socket', 'socket>syscall', 'syscall>app']);
    expect(firstSeen(call, [TRACE_KIND['i2o-message']])).toEqual([
      'osm>i2o', 'i2o>pci', 'pci>irtos', 'irtos>ism', 'ism>irtos', 'irtos>pci', 'pci>i2o', 'i2o>osm',
    ]);
    expect(call.some((r) => r.kind === TRACE_KIND.dma && hop(r) === 'pci>ism')).toBe(true);
    expect(call.some((r) => r.kind === TRACE_KIND.copy && hop(r) === 'app>osm' && r.bytes > 0)).toBe(true);
    // Time runs forward along a journey.
    for (let i = 1; i < call.length; i++) expect(call[i]!.time).toBeGreaterThanOrEqual(call[i - 1]!.time);
    const seg = dataSegment(spans);
    expect(path(seg, FRAME_KINDS)).toEqual(['tcp>ip', 'ip>hdm', 'hdm>nic', 'nic>wire']);
    const rx = [...spans.values()].find((rs) => hop(rs[0]!) === 'wire>nic' && rs.some((r) => hop(r) === 'ip>tcp'));
    expect(rx).toBeDefined();
    expect(path(rx!, FRAME_KINDS).slice(0, 4)).toEqual(['wire>nic', 'nic>hdm', 'hdm>ip', 'ip>tcp']);
  });

  it('spans leave the run deterministic and unchanged: the same trace hash twice, the same events with the trace off', () => {
    for (const c of ['native', 'offload'] as const) {
      const a = traced(c, 400_000);
      expect(a.hash).toBe(traced(c, 400_000).hash);
      const off = traced(c, 400_000, false);
      expect(off.events).toBe(a.events);
    }
  });
});
