// The `offload` configuration (DESIGN.md 1.1): a host whose socket calls go
// through the socket OSM and I2O messages across the bus to an iNIC, where
// the IRTOS dispatches them to the DDM = the ISM (our TCP/IP stack on the IOP)
// + the HDM (the card's MAC driver). Assembles src/model/offload's parts and
// presents them as a Machine.
import { Priority, Processor, type Simulator } from '../../sim';
import { EVENT_LAYOUTS, MessagingUnit, SOCKET_DDM_TID } from '../../i2o';
import type { Netif } from '../../net/link';
import { Stack } from '../../net/stack';
import { Bus } from '../bus';
import { resolveHostCosts, resolveIopCosts } from '../costs';
import {
  CTX_CALL, CTX_CONTROL, CTX_DATA, DmaEngine, DmaPool, Hdm, HostTransport, IopMessaging, Ism, IsmReceiver, KernelInterface, MemoryManagement,
  MessageInterface, OffloadCounters, OsmUserInterface, HostWork, ismStackCosts, resolveOffloadConfig,
  type I2oTap, type OffloadConfig, type OffloadOptions,
} from '../offload';
import { ipTapFor } from './ip-tap';
import { emptyCounters, type CaptureTaps, type Machine, type MachineCounters } from './types';

/** Bus addresses of the OSM's pools in host memory (below 4 GB: 32-bit SGL elements). */
const TX_POOL_BASE = 0x20000000;
const RX_POOL_BASE = 0x40000000;

export interface OffloadMachine extends Machine, CaptureTaps {
  readonly configuration: 'offload';
  readonly iop: Processor;
  readonly bus: Bus;
  readonly config: OffloadConfig;
  /** The I2O messaging unit (queues, frames, counters). */
  readonly mu: MessagingUnit;
  /** The ISM: the TCP/IP stack running on the IOP. */
  readonly ism: Stack;
  readonly pools: { readonly tx: DmaPool; readonly rx: DmaPool };
  /** Card and OSM counters beyond MachineCounters (DMA errors, MAC drops, outbound backlog...). */
  readonly offload: OffloadCounters;
  /** Observes every I2O frame (real bytes) as it is written across the bus; null to stop. */
  setI2oTap(tap: I2oTap | null): void;
}

