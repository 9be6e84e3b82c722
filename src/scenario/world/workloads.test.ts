// Every workload of DESIGN.md 1.7 on every configuration, through the scenario
// runner: bytes flow both ways where the workload says, every delivered byte
// checks, and the workload's own figures (requests, latency, connections) appear.
import { describe, expect, it } from 'vitest';
import { runConfigs, scenarioOf } from '../run/testing';

const SHORT = ['warmupMs=2', 'durationMs=12'];
const ALL = ['native', 'stateless', 'offload'] as const;

describe('workloads on native, stateless and offload', () => {
  it.each([
    ['bulk send', ['workload.kind=bulk', 'workload.direction=send', 'workload.connections=2']],
    ['bulk receive', ['workload.kind=bulk', 'workload.direction=receive']],
    ['request/response, persistent', ['workload.kind=request-response', 'workload.connections=4']],
    ['request/response, a connection per request', ['workload.kind=request-response', 'workload.connections=4', 'workload.persistent=false']],
    ['storage reads and writes', ['workload.kind=storage', 'workload.op=mixed', 'workload.messageBytes=16384', 'workload.queueDepth=4']],
    ['connection churn', ['workload.kind=churn', 'workload.connections=4']],
    ['udp stream at 200 Mb/s', ['workload.kind=udp-stream', 'workload.rateMbps=200']],
  ])('%s delivers intact data in every configuration', (_name, sets) => {
    const r = runConfigs(scenarioOf('2002-gigabit', [...SHORT, ...sets]), ALL);
    for (const c of ALL) {
      const x = r[c]!;
      console.log(`${_name} / ${c}: ${(x.goodputBps / 1e6).toFixed(1)} Mb/s, host ${(x.hostCpuUtil * 100).toFixed(1)}%, ${x.requestsPerSec.toFixed(0)} req/s, ${x.connectionsPerSec.toFixed(0)} conn/s, p50 ${x.latency.p50Us.toFixed(1)} µs, errors ${x.errors}`);
      expect(x.integrityOk).toBe(true);
      expect(x.errors).toBe(0);
      expect(x.bytesDelivered).toBeGreaterThan(0);
      expect(x.goodputBps).toBeGreaterThan(0);
    }
  }, 60_000);

  it('request/response records a latency per request and churn counts connections per second', () => {
    const rr = runConfigs(scenarioOf('2002-gigabit', [...SHORT, 'workload.kind=request-response', 'workload.connections=2']), ['native']).native!;
    expect(rr.latency.count).toBeGreaterThan(10);
    expect(rr.latency.p50Us).toBeLessThanOrEqual(rr.latency.p99Us);
    expect(rr.requestsPerSec).toBeGreaterThan(0);
    const ch = runConfigs(scenarioOf('2002-gigabit', [...SHORT, 'workload.kind=churn', 'workload.connections=2']), ['native']).native!;
    console.log(`churn: ${ch.connectionsPerSec.toFixed(0)} connections/s, ${ch.requestsPerSec.toFixed(0)} requests/s`);
    expect(ch.connectionsPerSec).toBeGreaterThan(100);
    expect(Math.abs(ch.connectionsPerSec - ch.requestsPerSec) / ch.requestsPerSec).toBeLessThan(0.05);
  }, 60_000);

  it('data stays intact through loss, corruption, duplication and reordering on the wire', () => {
    const r = runConfigs(scenarioOf('2002-gigabit', [
      ...SHORT, 'faults.wire.loss.model=independent', 'faults.wire.loss.rate=0.01', 'faults.wire.corruptionRate=0.005',
      'faults.wire.duplicationRate=0.005', 'faults.wire.reorderRate=0.01',
    ]), ALL);
    for (const c of ALL) {
      console.log(`lossy wire / ${c}: ${(r[c]!.goodputBps / 1e6).toFixed(1)} Mb/s, events ${JSON.stringify(r[c]!.eventCounts)}`);
      expect(r[c]!.integrityOk).toBe(true);
      expect(r[c]!.bytesDelivered).toBeGreaterThan(0);
      expect(r[c]!.eventCounts.loss ?? 0).toBeGreaterThan(0);
    }
  }, 60_000);
});
