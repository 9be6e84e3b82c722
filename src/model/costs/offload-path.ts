// Cycles the offload path spends per TCP segment of a bulk transfer, on the host
// (socket OSM + I2O messaging) and on the IOP (IRTOS, ISM, HDM, DMA engine), summed
// from resolved tables. The structure follows DESIGN.md 1.5:
//   send:    the host copies user data into transmit-pool buffers, pops a free inbound
//            frame (an MMIO read), writes a frame whose SGL names the buffers, posts it;
//            the IOP DMAs the buffers in, runs TCP/IP per segment, and replies; replies
//            are coalesced behind one host interrupt whose handler reads the outbound
//            port until it is empty (replies + 1 reads).
//   receive: the IOP runs TCP/IP per segment, DMAs payload into posted receive-pool
//            buffers and replies once per buffer; the host copies to the user and
//            reposts buckets in batches (one ReceivePost per repost threshold).

import {
  COMPLETE_LAYOUT,
  I2O_HEADER_WORDS,
  I2O_PRIVATE_WORDS,
  I2O_REPLY_STATUS_WORDS,
  REQUEST_LAYOUTS,
  type SocketLayout,
} from '../../i2o';
import type { ResolvedHostCosts, ResolvedIopCosts } from './resolve';
import { PathAccumulator, type PathSum } from './path-sum';

export interface OffloadBulkOptions {
  readonly segmentBytes: number;
  readonly appCallBytes: number;
  readonly ackEverySegments: number;
  /** OSM DMA pool buffer size (transmit or receive, whichever the direction uses). */
  readonly poolBufferBytes: number;
  /** Inbound frame size in 32-bit words: bounds the SGL elements per send message. */
  readonly inboundFrameWords: number;
  /** Replies per host interrupt (reply coalescing). */
  readonly repliesPerInterrupt: number;
  /** Receive buffers reposted per ReceivePost message. */
  readonly repostBatch: number;
  /** The card's MAC checksums TCP/UDP, so the ISM does not. */
  readonly macChecksumOffload: boolean;
  /** Packets per IOP interrupt from the card's MAC. */
  readonly iopPacketsPerInterrupt: number;
  readonly blockingCalls: boolean;
}

export interface OffloadPathSums {
  readonly host: PathSum;
  readonly iop: PathSum;
}

const payloadWords = (l: SocketLayout): number => Math.ceil(l.words.reduce((a, w) => a + w.bits, 0) / 32);

/** A SEND or RECV request frame before its SGL: header, private word, handle and flags (src/i2o). */
const FRAME_FIXED_WORDS = I2O_HEADER_WORDS + I2O_PRIVATE_WORDS + Math.max(payloadWords(REQUEST_LAYOUTS.SEND), payloadWords(REQUEST_LAYOUTS.RECV));
/** A simple SGL element: flags/count word + 32-bit address. */
const SGL_ELEMENT_WORDS = 2;
/** A completion reply: header, status word, private word, handle and result. */
const REPLY_BYTES = 4 * (I2O_HEADER_WORDS + I2O_REPLY_STATUS_WORDS + I2O_PRIVATE_WORDS + payloadWords(COMPLETE_LAYOUT));

function sglPerFrame(o: OffloadBulkOptions): number {
  return Math.max(1, Math.floor((o.inboundFrameWords - FRAME_FIXED_WORDS) / SGL_ELEMENT_WORDS));
}

function hostCall(acc: PathAccumulator, h: ResolvedHostCosts, o: OffloadBulkOptions, calls: number): void {
  acc.add('syscall', h.ops.syscall, calls);
  acc.add('socketLayer', h.ops.socketLayer, calls);
  acc.add('osmUserInterface', h.ops.osmUserInterface, calls);
  if (o.blockingCalls) acc.add('contextSwitch', h.ops.contextSwitch, calls);
}

/** One inbound message from the host: pop a frame (MMIO read), build, post; the IOP dispatches it. */
function inboundMessage(host: PathAccumulator, iop: PathAccumulator, h: ResolvedHostCosts, p: ResolvedIopCosts, n: number, frameBytes: number): void {
  host.add('osmMessageInterface', h.ops.osmMessageInterface, n);
  host.raw('mmioRead', 'mmio', n * h.mmioReadCycles);
  host.add('i2oMessageBuild', h.ops.i2oMessageBuild, n, frameBytes);
  host.add('i2oMessagePost', h.ops.i2oMessagePost, n);
  iop.add('iopInterrupt', p.ops.iopInterrupt, n);
  iop.add('irtosDispatch', p.ops.irtosDispatch, n);
  iop.add('ismSocketRequest', p.ops.ismSocketRequest, n);
}

