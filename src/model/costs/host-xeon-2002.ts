// Host profile 'xeon-2002': a 2.4 GHz single-core NetBurst Xeon running Linux 2.4
// with an e1000-class gigabit NIC and no stateless offload. The literature gives
// shares and totals, not per-function cycles, so the per-operation numbers are
// estimates placed to satisfy two read constraints at once:
//
// 1. Foong et al.: about 1 GHz of CPU per 1 Gb/s, i.e. ~8 cycles per byte for bulk
//    (accepted within ±35%: 5.2..10.8 cycles/B).
// 2. Clark et al. and Kay & Pasquale: protocol code (tcp + ip) is a minority of the
//    per-packet cycles; buffers, interrupts, the driver and data touching dominate.
//
// Arithmetic for a 1460-byte segment (misses at 110 ns = 264 cycles at 2.4 GHz;
// one interrupt per packet with its one ICR read of 500 ns = 1200 cycles; delayed
// ACK every 2nd segment; the application moves 64 KB per system call, ~44.9 segments):
//
//   receiver, per segment                                            cycles
//     hardIrq 900 + ICR read 1200                                      2100
//     softirqEntry 300 + napiPollPacket 200                             500
//     driverRx 600+1 miss (864), skbAlloc 350+0.5 miss (482)           1346
//     ipRx 350+1 miss (614), tcpRxSegment 900+1 miss (1164)            1778
//     inetSock 300                                                      300
//     checksum 50 + 1.0 x 1460                                         1510
//     copy 200 + 0.8 x 1460                                            1368
//     skbFree 250 + 0.25 miss                                           316
//     (syscall 1200 + socketLayer 400 + contextSwitch 4000+2 misses) / 44.9   136
//     half an ACK sent: (skbAlloc 482 + tcpTxAck 600 + ipTx 400 + qdisc 300 + driverTx 500
//       + dmaDesc 200 + doorbell 300 + txCleanup 250 + skbFree 316) / 2          1674
//     total ~11,030 -> 7.55 cycles/B; tcp+ip = 1164 + 614 + (600 + 400)/2 = 2278 = 21%
//
//   sender, per segment: copy 1368 + checksum 1510 + skbAlloc 482 + tcpTx 932 + ipTx 400
//     + qdisc 300 + driverTx 500 + dmaDesc 200 + doorbell 300 + txCleanup 250 + skbFree 316
//     + inetSock 300 + syscall share 136 + half an ACK received (irq 2100 + softirqEntry 300
//     + napi 200 + driverRx 864 + skbAlloc 482 + ipRx 614 + tcpRxAck 864 + inetSock 300
//     + skbFree 316) / 2 = ~10,015 -> 6.86 cycles/B; tcp+ip = 932+400+(614+864)/2 = 2071 = 21%
//
// Both sides fall inside Foong's 8 cycles/B ±35% (5.2..10.8), the receiver costing
// more than the sender as Foong et al. found; tcp+ip is about a fifth of the cycles.
// native-calibration.test.ts recomputes both sums from this table through path-sums.ts.

import type { HostCostTable } from './host-table';
import { op } from './op-cost';
import { param } from './param';
import { estimate } from './source';

const CAL = (what: string) =>
  estimate(
    `${what}; placed so that native bulk costs ~8 cycles/B (Foong) with tcp+ip a minority of per-packet cycles (Clark, Kay & Pasquale); see the arithmetic in host-xeon-2002.ts`,
    'foong-2003',
  );
const BUF = (what: string) => estimate(`${what}; buffer management is a leading per-packet cost (Clark et al.)`, 'clark-1989');
const PROTO = (what: string) =>
  estimate(`${what}; Clark et al. count <200 instructions for TCP's common path, Linux 2.4 runs several times that at a NetBurst CPI of ~2-3`, 'clark-1989');
const OSM = (what: string) =>
  estimate(`${what}; the article gives no costs; priced like the native socket/INET glue it replaces (a few hundred cycles per call)`, 'seed-article');

