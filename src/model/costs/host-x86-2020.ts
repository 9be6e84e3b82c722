// Host profile 'x86-2020': a 3 GHz out-of-order x86 core running a Linux 5.x
// kernel with an ixgbe/ice-class NIC (MSI-X, no register read per interrupt).
// Cai et al. (Linux 5.4, 100 GbE, one flow, no offloads) give the shape: tcp/ip 37%,
// netdev 16%, skb 7%, memory management 7%, locks 5%, scheduling 5%, data copy 5%;
// so without offloads the per-packet work dominates and data copy is small, and
// with TSO/GRO the per-packet work is amortised over 64 KB and copy dominates.
// The numbers below are estimates that reproduce that shape at 1500-byte MTU: per
// 1448-byte segment received without offloads ~5,500 cycles, of which tcp+ip ~31% and
// copy ~8%, i.e. ~3.8 cycles/B or ~6.4 Gb/s on one 3 GHz core; with checksum offload,
// TSO/GRO and coalescing ~1 cycle/B (~24 Gb/s per core), the order Cai et al. and
// Brouer report for a single flow. native-calibration.test.ts pins the shape.

import type { HostCostTable } from './host-table';
import { op } from './op-cost';
import { param } from './param';
import { estimate, source } from './source';

const CAI = (what: string) =>
  estimate(`${what}; scaled so that per-packet shares follow Cai et al. (tcp/ip 37%, netdev 16%, skb 7%, copy 5% without offloads)`, 'cai-2021');
const OSM = (what: string) =>
  estimate(`${what}; the 2002 OSM costs scaled by the modern/2002 ratio of the glue it replaces`, 'seed-article');

export const HOST_X86_2020: HostCostTable = {
  profile: 'x86-2020',
  description: '3 GHz out-of-order x86 core, Linux 5.x, MSI-X multi-queue NIC on PCIe (2020)',
  cacheMissNs: param(32, 'ns', { min: 1, max: 1000 }, source('brouer'), 'Latency of a cache miss to DRAM'),
  mmioReadNs: param(800, 'ns', { min: 0, max: 10_000 }, estimate('a PCIe non-posted read completes in ~0.5-1 µs through the root complex', 'bus-specs'), 'CPU stall of one uncached read across the I/O bus'),
  mmioReadsPerInterrupt: param(0, 'reads', { min: 0, max: 16 }, estimate('MSI-X drivers (ixgbe, ice) know the cause from the vector and read no register', 'linux'), 'Uncached reads the native NIC driver issues per interrupt'),
  ops: {
    syscall: op('syscall', 'System call entry and exit (syscall/sysret, with page-table isolation)', estimate('~100 cycles bare, several hundred with Meltdown/Spectre mitigations'), 500),
    contextSwitch: op('syscall', 'Block and wake a process (schedule, switch_to)', CAI('scheduling ~5% of cycles'), 2000, 0, 2),
    socketLayer: op('socket', 'Socket layer (sock_sendmsg / sock_recvmsg, struct socket)', CAI('socket glue per call'), 300),
    inetSock: op('socket', 'INET sock layer (struct sock: lock, queues, wake-ups) per segment', CAI('locks ~5%'), 200),
    tcpTxSegment: op('tcp', 'TCP transmit of one data segment (header build, window, timers)', CAI('tcp output'), 700, 0, 0.5),
    tcpRxSegment: op('tcp', 'TCP receive of one data segment (lookup, header prediction, queue)', CAI('tcp input'), 800, 0, 1),
    tcpRxAck: op('tcp', 'TCP processing of one pure ACK (clean the retransmit queue, cwnd)', CAI('ACK processing'), 600, 0, 1),
    tcpTxAck: op('tcp', 'TCP generation of one pure ACK', CAI('ACK build'), 500),
    udpTx: op('udp', 'UDP transmit of one datagram', CAI('udp output'), 350),
    udpRx: op('udp', 'UDP receive of one datagram (lookup, queue)', CAI('udp input'), 400, 0, 1),
    ipTx: op('ip', 'IPv4 output of one packet (route lookup, header, header checksum)', CAI('ip output'), 350),
    ipRx: op('ip', 'IPv4 input of one packet (validation, header checksum, demux)', CAI('ip input'), 300, 0, 1),
    checksum: op('checksum', 'Internet checksum in software (RFC 1071) over the payload', estimate('csum_partial with wide adds from cache (DDIO places DMA data in the LLC), ~4 B/cycle', 'cai-2021'), 30, 0.25),
    copy: op('copy', 'Copy between user and kernel memory', CAI('rep movsb from the LLC (DDIO) at ~12 GB/s; copy ~5-8% of cycles without offloads'), 100, 0.25),
    skbAlloc: op('socket', 'sk_buff allocation (buffer management)', CAI('skb ~7%, memory management ~7%'), 250, 0, 0.5),
    skbFree: op('socket', 'sk_buff free (buffer management)', CAI('skb and page-pool free'), 200, 0, 0.25),
    qdisc: op('driver', 'Queueing discipline enqueue and dequeue (fq_codel / mq)', CAI('netdev ~16%'), 250),
    driverTx: op('driver', 'NIC driver transmit of one packet (ndo_start_xmit)', CAI('netdev ~16%'), 300),
    driverRx: op('driver', 'NIC driver receive of one packet (descriptor, build_skb, refill)', CAI('netdev ~16%'), 300, 0, 1),
    driverTxCleanup: op('driver', 'NIC driver transmit completion of one packet (unmap)', CAI('netdev'), 150),
    dmaDescriptorSetup: op('dma-setup', 'DMA mapping and one descriptor written for a transfer', CAI('dma_map with IOMMU passthrough plus the descriptor write'), 150),
    doorbellWrite: op('mmio', 'Posted MMIO write of a doorbell (tail register)', estimate('a posted write drains the store buffer, ~50 ns', 'bus-specs'), 150),
    hardIrq: op('irq', 'Hard interrupt entry and exit (MSI-X vector, APIC EOI)', estimate('~0.2 µs entry and exit on a modern core', 'brouer'), 600),
    softirqEntry: op('softirq', 'Softirq run (net_rx_action) per invocation', CAI('softirq dispatch'), 200),
    napiPollPacket: op('softirq', 'Per-packet NAPI poll work (napi_gro_receive dispatch)', CAI('per-packet dispatch'), 150),
    osmUserInterface: op('osm', 'OSM user interface: the af_inet replacement, per socket call', OSM('af_inet-equivalent entry'), 300),
    osmMessageInterface: op('osm', 'OSM message interface: translate a socket request to a socket message', OSM('request to message translation'), 250),
    osmKernelInterface: op('osm', 'OSM kernel interface: kernel services per completion (wake-ups, socket state)', OSM('completion handling'), 250),
    osmMemoryManagement: op('osm', 'OSM memory management: get or put one DMA pool buffer', OSM('pool free-list operation'), 100),
    i2oMessageBuild: op('i2o', 'Build one I2O frame in IOP memory (header + SGL), per byte of frame written', estimate('write-combined stores across PCIe, ~1 cycle per byte of frame plus setup', 'i2o-1.5'), 200, 1),
    i2oMessagePost: op('i2o', 'Post a frame address to the inbound queue port', estimate('one posted write plus bookkeeping', 'i2o-1.5'), 200),
    i2oReplyHandling: op('i2o', 'Handle one outbound reply: dispatch by InitiatorContext, return the frame', estimate('reply decode and dispatch, comparable to a driver completion', 'linux-i2o'), 300, 0, 1),
  },
};
