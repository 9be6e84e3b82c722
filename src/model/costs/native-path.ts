// Cycles the native (and stateless) host path spends per TCP segment of a bulk
// transfer, summed from a resolved host table. The sender's path: system call, copy
// from user, checksum, TCP and IP output, qdisc, driver, DMA descriptor, doorbell,
// completion; plus its share of the ACKs it receives. The receiver's path: the
// interrupt (with the driver's MMIO read), softirq, driver, IP and TCP input,
// checksum, copy to user; plus its share of the ACKs it sends.

import type { ResolvedHostCosts } from './resolve';
import { PathAccumulator, type PathSum } from './path-sum';

export interface NativeBulkOptions {
  /** TCP payload bytes per wire segment (the MSS in use). */
  readonly segmentBytes: number;
  /** Bytes the application moves per send() or recv() call. */
  readonly appCallBytes: number;
  /** Delayed ACK: one ACK per this many segments (RFC 1122: 2). */
  readonly ackEverySegments: number;
  /** Received packets per interrupt: 1 without coalescing. */
  readonly packetsPerInterrupt: number;
  readonly checksumOffload: boolean;
  /** Segments per TSO/GSO super-packet (1 = off). */
  readonly tsoSegments: number;
  /** Segments per GRO/LRO aggregate (1 = off). */
  readonly groSegments: number;
  /** Whether each call blocks and wakes (one context switch per call). */
  readonly blockingCalls: boolean;
}

export const NATIVE_2002_BULK: NativeBulkOptions = {
  segmentBytes: 1460,
  appCallBytes: 65_536,
  ackEverySegments: 2,
  packetsPerInterrupt: 1,
  checksumOffload: false,
  tsoSegments: 1,
  groSegments: 1,
  blockingCalls: true,
};

function perCall(acc: PathAccumulator, h: ResolvedHostCosts, o: NativeBulkOptions): void {
  const calls = o.segmentBytes / o.appCallBytes;
  acc.add('syscall', h.ops.syscall, calls);
  acc.add('socketLayer', h.ops.socketLayer, calls);
  if (o.blockingCalls) acc.add('contextSwitch', h.ops.contextSwitch, calls);
}

function interrupts(acc: PathAccumulator, h: ResolvedHostCosts, packets: number, o: NativeBulkOptions): void {
  const irqs = packets / o.packetsPerInterrupt;
  acc.add('hardIrq', h.ops.hardIrq, irqs);
  acc.raw('mmioRead', 'mmio', irqs * h.mmioReadsPerInterrupt * h.mmioReadCycles);
  acc.add('softirqEntry', h.ops.softirqEntry, irqs);
}

/** Host cycles per segment sent, including the ACKs received for it. */
export function nativeSendPerSegment(h: ResolvedHostCosts, o: NativeBulkOptions): PathSum {
  const acc = new PathAccumulator();
  const seg = o.segmentBytes;
  perCall(acc, h, o);
  acc.add('inetSock', h.ops.inetSock, 1);
  acc.add('copy', h.ops.copy, 1, seg);
  if (!o.checksumOffload) acc.add('checksum', h.ops.checksum, 1, seg);
  const sp = 1 / o.tsoSegments;
  for (const n of ['skbAlloc', 'tcpTxSegment', 'ipTx', 'qdisc', 'driverTx', 'dmaDescriptorSetup', 'doorbellWrite', 'driverTxCleanup', 'skbFree'] as const) {
    acc.add(n, h.ops[n], sp);
  }
  // ACKs received: pure ACKs are never aggregated by GRO.
  const acks = 1 / o.ackEverySegments;
  interrupts(acc, h, acks, o);
  for (const n of ['napiPollPacket', 'driverRx', 'skbAlloc', 'ipRx', 'tcpRxAck', 'inetSock', 'skbFree'] as const) acc.add(n, h.ops[n], acks);
  return acc.result();
}

/** Host cycles per segment received, including the ACKs sent for it. */
export function nativeReceivePerSegment(h: ResolvedHostCosts, o: NativeBulkOptions): PathSum {
  const acc = new PathAccumulator();
  const seg = o.segmentBytes;
  perCall(acc, h, o);
  interrupts(acc, h, 1, o);
  for (const n of ['napiPollPacket', 'driverRx', 'skbAlloc'] as const) acc.add(n, h.ops[n], 1);
  const agg = 1 / o.groSegments;
  for (const n of ['ipRx', 'tcpRxSegment', 'inetSock', 'skbFree'] as const) acc.add(n, h.ops[n], agg);
  if (!o.checksumOffload) acc.add('checksum', h.ops.checksum, 1, seg);
  acc.add('copy', h.ops.copy, agg, seg * o.groSegments);
  // Linux ACKs a GRO aggregate at once; otherwise every ackEverySegments segments.
  const acks = 1 / Math.max(o.ackEverySegments, o.groSegments);
  for (const n of ['skbAlloc', 'tcpTxAck', 'ipTx', 'qdisc', 'driverTx', 'dmaDescriptorSetup', 'doorbellWrite', 'driverTxCleanup', 'skbFree'] as const) {
    acc.add(n, h.ops[n], acks);
  }
  return acc.result();
}
