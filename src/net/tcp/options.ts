// Option negotiation on the handshake (RFC 9293 3.7.1 MSS, RFC 7323 window
// scale and timestamps, RFC 2018 SACK-permitted) and the per-segment option
// space arithmetic.
//
// Contract: `offerFromConfig` says what our SYN carries; `negotiate` takes what
// we offered and what the peer's SYN (or SYN-ACK) carried and fixes the
// connection's options: an option is on only if both SYNs carry it.
import type { TcpOptions } from '../wire/types';
import type { ResolvedTcpConfig } from './config';

/** RFC 9293 3.7.1: without an MSS option the sender must assume 536. */
export const DEFAULT_PEER_MSS = 536;
/** RFC 7323 2.3: shifts above 14 are treated as 14. */
export const MAX_WINDOW_SHIFT = 14;
/** RFC 7323 3.2: the timestamps option takes 10 bytes, 12 with the usual two NOPs. */
export const TIMESTAMP_OPTION_BYTES = 12;
/** Maximum TCP option space (60-byte header minus the 20-byte fixed part). */
export const MAX_OPTION_BYTES = 40;

export interface NegotiatedOptions {
  /** Peer's advertised MSS (or 536). */
  peerMss: number;
  /** Effective send MSS: payload bytes of a full segment, timestamp bytes excluded. */
  sndMss: number;
  /** Shift applied to windows the peer sends us (0 when scaling is off). */
  sndWscale: number;
  /** Shift we apply to windows we advertise (0 when scaling is off). */
  rcvWscale: number;
  windowScale: boolean;
  timestamps: boolean;
  sack: boolean;
}

/** The smallest shift that lets the 16-bit field cover the whole receive buffer. */
export function windowShiftFor(rcvBuf: number): number {
  let s = 0;
  while (s < MAX_WINDOW_SHIFT && Math.floor(rcvBuf / 2 ** s) > 0xffff) s++;
  return s;
}

/** Options our SYN (active open) carries. */
export function offerFromConfig(cfg: ResolvedTcpConfig, out: TcpOptions): void {
  out.mss = cfg.mss;
  out.windowScale = cfg.windowScale ? windowShiftFor(cfg.rcvBuf) : undefined;
  out.sackPermitted = cfg.sack ? true : undefined;
}

/**
 * Fixes the options from our config and the peer's SYN options. The same rule
 * serves both ends: an option is used only if we offer it and the peer's SYN
 * carries it (a SYN-ACK only carries what the SYN offered, RFC 7323 2.2, 3.2).
 */
export function negotiate(cfg: ResolvedTcpConfig, peer: TcpOptions): NegotiatedOptions {
  const windowScale = cfg.windowScale && peer.windowScale !== undefined;
  const timestamps = cfg.timestamps && peer.timestamps !== undefined;
  const sack = cfg.sack && peer.sackPermitted === true;
  const peerMss = peer.mss !== undefined && peer.mss > 0 ? peer.mss : DEFAULT_PEER_MSS;
  // RFC 9293 3.7.1 and RFC 6691: the MSS counts no options, so subtract the
  // timestamp bytes every segment carries.
  const base = Math.min(peerMss, cfg.mss);
  const sndMss = Math.max(1, base - (timestamps ? TIMESTAMP_OPTION_BYTES : 0));
  return {
    peerMss,
    sndMss,
    sndWscale: windowScale ? Math.min(peer.windowScale ?? 0, MAX_WINDOW_SHIFT) : 0,
    rcvWscale: windowScale ? windowShiftFor(cfg.rcvBuf) : 0,
    windowScale,
    timestamps,
    sack,
  };
}

/** Bytes the SACK option with n blocks occupies, padded to 4 (RFC 2018 3). */
export function sackOptionBytes(n: number): number {
  return n === 0 ? 0 : 4 + 8 * n;
}

/** How many SACK blocks fit beside the timestamps option (RFC 2018 3: 3 with TS, else 4). */
export function maxSackBlocks(timestamps: boolean): number {
  return timestamps ? 3 : 4;
}
