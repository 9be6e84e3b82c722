// Stack throughput (issue 3, "Performance"): full-size TCP segments per second
// through two Stacks over a perfect 10 Gb/s link (no faults, static ARP,
// checksums computed in software), one bulk flow. Each run moves BYTES on a
// fresh pair of hosts; the figure is data segments sent per second of wall
// (and CPU) time, each with its ACK traffic, serialisation, checksums, CPU
// accounting and sim events.
//
// Allocation check: the per-segment hot path should allocate nothing that it
// keeps. After a warm-up transfer on one connection (pools, buffers and the
// event queue grown to their working size), a second transfer on the same
// connection runs between two full garbage collections; heap growth divided by
// the segments moved is the memory kept per segment (it should be ~0). The
// minor collections counted meanwhile show how much short-lived garbage the
// path still makes (parse results, subarray views: see the notes row).
import { PerformanceObserver, type PerformanceEntry } from 'node:perf_hooks';
import { getHeapSpaceStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { openBulkFlow } from '../src/net/stack/testing/bulk-flow';
import { measureRate, row, type BenchRow } from './lib';

const BYTES = 8_000_000;

function segmentsPerRun(): number {
  return openBulkFlow().send(BYTES);
}

function exposeGc(): (() => void) | null {
  const g = (globalThis as { gc?: () => void }).gc;
  if (typeof g === 'function') return g;
  try {
    setFlagsFromString('--expose-gc');
    return runInNewContext('gc') as () => void;
  } catch {
    return null;
  }
}

async function allocationCheck(): Promise<BenchRow[]> {
  const gc = exposeGc();
  if (gc === null) return [];
  const flow = openBulkFlow();
  flow.send(BYTES);
  let minor = 0;
  const count = (entries: readonly PerformanceEntry[]): void => {
    for (const e of entries) if ((e as unknown as { detail?: { kind?: number } }).detail?.kind === 1) minor += 1;
  };
  const obs = new PerformanceObserver((list) => count(list.getEntries()));
  gc();
  const before = process.memoryUsage().heapUsed;
  obs.observe({ entryTypes: ['gc'] });
  const segs = flow.send(BYTES);
  gc();
  const after = process.memoryUsage().heapUsed;
  // GC entries are delivered from the event loop: let it turn before reading them.
  await new Promise((resolve) => setTimeout(resolve, 100));
  count(obs.takeRecords());
  const kept = (after - before) / segs;
  // Young-generation bytes allocated per segment: new-space growth over a run
  // short enough that no scavenge happens in it (checked).
  const newSpace = (): number => getHeapSpaceStatistics().find((x) => x.space_name === 'new_space')?.space_used_size ?? 0;
  gc();
  const minorBefore = minor;
  const y0 = newSpace();
  const small = flow.send(400_000);
  const y1 = newSpace();
  await new Promise((resolve) => setTimeout(resolve, 100));
  count(obs.takeRecords());
  obs.disconnect();
  const clean = minor === minorBefore && y1 >= y0;
  const rows = [
    row('stack: heap kept per segment (after GC)', [kept], 'bytes/segment', undefined,
      `${segs} segments on a warm connection; heap ${(before / 1e6).toFixed(1)} -> ${(after / 1e6).toFixed(1)} MB`),
    row('stack: minor GCs per 10k segments', [(minor * 10_000) / segs], 'scavenges'),
  ];
  if (clean) {
    rows.push(row('stack: short-lived bytes allocated per segment', [(y1 - y0) / small], 'bytes/segment', undefined,
      'garbage, not kept: wire parse results (reprs, option objects, payload subarray views) and TCP temporaries'));
  }
  return rows;
}

export default async function stackBench(): Promise<BenchRow[]> {
  const rate = row('stack: full-size segments through two stacks (10 Gb/s, no faults)', measureRate(segmentsPerRun, { runs: 5, warmup: 1 }),
    'segments/s', undefined, `${BYTES / 1e6} MB per run, MSS 1448, software checksums, cost accounting on`);
  return [rate, ...(await allocationCheck())];
}
