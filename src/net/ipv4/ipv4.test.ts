import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Nanos } from '../../sim';
import { fillPayload } from '../payload';
import type { Ipv4Repr } from '../wire';
import { EMSGSIZE, fragmentDatagram, fragmentCount } from './fragment';
import { Reassembler } from './reassembly';

const T0 = 0 as Nanos;

function header(over: Partial<Ipv4Repr> = {}): Ipv4Repr {
  return {
    src: 0x0a000001, dst: 0x0a000002, protocol: 17, ttl: 64, identification: 77, dscp: 0, ecn: 0,
    dontFragment: false, moreFragments: false, fragmentOffset: 0, payloadLength: 0, ...over,
  };
}

function payload(n: number): Uint8Array {
  const b = new Uint8Array(n);
  fillPayload(1, 0, b);
  return b;
}

interface Frag { ip: Ipv4Repr; data: Uint8Array }

function fragments(ip: Ipv4Repr, data: Uint8Array, mtu: number): Frag[] {
  const out: Frag[] = [];
  const r = fragmentDatagram(ip, data, mtu, header(), (h, part) => out.push({ ip: { ...h }, data: part.slice() }));
  expect(typeof r).toBe('number');
  return out;
}

describe('fragmentation', () => {
  it('sends a datagram that fits the MTU whole', () => {
    const f = fragments(header(), payload(1480), 1500);
    expect(f.length).toBe(1);
    expect(f[0]!.ip.moreFragments).toBe(false);
  });

  it('cuts a large datagram into 8-byte-aligned fragments with MF on all but the last', () => {
    const f = fragments(header(), payload(4000), 1500);
    expect(f.map((x) => [x.ip.fragmentOffset, x.data.length, x.ip.moreFragments])).toEqual([
      [0, 1480, true], [1480, 1480, true], [2960, 1040, false],
    ]);
    expect(fragmentCount(4000, 1500)).toBe(3);
    expect(f.every((x) => x.ip.identification === 77)).toBe(true);
  });

  it('refuses with EMSGSIZE when DF is set and the datagram does not fit', () => {
    const r = fragmentDatagram(header({ dontFragment: true }), payload(2000), 1500, header(), () => undefined);
    expect(r).toEqual(EMSGSIZE);
  });

  it('keeps the offset and MF of a datagram that is already a fragment', () => {
    const f = fragments(header({ fragmentOffset: 8000, moreFragments: true }), payload(2000), 1000);
    expect(f.map((x) => [x.ip.fragmentOffset, x.ip.moreFragments])).toEqual([[8000, true], [8976, true], [9952, true]]);
  });
});

describe('reassembly', () => {
  it('rebuilds a datagram from fragments arriving in any order', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 9000 }), fc.integer({ min: 68, max: 1500 }), fc.nat(), (len, mtu, seed) => {
        const data = payload(len);
        const f = fragments(header(), data, mtu);
        // A seeded shuffle.
        let s = seed;
        for (let i = f.length - 1; i > 0; i--) {
          s = (Math.imul(s, 1103515245) + 12345) >>> 0;
          const j = s % (i + 1);
          [f[i], f[j]] = [f[j]!, f[i]!];
        }
        const r = new Reassembler();
        let done = null;
        for (const x of f) {
          const got = r.accept(x.ip, x.data, T0);
          if (got) done = got;
        }
        expect(done).not.toBeNull();
        expect(Buffer.from(done!.payload).equals(Buffer.from(data))).toBe(true);
        expect(done!.ip.payloadLength).toBe(len);
        expect(done!.ip.moreFragments).toBe(false);
        expect(r.pendingDatagrams).toBe(0);
        expect(r.bytesHeld).toBe(0);
      }),
      { numRuns: 60 },
    );
  });

  it('ignores an exact duplicate fragment and still completes', () => {
    const data = payload(3000);
    const f = fragments(header(), data, 1500);
    const r = new Reassembler();
    expect(r.accept(f[0]!.ip, f[0]!.data, T0)).toBeNull();
    expect(r.accept(f[0]!.ip, f[0]!.data, T0)).toBeNull();
    expect(r.accept(f[1]!.ip, f[1]!.data, T0)).toBeNull();
    expect(r.accept(f[2]!.ip, f[2]!.data, T0)!.payload).toEqual(data);
    expect(r.counters.duplicates).toBe(1);
  });

  it('drops the whole datagram when fragments overlap', () => {
    const r = new Reassembler();
    const ip = header({ moreFragments: true });
    expect(r.accept(ip, payload(800), T0)).toBeNull();
    expect(r.accept({ ...ip, fragmentOffset: 400 }, payload(800), T0)).toBeNull();
    expect(r.counters.overlaps).toBe(1);
    expect(r.pendingDatagrams).toBe(0);
    // The rest of the datagram then never completes it.
    expect(r.accept({ ...ip, fragmentOffset: 800, moreFragments: false }, payload(100), T0)).toBeNull();
    expect(r.counters.reassembled).toBe(0);
  });

  it('drops a datagram that is not complete within the timeout', () => {
    const r = new Reassembler({ timeout: 30_000_000_000 as Nanos });
    r.accept(header({ moreFragments: true }), payload(800), 5 as Nanos);
    expect(r.nextDeadline()).toBe(30_000_000_005);
    expect(r.expire(30_000_000_004 as Nanos)).toBe(0);
    expect(r.expire(30_000_000_005 as Nanos)).toBe(1);
    expect(r.counters.timeouts).toBe(1);
    expect(r.nextDeadline()).toBe(Infinity);
  });

  it('rejects a non-last fragment whose length is not a multiple of 8', () => {
    const r = new Reassembler();
    expect(r.accept(header({ moreFragments: true }), payload(801), T0)).toBeNull();
    expect(r.counters.malformed).toBe(1);
  });

  it('rejects data beyond the end set by the last fragment', () => {
    const r = new Reassembler();
    r.accept(header({ fragmentOffset: 800 }), payload(100), T0);
    r.accept(header({ fragmentOffset: 1600, moreFragments: true }), payload(80), T0);
    expect(r.counters.malformed).toBe(1);
    expect(r.pendingDatagrams).toBe(0);
  });

  it('keeps the bytes it holds under the bound by evicting the oldest datagrams', () => {
    const r = new Reassembler({ maxBytes: 3000 });
    for (let id = 0; id < 10; id++) r.accept(header({ identification: id, moreFragments: true }), payload(800), T0);
    expect(r.bytesHeld).toBeLessThanOrEqual(3000);
    expect(r.pendingDatagrams).toBe(3);
    expect(r.counters.evicted).toBe(7);
  });
});

describe('TTL', () => {
  it('a host never sends TTL 0 and defaults to 64', async () => {
    const { sendTtl } = await import('./ttl');
    expect(sendTtl(undefined)).toBe(64);
    expect(sendTtl(0)).toBe(1);
    expect(sendTtl(300)).toBe(255);
    expect(sendTtl(32.7)).toBe(32);
  });
});
