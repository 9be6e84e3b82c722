// src/model/offload: the `offload` configuration's parts (DESIGN.md 1.1, 1.2, 1.5).
//
// Public API (what the rest of the model uses):
//   buildOffloadMachine(sim, opts: OffloadOptions): OffloadMachine   (src/model/machine/offload.ts)
//     OffloadMachine = Machine + { iop, bus, config: OffloadConfig, mu: MessagingUnit, ism: Stack,
//       pools: { tx, rx }: DmaPool, offload: OffloadCounters, setI2oTap(tap: I2oTap | null) }
//   OffloadOptions: addr, mac (required); costs (CostTables), hostClock, hostCpus, iopClock, bus
//     (BusConfig), mtu, tcp, staticArp, inboundFrames, inboundFrameWords, outboundFrames,
//     outboundFrameWords, txPool / rxPool { bufferBytes, buffers }, replyCoalescing { enabled,
//     maxReplies, timeout (ns) }, receiveBuckets, repostThreshold, macChecksumOffload,
//     rxFillTimeout (ns), faults: OffloadFaults { poolExhaustion [{ pool, atNs, forNs }],
//     i2oQueueFull [{ queue, atNs, forNs }], dmaErrorRate }. Defaults: the 2002-gigabit machine
//     (I2O_DEFAULTS and the xeon-2002 / iop321-2002 tables of src/model/costs).
//   resolveOffloadConfig(opts): OffloadConfig (the defaults applied), OffloadCounters, I2oTap,
//   CTX_DATA / CTX_CONTROL / CTX_CALL (the OSM's InitiatorContexts, for decoding captured frames).
//   testing/world.ts offloadWorld() and testing/bulk.ts startBulk() for tests and benches.
//
// Host side, the socket OSM in its four subsystems:
//   osm/user-interface.ts     the af_inet replacement: SocketApi with native errno semantics
//   osm/message-interface.ts  socket requests -> I2O socket-class private messages (src/i2o)
//   osm/kernel-interface.ts   the reply handler the ISR calls, wake-ups, poll/wait readiness
//   osm/memory.ts, dma-pool.ts the transmit and receive DMA pools (allocated once), the one copy
// I2O transport: host-transport.ts (inbound port reads, frame writes, posts; the outbound ISR)
// and card/iop-messaging.ts (IOP interrupt, IRTOS dispatch by TID, replies with coalescing).
// The card: card/ism.ts (the socket-class DDM over the ISM stack) with card/ism-receiver.ts,
// card/hdm.ts (the MAC driver), card/dma-engine.ts (payload across the bus, errors retried),
// card/ism-costs.ts (the ISM's StackCosts from the IOP profile).
// The parts below are exported for the assembler (src/model/machine/offload.ts) and tests.
export { resolveOffloadConfig, inWindow, type OffloadOptions, type OffloadConfig, type OffloadFaults, type FaultWindow, type PoolOptions } from './config';
export { OffloadCounters } from './counters';
export { CTX_CALL, CTX_CONTROL, CTX_DATA, CHILD_HANDLE_BASE, FIRST_HOST_HANDLE, type HostMemory } from './contexts';
export { errnoCode, errnoName } from './errno-codes';
export { HostTransport, type I2oTap, type OutboundRequest, type ReplyHandler } from './host-transport';
export { IopMessaging, type Ddm, type CoalesceRule } from './card/iop-messaging';
export { DmaEngine } from './card/dma-engine';
export { Hdm } from './card/hdm';
export { Ism } from './card/ism';
export { IsmReceiver } from './card/ism-receiver';
export { ismStackCosts } from './card/ism-costs';
export { DmaPool } from './osm/dma-pool';
export { HostWork } from './osm/host-work';
export { MessageInterface } from './osm/message-interface';
export { MemoryManagement } from './osm/memory';
export { KernelInterface, type SocketTable } from './osm/kernel-interface';
export { OsmUserInterface } from './osm/user-interface';
export { OsmSocket, type OsmState } from './osm/osm-socket';
