// The scenario's workload as the model's WorkloadSpec (simulation units).
import type { WorkloadSpec } from '../../model/workloads';
import type { Scenario } from '../schema';

export function workloadSpecFor(s: Scenario): WorkloadSpec {
  const w = s.workload;
  const app = { perRequest: w.appCyclesPerRequest, perByte: w.appCyclesPerByte };
  switch (w.kind) {
    case 'bulk':
      return { kind: 'bulk', direction: w.direction, messageBytes: w.messageBytes, connections: w.connections, totalBytes: w.totalBytes, app };
    case 'request-response':
      return {
        kind: 'request-response', requestBytes: w.messageBytes, sizes: w.fileSize, connections: w.connections,
        persistent: w.persistent, thinkTimeNs: w.thinkTimeUs * 1000, app,
      };
    case 'storage':
      return {
        kind: 'storage', op: w.op, readFraction: w.readFraction, blockBytes: w.messageBytes, headerBytes: w.headerBytes,
        queueDepth: w.queueDepth, connections: w.connections, app,
      };
    case 'churn':
      return { kind: 'churn', requestBytes: w.messageBytes, responseBytes: w.responseBytes, connections: w.connections, app };
    case 'udp-stream':
      return {
        kind: 'udp-stream', direction: w.direction, messageBytes: w.messageBytes, rateBps: w.rateMbps * 1e6,
        lineRateBps: s.wire.bandwidthMbps * 1e6, flows: w.connections, app,
      };
  }
}