export function buildOffloadMachine(sim: Simulator, opts: OffloadOptions): OffloadMachine {
  const cfg = resolveOffloadConfig(opts);
  const counters = new OffloadCounters();
  const cpus: Processor[] = [];
  for (let i = 0; i < cfg.hostCpus; i++) cpus.push(new Processor(sim, { name: `${cfg.name}:cpu${i}`, clock: cfg.hostClock }));
  const cpu = cpus[0]!;
  const iop = new Processor(sim, { name: `${cfg.name}:iop`, clock: cfg.iopClock });
  const hostCosts = resolveHostCosts(cfg.costs, cfg.hostClock);
  const iopCosts = resolveIopCosts(cfg.costs, cfg.iopClock);
  const b = cfg.bus;
  const bus = new Bus(sim, {
    name: `${cfg.name}:bus`, bytesPerSecond: b.peakBytesPerSec * b.efficiency.value, nsPerTransaction: b.perTransactionNs.value,
    mmioReadNs: hostCosts.mmioReadNs, maxBurstBytes: b.maxBurstBytes.value, duplex: b.fullDuplex,
  });
  const mu = new MessagingUnit({
    inboundFrames: cfg.inboundFrames, inboundFrameWords: cfg.inboundFrameWords,
    outboundFrames: cfg.outboundFrames, outboundFrameWords: cfg.outboundFrameWords,
  });
  const queueFull = cfg.faults.i2oQueueFull ?? [];
  const transport = new HostTransport(sim, cpu, bus, mu, hostCosts, counters, queueFull.filter((w) => w.queue === 'outbound'));
  const messaging = new IopMessaging(sim, iop, bus, mu, iopCosts, counters, transport, cfg.coalesce, queueFull.filter((w) => w.queue === 'inbound'));
  transport.doorbell = messaging;
  transport.onOutboundReturned = () => messaging.outboundReturned();

  const hdm = new Hdm(iop, iopCosts, counters, cfg.rxDescriptors, cfg.txDescriptors);
  const stack = new Stack({
    name: `${cfg.name}:ism`, sim, processor: iop, mac: cfg.mac, addr: cfg.addr, netif: hdm, mtu: cfg.mtu,
    costs: ismStackCosts(iopCosts), checksumOffload: cfg.macChecksumOffload, tcp: cfg.tcp, staticArp: cfg.staticArp,
    // One priority for all of the ISM's work: its jobs complete in the order they were
    // made, so segments leave in sequence order however loaded the IOP is.
    rxPriority: Priority.SoftIrq, appPriority: Priority.SoftIrq, belowLayer: 'hdm',
  });
  hdm.stack = stack;
  const dma = new DmaEngine(iop, bus, iopCosts, counters, cfg.faults.dmaErrorRate ?? 0, sim.rng.stream(`${cfg.name}:dma-errors`));

  const work = new HostWork(cpu, transport, hostCosts);
  const msgs = new MessageInterface(work, cfg.inboundFrameWords);
  const exhaustion = cfg.faults.poolExhaustion ?? [];
  const tx = new DmaPool(sim, 'tx', TX_POOL_BASE, cfg.txPool.bufferBytes, cfg.txPool.buffers, exhaustion.filter((w) => w.pool === 'tx'));
  const rx = new DmaPool(sim, 'rx', RX_POOL_BASE, cfg.rxPool.bufferBytes, cfg.rxPool.buffers, exhaustion.filter((w) => w.pool === 'rx'));
  const memory = new MemoryManagement(
    tx, rx, work, msgs, counters, cfg.receiveBuckets, cfg.repostThreshold, sim, cpu.id, cfg.cardBufferSharePercent,
  );
  // A reply frame: 4 header words, the status word and the private word, the payload words, 2 words per SGL element.
  const replySgl = Math.max(1, Math.floor((cfg.outboundFrameWords - 6 - EVENT_LAYOUTS.RECVFROM_DATA.words.length) / 2));
  const receiver = new IsmReceiver(sim, stack, messaging, dma, memory, rx.bufferBytes, cfg.rxFillTimeout, cfg.coalesce.maxReplies, replySgl, counters);
  const ism = new Ism(iop, stack, iopCosts, messaging, dma, memory, receiver, msgs.maxSgl * tx.bufferBytes);
  messaging.register(SOCKET_DDM_TID, ism);
  const kernel = new KernelInterface(work, memory, msgs, counters);
  transport.register(CTX_DATA, kernel);
  transport.register(CTX_CONTROL, kernel);
  transport.register(CTX_CALL, kernel);
  transport.onIsrDone = () => kernel.isrDone();
  const api = new OsmUserInterface(sim, work, memory, msgs, kernel, ism);

  return {
    name: cfg.name,
    configuration: 'offload',
    addr: cfg.addr,
    mac: cfg.mac,
    api,
    hostCpus: cpus,
    appCpu: cpu,
    iop,
    bus,
    config: cfg,
    mu,
    ism: stack,
    pools: { tx, rx },
    offload: counters,
    port: hdm,
    attach(netif: Netif): void {
      hdm.wire = netif;
    },
    setI2oTap(tap: I2oTap | null): void {
      transport.tap = tap;
      messaging.tap = tap;
    },
    setDriverTap(tap) {
      hdm.driverTap = tap;
    },
    setIpTap(tap) {
      stack.out.ipTap = ipTapFor(sim, tap);
    },
    counters(): MachineCounters {
      const c = emptyCounters();
      const mc = mu.counters();
      c.interrupts = counters.interrupts;
      c.contextSwitches = counters.contextSwitches;
      c.copies = counters.copies;
      c.bytesCopied = counters.bytesCopied;
      c.dmaTransfers = bus.dmaTransfers;
      c.dmaBytes = bus.dmaBytes;
      c.mmioReads = counters.mmioReads;
      c.i2oMessages = mc.inbound.messages + mc.outbound.messages;
      c.i2oFramesInUse = mc.inbound.inUse + mc.outbound.inUse;
      c.runtimeAllocations = tx.runtimeAllocations + rx.runtimeAllocations;
      c.rxRingDrops = counters.macRxDrops;
      c.poolExhausted = counters.poolExhausted;
      c.sendBufferFull = counters.sendBufferFull;
      // Inbound port reads that found no free frame, and replies that found no free host frame.
      c.i2oQueueFull = counters.i2oQueueFull + counters.outboundFull;
      const xq = stack.out.xmitCounters;
      c.xmitPeakQueued = xq.peakQueued;
      c.xmitStoppedWaits = xq.stoppedWaits;
      const ring = hdm.tx;
      c.hdmTxStops = ring.counters.stops;
      c.hdmTxWakes = ring.counters.wakes;
      c.hdmTxPeakInUse = ring.counters.peakInUse;
      c.hdmTxDescriptors = ring.size;
      c.hdmTxFree = ring.free;
      return c;
    },
    tcpConnections() {
      return stack.connections();
    },
  };
}
