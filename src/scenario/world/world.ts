// One configuration's world (DESIGN.md 1.1, 2.2): its own Simulator seeded
// with the scenario's seed, the server machine of that configuration, the
// peer, the wire between them with the scenario's faults, the workload and
// the metrics recorder. Worlds of one run share nothing but the scenario and
// the seed, so they can advance on one clock side by side (src/scenario/run).
import { millis, Simulator, type Nanos } from '../../sim';
import { Link, faultCounters } from '../../net/link';
import { hasCaptureTaps, type Machine } from '../../model/machine';
import { MetricsRecorder } from '../../model/metrics';
import { createWorkload, type Workload } from '../../model/workloads';
import type { Configuration, Scenario, ScenarioCosts } from '../schema';
import { SERVER_PORT } from './addresses';
import { DEFAULT_BUILDERS, type MachineBuilders } from './builders';
import { CAPTURE_POINTS, isCapturePoint, type CapturePoint, type CaptureSink } from './capture';
import { SocketCapture } from './capture-socket';
import { linkOptionsFor } from './link';
import { applyLiveParameters } from './live';
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
  /**
   * Sends the server's traffic at `point` (default: the sink's own point, else
   * 'wire'; see capture.ts) and, on offload, its I2O frames to `sink`; null
   * stops. Returns an error naming the point this world cannot capture at.
   */
  setCapture(sink: CaptureSink | null, point?: CapturePoint): WorldError | null;
  /**
   * Takes the live parameters of `s` (wire faults and delay, the workload's app
   * cost, think time and offered rate; see live.ts) from this instant on. The
   * rest of `s` must equal the scenario the world was built from: a restart
   * parameter cannot change here (src/scenario/run checks that before calling).
   */
  applyLive(s: Scenario): void;
}

export interface WorldError {
  readonly path: string;
  readonly message: string;
}

export interface WorldOptions {
  readonly builders?: MachineBuilders;
  /** Trace ring capacity of each simulator (records); default 65536. */
  readonly traceCapacity?: number;
  /**
   * Capture from the start (before the workload's first call) into this sink,
   * at `capturePoint`, else the sink's own point, else 'wire' (see setCapture).
   */
  readonly capture?: CaptureSink;
  readonly capturePoint?: CapturePoint;
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
  // The workload calls the server through the socket capture point (a pass-through while no sink is set).
  const sockets = new SocketCapture(sim, server.api);
  const appView: Machine = { ...server, api: sockets };
  const workload = createWorkload(
    { sim, server: appView, peer, port: SERVER_PORT, recordLatency: (ns) => metrics!.recordLatency(ns) },
    workloadSpecFor(s),
  );
  metrics = new MetricsRecorder(sim, server, workload.stats, {
    sampleInterval: millis(s.sampleIntervalMs), warmup: millis(s.warmupMs), wireLosses,
  });
  const world: World = {
    configuration, sim, server, peer, link, workload, metrics, end: millis(s.durationMs),
    applyLive(next) {
      applyLiveParameters(link, workload, next);
    },
    setCapture(sink, point) {
      const at: string = point ?? sink?.point ?? 'wire';
      if (!isCapturePoint(at)) return { path: 'capture.point', message: `must be one of ${CAPTURE_POINTS.join(', ')}, not '${at}'` };
      if (sink?.point !== undefined && sink.point !== at) {
        return { path: 'capture.point', message: `the sink was made for '${sink.point}' (its link type), not '${at}'` };
      }
      if (at !== 'wire' && at !== 'socket' && !hasCaptureTaps(server)) {
        return { path: 'capture.point', message: `the ${configuration} machine offers no '${at}' capture point` };
      }
      const wire = sink !== null && at === 'wire';
      link.aToB.tap = wire ? { onFrame: (t, f) => sink.frame(t, 'server->peer', f) } : null;
      link.bToA.tap = wire ? { onFrame: (t, f) => sink.frame(t, 'peer->server', f) } : null;
      const tap = sink === null ? null : (dir: 'tx' | 'rx', t: Nanos, bytes: Uint8Array): void => {
        sink.frame(t, dir === 'tx' ? 'server->peer' : 'peer->server', bytes);
      };
      if (hasCaptureTaps(server)) {
        server.setDriverTap(at === 'driver' ? tap : null);
        server.setIpTap(at === 'ip' ? tap : null);
      }
      sockets.sink = at === 'socket' ? sink : null;
      if (hasI2oTap(server)) {
        server.setI2oTap(sink === null ? null : (dir, t, bytes) => sink.frame(t, dir === 'inbound' ? 'i2o-inbound' : 'i2o-outbound', bytes));
      }
      return null;
    },
  };
  if (o.capture !== undefined) {
    const e = world.setCapture(o.capture, o.capturePoint);
    if (e !== null) return { ok: false, error: e };
  }
  metrics.start();
  workload.start();
  return { ok: true, world };
}
