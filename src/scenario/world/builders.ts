// Which code builds each machine of a world. The server of each configuration
// comes from src/model/machine (native and stateless: the host + NIC model;
// offload: the OSM + I2O + iNIC model); the peer is a native machine whose CPU
// can be ideal. Tests may pass their own builders (a plain stack machine, say).
import { mhz, type Simulator } from '../../sim';
import { buildOffloadMachine } from '../../model/machine/offload';
import { buildNativeMachine, buildPeerMachine, type Machine } from '../../model/machine';
import type { Coalescing } from '../../model/nic';
import { bps, micros, millis } from '../../sim';
import type { Configuration, Scenario, ScenarioCosts } from '../schema';
import { PEER_ADDR, PEER_MAC, SERVER_ADDR, SERVER_MAC } from './addresses';
import { buildStackMachine } from './stack-machine';
import { tcpConfigFor } from './tcp-config';

export interface BuildContext {
  readonly sim: Simulator;
  readonly scenario: Scenario;
  readonly costs: ScenarioCosts;
}

export type ServerBuilder = (c: BuildContext) => Machine;

export interface MachineBuilders {
  readonly servers: Partial<Record<Configuration, ServerBuilder>>;
  readonly peer: (c: BuildContext) => Machine;
}

export function buildOffloadServer({ sim, scenario: s, costs }: BuildContext): Machine {
  const i = s.inic;
  const ns = (w: { atMs: number; forMs: number }) => ({ atNs: millis(w.atMs), forNs: millis(w.forMs) });
  return buildOffloadMachine(sim, {
    name: 'offload',
    addr: SERVER_ADDR,
    mac: SERVER_MAC,
    costs: costs.tables,
    hostClock: mhz(s.server.clockMHz),
    iopClock: mhz(i.iopClockMHz),
    bus: s.bus,
    mtu: s.wire.mtuBytes,
    tcp: tcpConfigFor(s),
    inboundFrames: i.inboundFrames,
    inboundFrameWords: i.inboundFrameWords,
    outboundFrames: i.outboundFrames,
    outboundFrameWords: i.outboundFrameWords,
    txPool: i.txPool,
    rxPool: i.rxPool,
    replyCoalescing: { enabled: i.replyCoalescing.enabled, maxReplies: i.replyCoalescing.maxReplies, timeout: micros(i.replyCoalescing.timeoutUs) },
    receiveBuckets: i.receiveBuckets,
    repostThreshold: i.repostThreshold,
    macChecksumOffload: i.macChecksumOffload,
    txDescriptors: i.txDescriptors,
    rxDescriptors: i.rxDescriptors,
    cardBufferSharePercent: i.cardBufferSharePercent,
    faults: {
      poolExhaustion: s.faults.card.poolExhaustion.map((w) => ({ pool: w.pool, ...ns(w) })),
      i2oQueueFull: s.faults.card.i2oQueueFull.map((w) => ({ queue: w.queue, ...ns(w) })),
      dmaErrorRate: s.faults.card.dmaErrorRate,
    },
  });
}

function coalescingFor(s: Scenario): Coalescing {
  const c = s.nic.coalescing;
  if (c.mode === 'fixed') return { mode: 'fixed', usecs: c.usecs, frames: c.frames };
  if (c.mode === 'adaptive') return { mode: 'adaptive', stepsPerSec: [c.lowestLatencyIntsPerSec, c.lowLatencyIntsPerSec, c.bulkIntsPerSec] };
  return { mode: 'off' };
}

/**
 * `native` (a plain NIC: software checksums, no segmentation or receive
 * offloads, an interrupt per packet unless nic.coalesceNative) or `stateless`
 * (the scenario's NIC offloads and coalescing).
 */
export function buildNativeServer(configuration: 'native' | 'stateless'): ServerBuilder {
  return ({ sim, scenario: s, costs }) => {
    const st = configuration === 'stateless';
    const n = s.nic;
    return buildNativeMachine(sim, {
      name: configuration,
      addr: SERVER_ADDR,
      mac: SERVER_MAC,
      costs: costs.tables,
      hostClock: mhz(s.server.clockMHz),
      hostCpus: s.server.cores,
      bus: s.bus,
      mtu: s.wire.mtuBytes,
      tcp: tcpConfigFor(s),
      offloads: st ? { checksumTx: n.checksumOffload, checksumRx: n.checksumOffload, tso: n.tso, gso: n.gso, lro: n.lro, gro: n.gro } : {},
      nic: {
        txRing: n.txRingDescriptors, rxRing: n.rxRingDescriptors, lineRate: bps(s.wire.bandwidthMbps * 1e6),
        coalescing: st || n.coalesceNative ? coalescingFor(s) : { mode: 'off' },
      },
      napi: { weight: n.napiWeight, budget: n.softirqBudgetPackets, budgetUsecs: n.softirqBudgetUs },
    });
  };
}

/** The peer: a native machine, ideal (free, no bus) when `peer.idealCpu`, else with the host costs at the peer clock. */
export function buildPeer({ sim, scenario: s, costs }: BuildContext): Machine {
  return buildPeerMachine(sim, {
    name: 'peer', addr: PEER_ADDR, mac: PEER_MAC, costs: costs.tables, hostClock: mhz(s.peer.clockMHz),
    bus: s.bus, mtu: s.wire.mtuBytes, tcp: tcpConfigFor(s), idealCpu: s.peer.idealCpu,
    nic: { lineRate: bps(s.wire.bandwidthMbps * 1e6) },
  });
}

/** The peer: a plain stack, free when `peer.idealCpu`, else charging the stack's costs at the peer clock. */
export function buildPlainPeer({ sim, scenario: s }: BuildContext): Machine {
  return buildStackMachine(sim, {
    name: 'peer', addr: PEER_ADDR, mac: PEER_MAC, mtu: s.wire.mtuBytes, tcp: tcpConfigFor(s),
    ideal: s.peer.idealCpu, clock: mhz(s.peer.clockMHz),
  });
}

export const DEFAULT_BUILDERS: MachineBuilders = {
  servers: { native: buildNativeServer('native'), stateless: buildNativeServer('stateless'), offload: buildOffloadServer },
  peer: buildPeer,
};
