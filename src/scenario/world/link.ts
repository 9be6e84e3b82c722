// The wire of a scenario as a Link (src/net/link): line rate, delay, MTU and
// the wire faults of DESIGN.md 1.7, applied to both directions, each with its
// own seeded streams. A switch (when enabled) is modelled as extra one-way
// delay (its forwarding latency plus one store-and-forward time of a full
// frame) and a drop-tail queue of queueBytes at the wire's head; one peer
// means one egress port, so there is no cross traffic to model beyond that.
import { bps, micros, millis, type Nanos } from '../../sim';
import type { FaultSpec, LinkOptions } from '../../net/link';
import type { Scenario } from '../schema';

export function faultSpecFor(s: Scenario): FaultSpec {
  const w = s.faults.wire;
  const spec: FaultSpec = {};
  if (w.loss.model === 'independent' && w.loss.rate > 0) spec.loss = w.loss.rate;
  if (w.loss.model === 'gilbert-elliott') {
    spec.burstLoss = { pGoodToBad: w.loss.pGoodToBad, pBadToGood: w.loss.pBadToGood, lossInGood: w.loss.lossInGood, lossInBad: w.loss.lossInBad };
  }
  if (w.corruptionRate > 0) spec.corrupt = w.corruptionRate;
  if (w.duplicationRate > 0) spec.duplicate = w.duplicationRate;
  if (w.reorderRate > 0) spec.reorder = { rate: w.reorderRate, holdNanos: micros(w.reorderDelayUs) };
  if (w.jitterUs > 0) spec.jitter = { rate: 1, maxNanos: micros(w.jitterUs), preserveOrder: true };
  if (w.linkDown.length > 0) spec.outages = w.linkDown.map((d) => ({ down: millis(d.atMs), up: millis(d.atMs + d.forMs) }));
  return spec;
}

export function linkOptionsFor(s: Scenario): LinkOptions {
  const rate = bps(s.wire.bandwidthMbps * 1e6);
  let delay = micros(s.wire.delayUs);
  let queueBytes: number | undefined;
  if (s.wire.switch.enabled) {
    const frameNs = ((s.wire.mtuBytes + 38) * 8 * 1e9) / rate;
    delay = (delay + micros(s.wire.switch.forwardingDelayUs) + Math.round(frameNs)) as Nanos;
    queueBytes = s.wire.queueBytes;
  }
  const faults = faultSpecFor(s);
  return {
    a: 'server', b: 'peer', rate, delay, mtu: s.wire.mtuBytes, queueBytes,
    faultsAtoB: faults, faultsBtoA: faults,
  };
}
