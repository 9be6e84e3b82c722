// IPv4 reassembly (RFC 791 section 3.2; RFC 815's hole bookkeeping, done here as
// a sorted list of received ranges). Fragments are grouped by (src, dst,
// protocol, identification). Policies, all counted:
// - Timeout: a datagram not complete `timeout` after its first fragment is
//   dropped (default 30 s, Linux's net.ipv4.ipfrag_time).
// - Overlap: a fragment that overlaps received data without being an exact
//   copy of it kills the whole datagram (RFC 5722's rule for IPv6, applied to
//   IPv4 by Linux since 2018 against FragmentSmack); a fragment wholly inside a
//   received range is a duplicate and is ignored (Linux: IPFRAG_DUP).
// - Malformed: a non-last fragment whose length is not a multiple of 8, or data
//   past a known end, or two different ends, kill the datagram.
// - Memory: the bytes held by all queues stay under `maxBytes` (default 4 MiB,
//   Linux's ipfrag_high_thresh); the oldest queues are evicted to make room.
import type { Nanos } from '../../sim';
import type { Ipv4Repr } from '../wire';
import { IPV4_MAX_TOTAL_LENGTH, IPV4_HEADER_LEN } from '../wire';

export interface ReassemblyOptions {
  timeout?: Nanos;
  maxBytes?: number;
}

export const DEFAULT_REASSEMBLY_TIMEOUT = 30_000_000_000 as Nanos;
export const DEFAULT_REASSEMBLY_MAX_BYTES = 4 * 1024 * 1024;

export interface ReassemblyCounters {
  fragments: number;
  reassembled: number;
  timeouts: number;
  overlaps: number;
  duplicates: number;
  malformed: number;
  evicted: number;
}

export interface Datagram {
  ip: Ipv4Repr;
  payload: Uint8Array;
}

interface Queue {
  key: string;
  deadline: number;
  /** Header of the fragment at offset 0, once seen. */
  first: Ipv4Repr | null;
  /** Sorted, disjoint, non-adjacent-merged [start, end) ranges received. */
  ranges: number[];
  /** Total payload length once the last fragment (MF = 0) is seen, else -1. */
  total: number;
  data: Uint8Array;
  held: number;
}

export class Reassembler {
  readonly timeout: Nanos;
  readonly maxBytes: number;
  readonly counters: ReassemblyCounters = {
    fragments: 0, reassembled: 0, timeouts: 0, overlaps: 0, duplicates: 0, malformed: 0, evicted: 0,
  };
  // Insertion order is age order (Map iterates in insertion order).
  private readonly queues = new Map<string, Queue>();
  private heldBytes = 0;

  constructor(opts: ReassemblyOptions = {}) {
    this.timeout = opts.timeout ?? DEFAULT_REASSEMBLY_TIMEOUT;
    this.maxBytes = opts.maxBytes ?? DEFAULT_REASSEMBLY_MAX_BYTES;
  }

  /** Datagrams being reassembled and the payload bytes they hold. */
  get pendingDatagrams(): number {
    return this.queues.size;
  }

  get bytesHeld(): number {
    return this.heldBytes;
  }

  /** Earliest time a queue expires (Infinity when none). */
  nextDeadline(): number {
    let t = Number.POSITIVE_INFINITY;
    for (const q of this.queues.values()) if (q.deadline < t) t = q.deadline;
    return t;
  }

  /** Drops every queue whose deadline is at or before `now`; returns how many. */
  expire(now: Nanos): number {
    let n = 0;
    for (const q of [...this.queues.values()]) {
      if (q.deadline <= now) {
        this.kill(q);
        this.counters.timeouts += 1;
        n += 1;
      }
    }
    return n;
  }

