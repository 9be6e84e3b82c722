// One configuration's world (DESIGN.md 1.1, 2.2): its own Simulator seeded
// with the scenario's seed, the server machine of that configuration, the
// peer, the wire between them with the scenario's faults, the workload and
// the metrics recorder. Worlds of one run share nothing but the scenario and
// the seed, so they can advance on one clock side by side (src/scenario/run).
import { millis, Simulator, type Nanos } from '../../sim';
import { Link, faultCounters } from '../../net/link';
import type { Machine } from '../../model/machine';
import { MetricsRecorder } from '../../model/metrics';
import { createWorkload, type Workload } from '../../model/workloads';
import type { Configuration, Scenario, ScenarioCosts } from '../schema';
import { SERVER_PORT } from './addresses';
import { DEFAULT_BUILDERS, type MachineBuilders } from './builders';
import type { CaptureSink } from './capture';
import { linkOptionsFor } from './link';
import { workloadSpecFor } from './workload-spec';

export interface World {
  readonly configuration: Configuration;
  readonly sim: Simulator;
  readonly server: Machine;
  readonly peer: Machine;
  readonly link: Link;
  readonly workload: Workload;
  readonly metrics: MetricsRecorder;
  /** End of the run (durationMs). */
  readonly end: Nanos;
  /** Sends wire frames (and I2O frames on offload) to `sink`; null stops. */
  setCapture(sink: CaptureSink | null): void;
}

export interface WorldError {
  readonly path: string;
  readonly message: string;
}

export interface WorldOptions {
  readonly builders?: MachineBuilders;
  /** Trace ring capacity of each simulator (records); default 65536. */
  readonly traceCapacity?: number;
}

interface I2oTapping {
  setI2oTap(tap: ((dir: 'inbound' | 'outbound', t: Nanos, bytes: Uint8Array) => void) | null): void;
}

function hasI2oTap(m: Machine): m is Machine & I2oTapping {
  return typeof (m as Partial<I2oTapping>).setI2oTap === 'function';
}

export function buildWorld(
  s: Scenario, configuration: Configuration, costs: ScenarioCosts, o: WorldOptions = {},
): { ok: true; world: World } | { ok: false; error: WorldError } {
  const builders = o.builders ?? DEFAULT_BUILDERS;
  const serverBuilder = builders.servers[configuration];
  if (serverBuilder === undefined) {
    return { ok: false, error: { path: 'configurations', message: `no machine model is available for '${configuration}'` } };
  }
  if (s.peer.count > 1) {
    // Several peers need a switch joining more than two ports; the wire model is point to point.
    return { ok: false, error: { path: 'peer.count', message: `must be 1 for now: ${s.peer.count} peers need a multi-port switch, which the wire model does not have (put the clients on one peer with workload.connections)` } };
  }
  const sim = new Simulator({ seed: s.seed, traceCapacity: o.traceCapacity });
  const ctx = { sim, scenario: s, costs };
  const server = serverBuilder(ctx);
  const peer = builders.peer(ctx);
  const link = new Link(sim, linkOptionsFor(s));
  link.attach(server.port, peer.port);
  server.attach(link.aToB);
  peer.attach(link.bToA);
  const wireLosses = (): number => {
    let n = link.aToB.counters.droppedQueueFull + link.bToA.counters.droppedQueueFull;
    for (const set of [link.faultsAtoB, link.faultsBtoA]) {
      const c = faultCounters(set);
      n += (c['loss.dropped'] ?? 0) + (c['burstLoss.dropped'] ?? 0) + (c['outage.dropped'] ?? 0);
    }
    return n;
  };
  let metrics: MetricsRecorder | null = null;
  const workload = createWorkload(
    { sim, server, peer, port: SERVER_PORT, recordLatency: (ns) => metrics!.recordLatency(ns) },
    workloadSpecFor(s),
  );
  metrics = new MetricsRecorder(sim, server, workload.stats, {
    sampleInterval: millis(s.sampleIntervalMs), warmup: millis(s.warmupMs), wireLosses,
  });
  metrics.start();
  workload.start();
  const world: World = {
    configuration, sim, server, peer, link, workload, metrics, end: millis(s.durationMs),
    setCapture(sink) {
      link.aToB.tap = sink === null ? null : { onFrame: (t, f) => sink.frame(t, 'server->peer', f) };
      link.bToA.tap = sink === null ? null : { onFrame: (t, f) => sink.frame(t, 'peer->server', f) };
      if (hasI2oTap(server)) {
        server.setI2oTap(sink === null ? null : (dir, t, bytes) => sink.frame(t, dir === 'inbound' ? 'i2o-inbound' : 'i2o-outbound', bytes));
      }
    },
  };
  return { ok: true, world };
}