/** `n` replies from the IOP, `perIrq` of them behind each host interrupt. */
function replies(host: PathAccumulator, iop: PathAccumulator, h: ResolvedHostCosts, p: ResolvedIopCosts, n: number, perIrq: number): void {
  iop.add('i2oReplyBuild', p.ops.i2oReplyBuild, n, REPLY_BYTES);
  const irqs = n / perIrq;
  host.add('hardIrq', h.ops.hardIrq, irqs);
  host.raw('mmioRead', 'mmio', (n + irqs) * h.mmioReadCycles);
  host.add('i2oReplyHandling', h.ops.i2oReplyHandling, n);
  host.add('osmKernelInterface', h.ops.osmKernelInterface, n);
}

function iopSegmentsOut(iop: PathAccumulator, p: ResolvedIopCosts, o: OffloadBulkOptions, n: number, bytes: number, data: boolean): void {
  iop.add('ismBufferAlloc', p.ops.ismBufferAlloc, n);
  iop.add(data ? 'tcpTxSegment' : 'tcpTxAck', data ? p.ops.tcpTxSegment : p.ops.tcpTxAck, n);
  iop.add('ipTx', p.ops.ipTx, n);
  if (!o.macChecksumOffload && bytes > 0) iop.add('checksum', p.ops.checksum, n, bytes);
  iop.add('hdmTxPacket', p.ops.hdmTxPacket, n);
  iop.add('ismBufferFree', p.ops.ismBufferFree, n);
}

function iopSegmentsIn(iop: PathAccumulator, p: ResolvedIopCosts, o: OffloadBulkOptions, n: number, bytes: number, data: boolean): void {
  iop.add('iopInterrupt', p.ops.iopInterrupt, n / o.iopPacketsPerInterrupt);
  iop.add('hdmRxPacket', p.ops.hdmRxPacket, n);
  iop.add('ismBufferAlloc', p.ops.ismBufferAlloc, n);
  iop.add('ipRx', p.ops.ipRx, n);
  iop.add(data ? 'tcpRxSegment' : 'tcpRxAck', data ? p.ops.tcpRxSegment : p.ops.tcpRxAck, n);
  if (!o.macChecksumOffload && bytes > 0) iop.add('checksum', p.ops.checksum, n, bytes);
  iop.add('ismBufferFree', p.ops.ismBufferFree, n);
}

/** Host and IOP cycles per segment sent by the server through the iNIC. */
export function offloadSendPerSegment(h: ResolvedHostCosts, p: ResolvedIopCosts, o: OffloadBulkOptions): OffloadPathSums {
  const host = new PathAccumulator();
  const iop = new PathAccumulator();
  const segsPerCall = o.appCallBytes / o.segmentBytes;
  const buffers = Math.ceil(o.appCallBytes / o.poolBufferBytes);
  const perFrame = sglPerFrame(o);
  const messages = Math.ceil(buffers / perFrame);
  const k = 1 / segsPerCall;
  hostCall(host, h, o, k);
  host.add('osmMemoryManagement', h.ops.osmMemoryManagement, 2 * buffers * k);
  host.add('copy', h.ops.copy, buffers * k, o.appCallBytes / buffers);
  inboundMessage(host, iop, h, p, messages * k, 4 * (FRAME_FIXED_WORDS + SGL_ELEMENT_WORDS * Math.min(buffers, perFrame)));
  iop.add('dmaEngineSetup', p.ops.dmaEngineSetup, buffers * k);
  iopSegmentsOut(iop, p, o, 1, o.segmentBytes, true);
  iopSegmentsIn(iop, p, o, 1 / o.ackEverySegments, 0, false);
  replies(host, iop, h, p, messages * k, o.repliesPerInterrupt);
  return { host: host.result(), iop: iop.result() };
}

/** Host and IOP cycles per segment received by the server through the iNIC. */
export function offloadReceivePerSegment(h: ResolvedHostCosts, p: ResolvedIopCosts, o: OffloadBulkOptions): OffloadPathSums {
  const host = new PathAccumulator();
  const iop = new PathAccumulator();
  const seg = o.segmentBytes;
  const buffersPerSeg = seg / o.poolBufferBytes;
  hostCall(host, h, o, seg / o.appCallBytes);
  iopSegmentsIn(iop, p, o, 1, seg, true);
  iopSegmentsOut(iop, p, o, 1 / o.ackEverySegments, 0, false);
  iop.add('dmaEngineSetup', p.ops.dmaEngineSetup, buffersPerSeg);
  replies(host, iop, h, p, buffersPerSeg, o.repliesPerInterrupt);
  host.add('copy', h.ops.copy, buffersPerSeg, o.poolBufferBytes);
  host.add('osmMemoryManagement', h.ops.osmMemoryManagement, 2 * buffersPerSeg);
  const posts = buffersPerSeg / o.repostBatch;
  inboundMessage(host, iop, h, p, posts, 4 * (FRAME_FIXED_WORDS + SGL_ELEMENT_WORDS * Math.min(o.repostBatch, sglPerFrame(o))));
  return { host: host.result(), iop: iop.result() };
}