  /**
   * Takes one fragment (`data` is its IPv4 payload; copied). Returns the whole
   * datagram (a fresh buffer, header of the first fragment with offset 0, MF
   * clear) when this fragment completes it, else null.
   */
  accept(ip: Ipv4Repr, data: Uint8Array, now: Nanos): Datagram | null {
    this.counters.fragments += 1;
    const start = ip.fragmentOffset;
    const end = start + data.length;
    const key = `${ip.src}:${ip.dst}:${ip.protocol}:${ip.identification}`;
    let q = this.queues.get(key);
    if ((ip.moreFragments && data.length % 8 !== 0) || end + IPV4_HEADER_LEN > IPV4_MAX_TOTAL_LENGTH || data.length === 0) {
      this.counters.malformed += 1;
      if (q !== undefined) this.kill(q);
      return null;
    }
    if (q === undefined) {
      q = { key, deadline: now + this.timeout, first: null, ranges: [], total: -1, data: new Uint8Array(0), held: 0 };
      this.queues.set(key, q);
    }
    if (!ip.moreFragments) {
      if ((q.total >= 0 && q.total !== end) || this.maxEnd(q) > end) return this.malformed(q);
      q.total = end;
    } else if (q.total >= 0 && end > q.total) {
      return this.malformed(q);
    }
    const verdict = this.place(q, start, end);
    if (verdict === 'duplicate') {
      this.counters.duplicates += 1;
      return null;
    }
    if (verdict === 'overlap') {
      this.counters.overlaps += 1;
      this.kill(q);
      return null;
    }
    if (!this.makeRoom(q, data.length)) return null;
    if (q.data.length < end) {
      const bigger = new Uint8Array(Math.min(IPV4_MAX_TOTAL_LENGTH, Math.max(end, q.data.length * 2)));
      bigger.set(q.data);
      q.data = bigger;
    }
    q.data.set(data, start);
    q.held += data.length;
    this.heldBytes += data.length;
    if (start === 0) q.first = { ...ip };
    if (q.total < 0 || q.first === null || q.ranges.length !== 2 || q.ranges[1] !== q.total) return null;
    this.kill(q);
    this.counters.reassembled += 1;
    const header: Ipv4Repr = { ...q.first, moreFragments: false, fragmentOffset: 0, payloadLength: q.total };
    return { ip: header, payload: q.data.slice(0, q.total) };
  }

  private maxEnd(q: Queue): number {
    return q.ranges.length === 0 ? 0 : q.ranges[q.ranges.length - 1]!;
  }

  private malformed(q: Queue): null {
    this.counters.malformed += 1;
    this.kill(q);
    return null;
  }

  /** Inserts [start, end) into the ranges, merging neighbours; classifies overlaps. */
  private place(q: Queue, start: number, end: number): 'new' | 'duplicate' | 'overlap' {
    const r = q.ranges;
    for (let i = 0; i < r.length; i += 2) {
      const s = r[i]!;
      const e = r[i + 1]!;
      if (start >= s && end <= e) return 'duplicate';
      if (start < e && end > s) return 'overlap';
    }
    let i = 0;
    while (i < r.length && r[i]! < start) i += 2;
    r.splice(i, 0, start, end);
    // Merge touching ranges so completion is "one range [0, total)".
    for (let k = 0; k + 2 < r.length; ) {
      if (r[k + 1] === r[k + 2]) r.splice(k + 1, 2);
      else k += 2;
    }
    return 'new';
  }

  private makeRoom(q: Queue, need: number): boolean {
    if (this.heldBytes + need <= this.maxBytes) return true;
    for (const other of [...this.queues.values()]) {
      if (this.heldBytes + need <= this.maxBytes) break;
      if (other === q) continue;
      this.kill(other);
      this.counters.evicted += 1;
    }
    if (this.heldBytes + need <= this.maxBytes) return true;
    this.counters.evicted += 1;
    this.kill(q);
    return false;
  }

  private kill(q: Queue): void {
    this.heldBytes -= q.held;
    this.queues.delete(q.key);
  }
}
