// The ARP neighbour cache (RFC 826; RFC 1122 2.3.2.1 on cache validation and
// 2.3.2.2 on queueing). Pure bookkeeping: it never builds bytes or reads a clock;
// the stack passes `now` and sends what the returned actions ask for.
//
// Defaults, from Linux's neighbour table for ARP (Documentation/networking/
// ip-sysctl.rst, net.ipv4.neigh.default.*), simplified:
// - reachableTime 30 s (base_reachable_time_ms; Linux randomises it to
//   0.5..1.5 times the base, the lab keeps it fixed so that runs stay easy to
//   read). After it the entry is stale: like Linux's NUD_STALE it is still used,
//   and its next use starts a refresh (a request to the known MAC, repeated
//   every retransTime); a reply makes it reachable again, no reply after
//   maxProbes requests removes it (Linux's DELAY/PROBE/FAILED, simplified).
// - retransTime 1 s between requests, maxProbes 3 (mcast_solicit): then the
//   address is unreachable and the packets waiting for it are dropped.
// - queueBytes 212,992 per neighbour (unres_qlen_bytes = SK_WMEM_MAX); the oldest
//   waiting packet is dropped to make room, as Linux does.
// Static entries never expire.
import type { Nanos } from '../../sim';
import type { Ipv4Addr, MacAddr } from '../wire';

export interface ArpOptions {
  reachableTime?: Nanos;
  retransTime?: Nanos;
  maxProbes?: number;
  queueBytes?: number;
}

export const ARP_DEFAULTS = {
  reachableTime: 30_000_000_000 as Nanos,
  retransTime: 1_000_000_000 as Nanos,
  maxProbes: 3,
  queueBytes: 212_992,
} as const;

export interface ArpCounters {
  requestsSent: number;
  resolved: number;
  failed: number;
  queued: number;
  queueDrops: number;
  unresolvedDrops: number;
  expired: number;
  /** Stale entries refreshed by a request to their known MAC. */
  refreshes: number;
}

interface Entry {
  mac: MacAddr;
  /** Infinity for static entries. */
  expires: number;
  /** Refresh requests sent since the entry went stale (0: not refreshing). */
  probes: number;
  nextProbe: number;
}

interface Pending {
  frames: Uint8Array[];
  bytes: number;
  probes: number;
  nextProbe: number;
}

export class ArpCache {
  readonly reachableTime: Nanos;
  readonly retransTime: Nanos;
  readonly maxProbes: number;
  readonly queueBytes: number;
  readonly counters: ArpCounters = {
    requestsSent: 0, resolved: 0, failed: 0, queued: 0, queueDrops: 0, unresolvedDrops: 0, expired: 0, refreshes: 0,
  };
  /** Stale entries whose refresh should start now: the caller sends a request to each and clears the list. */
  readonly refreshNeeded: { ip: Ipv4Addr; mac: MacAddr }[] = [];
  private readonly entries = new Map<Ipv4Addr, Entry>();
  private readonly pending = new Map<Ipv4Addr, Pending>();

  constructor(opts: ArpOptions = {}) {
    this.reachableTime = opts.reachableTime ?? ARP_DEFAULTS.reachableTime;
    this.retransTime = opts.retransTime ?? ARP_DEFAULTS.retransTime;
    this.maxProbes = opts.maxProbes ?? ARP_DEFAULTS.maxProbes;
    this.queueBytes = opts.queueBytes ?? ARP_DEFAULTS.queueBytes;
  }

  /**
   * The MAC to use for `ip` at `now`, or undefined when it must be resolved.
   * Using a stale entry starts its refresh (see `refreshNeeded`).
   */
  lookup(ip: Ipv4Addr, now: number): MacAddr | undefined {
    const e = this.entries.get(ip);
    if (e === undefined) return undefined;
    if (e.expires > now) return e.mac;
    if (e.probes === 0) {
      e.probes = 1;
      e.nextProbe = now + this.retransTime;
      this.counters.refreshes += 1;
      this.counters.requestsSent += 1;
      this.refreshNeeded.push({ ip, mac: e.mac });
    }
    return e.mac;
  }

