// LAWS inputs derived from a scenario's cost tables and workload, so the analytic
// bound is drawn from the same numbers the simulation charges:
//
//   a  native host cycles per byte for the workload's direction: the path sum of the
//      host table for one segment (costs/native-path.ts) divided by its payload
//   o  application cycles per byte: appCyclesPerByte + appCyclesPerRequest / messageBytes
//   X  1 / host clock (seconds per host cycle)
//   p  share of a the offload removes: 1 - (offload host cycles per byte) / a, from the
//      OSM + I2O path sum (costs/offload-path.ts); the copy to or from user space stays
//   Y  the IOP's time per host-equivalent cycle: r / IOP clock, where r is the ISM/native
//      cycle ratio for the same protocol code (tcp and ip, transmit and receive, with
//      misses at each processor's own latency and clock)
//   β  the IOP's work after offload, in host-equivalent cycles (IOP cycles / r), relative
//      to the host work removed (p·a). So p·a·β·Y is exactly the IOP's seconds per byte.
//      β > 1 when the card adds work (messages, DMA set-up, replies), β < 1 when it avoids
//      some (no copy on the card: the DMA engine moves payload)
//   B  the wire's payload rate: bandwidth x MSS / (MSS + TCP/IP headers + Ethernet framing)

import {
  nativeReceivePerSegment,
  nativeSendPerSegment,
  offloadReceivePerSegment,
  offloadSendPerSegment,
  resolveHostCosts,
  resolveIopCosts,
  type CostTables,
  type NativeBulkOptions,
  type OffloadBulkOptions,
  type ResolvedHostCosts,
  type ResolvedIopCosts,
} from '../costs';
import type { LawsInputs } from './laws';

export interface LawsDerivationInput {
  readonly tables: CostTables;
  readonly hostClockHz: number;
  readonly iopClockHz: number;
  /** Which way the payload flows at the server. */
  readonly direction: 'send' | 'receive';
  /** Wire bandwidth in bits per second. */
  readonly wireBitsPerSec: number;
  /** TCP/IP header bytes per segment (40, or 52 with timestamps). */
  readonly headerBytes: number;
  readonly appCyclesPerByte: number;
  readonly appCyclesPerRequest: number;
  /** The native (or stateless) baseline's path options; segmentBytes is the MSS. */
  readonly native: NativeBulkOptions;
  readonly offload: OffloadBulkOptions;
}

/** Ethernet preamble + SFD 8, header 14, FCS 4, inter-frame gap 12 (IEEE 802.3). */
export const ETHERNET_OVERHEAD_BYTES = 38;

export interface LawsDerivation {
  readonly inputs: LawsInputs;
  readonly nativeHostCyclesPerByte: number;
  readonly offloadHostCyclesPerByte: number;
  readonly iopCyclesPerByte: number;
  /** r: ISM cycles / native cycles for the same protocol operations. */
  readonly ismToNativeCycleRatio: number;
  /** Payload bytes per segment used for the per-byte figures. */
  readonly segmentBytes: number;
}

const RATIO_OPS = ['tcpTxSegment', 'tcpRxSegment', 'ipTx', 'ipRx'] as const;

export function ismToNativeRatio(h: ResolvedHostCosts, p: ResolvedIopCosts): number {
  let host = 0;
  let iop = 0;
  for (const n of RATIO_OPS) {
    host += h.ops[n].fixed;
    iop += p.ops[n].fixed;
  }
  return iop / host;
}

export function deriveLawsInputs(d: LawsDerivationInput): LawsDerivation {
  const h = resolveHostCosts(d.tables, d.hostClockHz);
  const p = resolveIopCosts(d.tables, d.iopClockHz);
  const seg = d.native.segmentBytes;
  const nat = d.direction === 'send' ? nativeSendPerSegment(h, d.native) : nativeReceivePerSegment(h, d.native);
  const off = d.direction === 'send' ? offloadSendPerSegment(h, p, d.offload) : offloadReceivePerSegment(h, p, d.offload);
  const a = nat.total / seg;
  const offHost = off.host.total / d.offload.segmentBytes;
  const iopCyc = off.iop.total / d.offload.segmentBytes;
  const r = ismToNativeRatio(h, p);
  const share = Math.min(1, Math.max(0, 1 - offHost / a));
  const messageBytes = Math.max(1, d.native.appCallBytes);
  const o = d.appCyclesPerByte + d.appCyclesPerRequest / messageBytes;
  const B = ((d.wireBitsPerSec / 8) * seg) / (seg + d.headerBytes + ETHERNET_OVERHEAD_BYTES);
  const beta = share > 0 ? iopCyc / r / (share * a) : 0;
  return {
    inputs: { a, o, X: 1 / d.hostClockHz, Y: r / d.iopClockHz, B, p: share, beta },
    nativeHostCyclesPerByte: a,
    offloadHostCyclesPerByte: offHost,
    iopCyclesPerByte: iopCyc,
    ismToNativeCycleRatio: r,
    segmentBytes: seg,
  };
}
