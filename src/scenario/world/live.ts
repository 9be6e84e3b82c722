// The live parameters of a scenario applied to a running world (issue 6 item 3):
// the wire's faults (loss model and rates, corruption, duplication, reordering
// and its hold time, jitter) and one-way delay, and the workload's application
// cost, think time and offered rate. Each takes effect from the instant it is
// applied: frames already held by a fault or on the wire keep what they were
// promised, app work already queued keeps its cycles (see Link.setFaults,
// Link.setDelay, Workload.update). Link-down windows, the card's DMA error
// rate and everything else need a restart: they are built into the world.
import type { Link } from '../../net/link';
import type { LiveWorkloadUpdate, Workload } from '../../model/workloads';
import type { Scenario } from '../schema';
import { linkOptionsFor } from './link';

/** The workload's live parameters in simulation units. */
export function liveWorkloadUpdateFor(s: Scenario): LiveWorkloadUpdate {
  const w = s.workload;
  const app = { perRequest: w.appCyclesPerRequest, perByte: w.appCyclesPerByte };
  if (w.kind === 'request-response') return { app, thinkTimeNs: w.thinkTimeUs * 1000 };
  if (w.kind === 'udp-stream') return { app, rateBps: w.rateMbps * 1e6 };
  return { app };
}

export function applyLiveParameters(link: Link, workload: Workload, s: Scenario): void {
  const o = linkOptionsFor(s);
  link.setFaults(o.faultsAtoB ?? {}, o.faultsBtoA ?? {});
  // The switch's forwarding and store-and-forward time stay part of the one-way delay.
  link.setDelay(o.delay);
  workload.update(liveWorkloadUpdateFor(s));
}