  addStatic(ip: Ipv4Addr, mac: MacAddr): void {
    this.entries.set(ip, { mac, expires: Number.POSITIVE_INFINITY, probes: 0, nextProbe: 0 });
  }

  /** Whether an entry (valid or stale) exists: RFC 826's merge test. */
  has(ip: Ipv4Addr): boolean {
    return this.entries.has(ip);
  }

  /**
   * Records ip -> mac (from a reply, or a request addressed to us), and returns
   * the frames that were waiting for it (the caller fills in the MAC and sends).
   */
  learn(ip: Ipv4Addr, mac: MacAddr, now: number): Uint8Array[] {
    const old = this.entries.get(ip);
    if (old === undefined || old.expires !== Number.POSITIVE_INFINITY) {
      this.entries.set(ip, { mac, expires: now + this.reachableTime, probes: 0, nextProbe: 0 });
    }
    const p = this.pending.get(ip);
    if (p === undefined) return [];
    this.pending.delete(ip);
    this.counters.resolved += 1;
    return p.frames;
  }

  /**
   * Queues a frame (the caller's copy, kept) for an unresolved address. Returns
   * true when a request should be sent now (the first packet for that address).
   */
  enqueue(ip: Ipv4Addr, frame: Uint8Array, now: number): boolean {
    let p = this.pending.get(ip);
    const first = p === undefined;
    if (p === undefined) {
      p = { frames: [], bytes: 0, probes: 1, nextProbe: now + this.retransTime };
      this.pending.set(ip, p);
      this.counters.requestsSent += 1;
    }
    if (frame.length > this.queueBytes) {
      this.counters.queueDrops += 1;
      return first;
    }
    while (p.bytes + frame.length > this.queueBytes && p.frames.length > 0) {
      p.bytes -= p.frames.shift()!.length;
      this.counters.queueDrops += 1;
    }
    p.frames.push(frame);
    p.bytes += frame.length;
    this.counters.queued += 1;
    return first;
  }

  /** Earliest time `onTimer` has work (Infinity when nothing is being resolved). */
  nextTimer(): number {
    let t = Number.POSITIVE_INFINITY;
    for (const p of this.pending.values()) if (p.nextProbe < t) t = p.nextProbe;
    for (const e of this.entries.values()) if (e.probes > 0 && e.nextProbe < t) t = e.nextProbe;
    return t;
  }

  /**
   * Retransmits requests that are due (calling `request(ip)` for unresolved
   * addresses, `refresh(ip, mac)` for stale entries), and gives up after
   * `maxProbes` requests: queued frames are dropped, stale entries removed.
   */
  onTimer(now: number, request: (ip: Ipv4Addr) => void, refresh: (ip: Ipv4Addr, mac: MacAddr) => void = request): void {
    for (const [ip, e] of [...this.entries]) {
      if (e.probes === 0 || e.nextProbe > now) continue;
      if (e.probes >= this.maxProbes) {
        this.entries.delete(ip);
        this.counters.expired += 1;
        continue;
      }
      e.probes += 1;
      e.nextProbe = now + this.retransTime;
      this.counters.requestsSent += 1;
      refresh(ip, e.mac);
    }
    for (const [ip, p] of [...this.pending]) {
      if (p.nextProbe > now) continue;
      if (p.probes >= this.maxProbes) {
        this.pending.delete(ip);
        this.counters.failed += 1;
        this.counters.unresolvedDrops += p.frames.length;
        continue;
      }
      p.probes += 1;
      p.nextProbe = now + this.retransTime;
      this.counters.requestsSent += 1;
      request(ip);
    }
  }

  /** Addresses being resolved. */
  get unresolved(): number {
    return this.pending.size;
  }
}