export const HOST_XEON_2002: HostCostTable = {
  profile: 'xeon-2002',
  description: '2.4 GHz NetBurst Xeon, Linux 2.4, e1000-class NIC on PCI-X (2002)',
  cacheMissNs: param(110, 'ns', { min: 1, max: 1000 }, estimate('DDR-266 behind a 533 MT/s front-side bus and the MCH: ~3x the ~32 ns Brouer measures on modern parts', 'brouer'), 'Latency of a cache miss to DRAM'),
  mmioReadNs: param(500, 'ns', { min: 0, max: 10_000 }, estimate('an uncached read crosses the MCH and the PCI-X bridge and back: several bus clocks at 133 MHz plus bridge latency, ~0.5 µs', 'bus-specs'), 'CPU stall of one uncached read across the I/O bus'),
  mmioReadsPerInterrupt: param(1, 'reads', { min: 0, max: 16 }, estimate('e1000 on Linux 2.4 reads the Interrupt Cause Register once per interrupt', 'linux'), 'Uncached reads the native NIC driver issues per interrupt'),
  ops: {
    syscall: op('syscall', 'System call entry and exit (int 0x80)', estimate('int 0x80 entry/exit on NetBurst is notoriously slow, ~1,000+ cycles'), 1200),
    contextSwitch: op('syscall', 'Block and wake a process (schedule, switch_to)', estimate('a 2.4 scheduler switch plus wake-up with cold caches, a few µs at 2.4 GHz'), 4000, 0, 2),
    socketLayer: op('socket', 'Socket layer (sock_sendmsg / sock_recvmsg, struct socket)', CAL('socket glue per call'), 400),
    inetSock: op('socket', 'INET sock layer (struct sock: lock, queues, wake-ups) per segment', CAL('sock locking and wake-up per segment'), 300),
    tcpTxSegment: op('tcp', 'TCP transmit of one data segment (header build, window, timers)', PROTO('tcp output per segment'), 800, 0, 0.5),
    tcpRxSegment: op('tcp', 'TCP receive of one data segment (lookup, header prediction, queue)', PROTO('tcp input per data segment'), 900, 0, 1),
    tcpRxAck: op('tcp', 'TCP processing of one pure ACK (clean the retransmit queue, cwnd)', PROTO('tcp ACK processing'), 600, 0, 1),
    tcpTxAck: op('tcp', 'TCP generation of one pure ACK', PROTO('tcp ACK build'), 600),
    udpTx: op('udp', 'UDP transmit of one datagram', PROTO('udp output, simpler than tcp'), 450),
    udpRx: op('udp', 'UDP receive of one datagram (lookup, queue)', PROTO('udp input'), 500, 0, 1),
    ipTx: op('ip', 'IPv4 output of one packet (route cache, header, header checksum)', PROTO('ip output'), 400),
    ipRx: op('ip', 'IPv4 input of one packet (validation, header checksum, demux)', PROTO('ip input with the header cold after DMA'), 350, 0, 1),
    checksum: op('checksum', 'Internet checksum in software (RFC 1071) over the payload', CAL('memory-bound sum over DMA-cold data, ~2.4 GB/s'), 50, 1.0),
    copy: op('copy', 'Copy between user and kernel memory', CAL('copy_{to,from}_user at ~3 GB/s (one side cache-warm, the other streaming over a 533 MT/s FSB)'), 200, 0.8),
    skbAlloc: op('socket', 'sk_buff allocation (buffer management)', BUF('slab allocation of an skb and its data'), 350, 0, 0.5),
    skbFree: op('socket', 'sk_buff free (buffer management)', BUF('kfree_skb and slab free'), 250, 0, 0.25),
    qdisc: op('driver', 'Queueing discipline enqueue and dequeue (pfifo_fast)', CAL('qdisc lock, enqueue, dequeue'), 300),
    driverTx: op('driver', 'NIC driver transmit of one packet (hard_start_xmit)', CAL('e1000 xmit: descriptor fill and bookkeeping'), 500),
    driverRx: op('driver', 'NIC driver receive of one packet (descriptor, unmap, refill)', CAL('e1000 clean_rx with the descriptor cold after DMA'), 600, 0, 1),
    driverTxCleanup: op('driver', 'NIC driver transmit completion of one packet (unmap)', CAL('e1000 clean_tx per descriptor'), 250),
    dmaDescriptorSetup: op('dma-setup', 'DMA mapping and one descriptor written for a transfer', CAL('pci_map_single is nearly free on x86 without an IOMMU; the descriptor write dominates'), 200),
    doorbellWrite: op('mmio', 'Posted MMIO write of a doorbell or queue port', estimate('an uncached posted store: the CPU waits for the write buffer, ~100 ns', 'bus-specs'), 300),
    hardIrq: op('irq', 'Hard interrupt entry and exit (do_IRQ, APIC EOI)', estimate('interrupt delivery, entry and exit with pipeline flush on NetBurst, ~0.4 µs; interrupts are a leading cost (Clark et al.)', 'clark-1989'), 900),
    softirqEntry: op('softirq', 'Softirq run (net_rx_action) per invocation', CAL('softirq dispatch'), 300),
    napiPollPacket: op('softirq', 'Per-packet softirq work (netif_receive_skb dispatch)', CAL('per-packet backlog/NAPI dispatch'), 200),
    osmUserInterface: op('osm', 'OSM user interface: the af_inet replacement, per socket call', OSM('af_inet-equivalent entry'), 500),
    osmMessageInterface: op('osm', 'OSM message interface: translate a socket request to a socket message', OSM('request to message translation'), 400),
    osmKernelInterface: op('osm', 'OSM kernel interface: kernel services per completion (wake-ups, socket state)', OSM('completion handling'), 400),
    osmMemoryManagement: op('osm', 'OSM memory management: get or put one DMA pool buffer', OSM('pre-allocated pool free-list operation, no dynamic allocation (the article\'s design goal 4)'), 150),
    i2oMessageBuild: op('i2o', 'Build one I2O frame in IOP memory (header + SGL), per byte of frame written', estimate('uncached writes across PCI-X, write-combined; ~2 cycles per byte of frame plus setup', 'i2o-1.5'), 300, 2),
    i2oMessagePost: op('i2o', 'Post a frame address to the inbound queue port', estimate('one posted write plus the message-layer bookkeeping', 'i2o-1.5'), 300),
    i2oReplyHandling: op('i2o', 'Handle one outbound reply: dispatch by InitiatorContext, return the frame', estimate('reply decode and dispatch, comparable to a driver completion', 'linux-i2o'), 500, 0, 1),
  },
};
