// Connection configuration: every knob the lab tunes, with defaults that follow
// Linux where the RFCs leave a choice (each default says which it follows).
import type { Nanos } from '../../sim/units';
import { millis, seconds } from '../../sim/units';

export type CongestionName = 'newreno' | 'cubic';

export interface TcpConfig {
  /** MSS we advertise: MTU minus 40 bytes of IPv4 and TCP header (RFC 9293 3.7.1). */
  mss?: number;
  /** Send buffer capacity in bytes (SO_SNDBUF). */
  sndBuf?: number;
  /** Receive buffer capacity in bytes (SO_RCVBUF); bounds the advertised window. */
  rcvBuf?: number;
  /** Offer window scaling (RFC 7323 section 2). */
  windowScale?: boolean;
  /** Offer SACK (RFC 2018) and use RFC 6675 recovery when both sides agree. */
  sack?: boolean;
  /** Offer timestamps (RFC 7323 sections 3-5). */
  timestamps?: boolean;
  /** TCP_NODELAY: disable Nagle (RFC 896). */
  nodelay?: boolean;
  /** Delay ACKs (RFC 1122 4.2.3.2). */
  delayedAck?: boolean;
  /** Delayed-ACK timeout; RFC 1122 allows up to 500 ms, Linux uses a 40 ms minimum. */
  delayedAckTimeout?: Nanos;
  /**
   * Most immediate ACKs granted by Linux-style quick-ACK mode (quick-ack.ts;
   * Linux TCP_MAX_QUICKACKS = 16); 0 turns quick-ACK mode off.
   */
  quickAcks?: number;
  congestion?: CongestionName;
  /** Initial window in segments (RFC 6928: 10). */
  initialCwndSegments?: number;
  /** Lower bound of the RTO: RFC 6298 (2.4) says 1 s, Linux uses 200 ms. */
  rtoMin?: Nanos;
  /** Upper bound of the RTO after backoff (RFC 6298 (2.5); Linux 120 s). */
  rtoMax?: Nanos;
  /** RTO before any RTT sample (RFC 6298 (2.1): 1 s). */
  rtoInitial?: Nanos;
  /** Maximum segment lifetime; TIME-WAIT lasts 2*MSL (RFC 9293 3.4.2). Linux: 30 s. */
  msl?: Nanos;
  /**
   * Retransmissions of a SYN before connect() fails with ETIMEDOUT (RFC 1122
   * 4.2.3.5: R2 for a SYN "SHOULD ... correspond to at least 3 minutes"). Linux
   * tcp_syn_retries = 6: with a 1 s initial RTO the attempt ends after
   * 1+2+4+...+64 = 127 s.
   */
  synRetries?: number;
  /**
   * Retransmissions of data or FIN before the connection fails with ETIMEDOUT
   * (RFC 1122 4.2.3.5: R2 "MUST ... correspond to at least 100 seconds"). Linux
   * tcp_retries2 = 15: with the 200 ms RTO floor and the 120 s cap that is
   * 0.2*(2^10-1) + 6*120 = 924.6 s after the first transmission.
   */
  dataRetries?: number;
  /**
   * Older single knob, kept as an alias: when given, it sets both synRetries and
   * dataRetries unless those are given too. Resolved, it reads dataRetries.
   */
  maxRetries?: number;
  /** Timestamp clock tick (RFC 7323 5.4 recommends 1 ms to 1 s). */
  tsTick?: Nanos;
  /** Keepalive is not offered; the field exists so the config shape matches the API. */
  keepalive?: false;
  /**
   * Largest TSO/GSO super-packet in bytes (Linux sk_gso_max_size; 0 = off). When
   * set, new data goes out in segments of whole send-MSS multiples up to this
   * size, for the NIC (TSO) or the GSO layer to cut into MSS-sized frames, as
   * Linux's tcp_tso_autosize does. Only used while the peer's MSS does not clamp
   * ours: the cutter derives the frame size from the interface MTU.
   */
  gsoMaxBytes?: number;
}

export type ResolvedTcpConfig = Required<TcpConfig>;

export const DEFAULT_TCP_CONFIG: ResolvedTcpConfig = Object.freeze({
  mss: 1460,
  sndBuf: 128 * 1024,
  rcvBuf: 128 * 1024,
  windowScale: true,
  sack: true,
  timestamps: true,
  nodelay: false,
  delayedAck: true,
  delayedAckTimeout: millis(40),
  quickAcks: 16,
  congestion: 'newreno',
  initialCwndSegments: 10,
  rtoMin: millis(200),
  rtoMax: seconds(120),
  rtoInitial: seconds(1),
  msl: seconds(30),
  synRetries: 6,
  dataRetries: 15,
  maxRetries: 15,
  tsTick: millis(1),
  keepalive: false,
  gsoMaxBytes: 0,
}) as ResolvedTcpConfig;

export function resolveConfig(c: TcpConfig | undefined): ResolvedTcpConfig {
  const r: ResolvedTcpConfig = { ...DEFAULT_TCP_CONFIG };
  if (c) {
    for (const k of Object.keys(c) as (keyof TcpConfig)[]) {
      const v = c[k];
      if (v !== undefined) (r as unknown as Record<string, unknown>)[k] = v;
    }
  }
  r.mss = Math.max(64, Math.min(65495, Math.floor(r.mss)));
  r.sndBuf = Math.max(1, Math.floor(r.sndBuf));
  r.rcvBuf = Math.max(1, Math.floor(r.rcvBuf));
  // The alias: maxRetries fills whichever of the two was not given explicitly.
  if (c?.maxRetries !== undefined) {
    if (c.synRetries === undefined) r.synRetries = c.maxRetries;
    if (c.dataRetries === undefined) r.dataRetries = c.maxRetries;
  }
  r.synRetries = Math.max(0, Math.floor(r.synRetries) || 0);
  r.dataRetries = Math.max(0, Math.floor(r.dataRetries) || 0);
  r.maxRetries = r.dataRetries;
  r.quickAcks = Math.max(0, Math.floor(r.quickAcks) || 0);
  r.initialCwndSegments = Math.max(1, Math.floor(r.initialCwndSegments));
  r.gsoMaxBytes = Math.max(0, Math.min(65536, Math.floor(r.gsoMaxBytes) || 0));
  return r;
}
