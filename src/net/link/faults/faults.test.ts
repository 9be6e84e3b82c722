import { describe, expect, it } from 'vitest';
import { Simulator, micros, millis, type Nanos } from '../../../sim';
import type { FrameSink } from '../frame-sink';
import { buildFaultChain } from './chain';
import { Corruption } from './corrupt';
import { DropTcp } from './drop-tcp';
import { Duplication } from './duplicate';
import { Jitter } from './jitter';
import { BernoulliLoss, GilbertElliottLoss, gilbertForRate } from './loss';
import { Outage } from './outage';
import { Reordering } from './reorder';

class Collect implements FrameSink {
  readonly tags: number[] = [];
  readonly frames: Uint8Array[] = [];
  receiveFrame(frame: Uint8Array): void {
    this.tags.push(frame[0]! | (frame[1]! << 8));
    this.frames.push(frame.slice());
  }
}

function tagged(i: number, len = 100): Uint8Array {
  const f = new Uint8Array(len);
  f[0] = i & 0xff;
  f[1] = i >> 8;
  return f;
}

/** An Ethernet/IPv4/TCP frame with the given sequence number (fields read by DropTcp). */
function tcpFrame(seqNo: number, payload = 100): Uint8Array {
  const f = new Uint8Array(14 + 20 + 20 + payload);
  f[12] = 0x08;
  f[14] = 0x45;
  const total = 40 + payload;
  f[16] = total >> 8;
  f[17] = total & 0xff;
  f[23] = 6;
  f[34 + 4] = seqNo >>> 24;
  f[34 + 5] = (seqNo >>> 16) & 0xff;
  f[34 + 6] = (seqNo >>> 8) & 0xff;
  f[34 + 7] = seqNo & 0xff;
  f[34 + 12] = 5 << 4;
  return f;
}

describe('loss', () => {
  it('independent loss drops close to its rate, reproducibly for a seed', () => {
    const run = () => {
      const sim = new Simulator({ seed: 42 });
      const out = new Collect();
      const loss = new BernoulliLoss(sim.rng.stream('link:a->b:loss'), 0.05, out);
      for (let i = 0; i < 20000; i++) loss.receiveFrame(tagged(i));
      return { dropped: loss.counters.dropped, tags: out.tags };
    };
    const a = run();
    expect(a.dropped).toBeGreaterThan(850);
    expect(a.dropped).toBeLessThan(1150);
    expect(run()).toEqual(a);
  });

  it('Gilbert-Elliott loss comes in bursts of about the asked mean length', () => {
    const sim = new Simulator({ seed: 7 });
    const out = new Collect();
    const ge = new GilbertElliottLoss(sim.rng.stream('ge'), gilbertForRate(0.05, 4), out);
    const lost: boolean[] = [];
    let before = 0;
    for (let i = 0; i < 40000; i++) {
      ge.receiveFrame(tagged(i & 0xffff));
      lost.push(ge.counters.dropped > before);
      before = ge.counters.dropped;
    }
    const rate = ge.counters.dropped / 40000;
    expect(rate).toBeGreaterThan(0.035);
    expect(rate).toBeLessThan(0.065);
    let runs = 0;
    for (let i = 0; i < lost.length; i++) if (lost[i] && !lost[i - 1]) runs += 1;
    const meanBurst = ge.counters.dropped / runs;
    expect(meanBurst).toBeGreaterThan(3);
    expect(meanBurst).toBeLessThan(5);
  });
});

describe('bounded bursts', () => {
  it('a burst bounded in time ends once it has lasted maxBurstNanos, however few frames passed', () => {
    const sim = new Simulator({ seed: 7 });
    const out = new Collect();
    // Always turns bad, never turns good by itself: only the time bound ends a burst.
    const ge = new GilbertElliottLoss(sim.rng.stream('ge'), { pGoodToBad: 1, pBadToGood: 0, lossInGood: 0, lossInBad: 1, maxBurstNanos: 1000 }, out, sim);
    ge.receiveFrame(tagged(1));
    sim.runUntil(micros(0.5));
    ge.receiveFrame(tagged(2));
    sim.runUntil(micros(2));
    ge.receiveFrame(tagged(3));
    expect(out.tags).toEqual([3]);
    expect(ge.counters.cutShort).toBe(1);
  });
});

describe('corruption', () => {
  it('flips exactly one bit past the Ethernet header and leaves the sender\'s frame alone', () => {
    const sim = new Simulator({ seed: 3 });
    const out = new Collect();
    const c = new Corruption(sim.rng.stream('c'), 1, out);
    const f = tagged(0, 200);
    f[12] = 0x08;
    c.receiveFrame(f);
    expect(f.slice(14).every((b) => b === 0)).toBe(true);
    const got = out.frames[0]!;
    let bits = 0;
    for (let i = 0; i < got.length; i++) {
      let x = got[i]! ^ f[i]!;
      if (x !== 0) expect(i).toBeGreaterThanOrEqual(14);
      while (x) { bits += x & 1; x >>= 1; }
    }
    expect(bits).toBe(1);
    expect(c.counters.corrupted).toBe(1);
  });

  it('leaves frames other than IPv4 alone (ARP has no checksum to catch it)', () => {
    const sim = new Simulator({ seed: 3 });
    const out = new Collect();
    const c = new Corruption(sim.rng.stream('c'), 1, out);
    const arp = tagged(0, 60);
    arp[12] = 0x08;
    arp[13] = 0x06;
    c.receiveFrame(arp);
    expect(out.frames[0]).toEqual(arp);
    expect(c.counters.corrupted).toBe(0);
  });
});

describe('duplication', () => {
  it('delivers a chosen frame twice in a row', () => {
    const sim = new Simulator({ seed: 3 });
    const out = new Collect();
    const d = new Duplication(sim.rng.stream('d'), 1, out);
    d.receiveFrame(tagged(1));
    d.receiveFrame(tagged(2));
    expect(out.tags).toEqual([1, 1, 2, 2]);
  });
});

describe('reordering', () => {
  it('holds a frame until N later frames have passed it', () => {
    const sim = new Simulator({ seed: 3 });
    const out = new Collect();
    let first = true;
    const rng = { ...sim.rng.stream('r'), bernoulli: () => { const r = first; first = false; return r; } };
    const r = new Reordering(sim, rng, 1, out, 2, millis(1));
    for (let i = 0; i < 5; i++) r.receiveFrame(tagged(i));
    expect(out.tags).toEqual([1, 2, 0, 3, 4]);
    expect(r.counters.releasedByCount).toBe(1);
  });

  it('releases a held frame after the hold time when no frame follows', () => {
    const sim = new Simulator({ seed: 3 });
    const out = new Collect();
    const r = new Reordering(sim, sim.rng.stream('r'), 1, out, 3, micros(500));
    r.receiveFrame(tagged(9));
    sim.runUntil(micros(499));
    expect(out.tags).toEqual([]);
    sim.runUntil(micros(500));
    expect(out.tags).toEqual([9]);
    expect(r.counters.releasedByTime).toBe(1);
  });
});

describe('jitter', () => {
  it('delays chosen frames but keeps the order when asked to', () => {
    const sim = new Simulator({ seed: 5 });
    const out = new Collect();
    const j = new Jitter(sim, sim.rng.stream('j'), 0.3, micros(200), out, true);
    const sender = { onEvent: (_k: number, i: number) => { j.receiveFrame(tagged(i)); if (i < 199) sim.after(micros(10), sender, 0, i + 1); } };
    sim.schedule(0 as Nanos, sender, 0, 0);
    sim.runUntil(millis(10));
    expect(out.tags).toEqual(Array.from({ length: 200 }, (_, i) => i));
    expect(j.counters.delayed).toBeGreaterThan(30);
  });

  it('lets frames overtake a delayed one without order preservation', () => {
    const sim = new Simulator({ seed: 5 });
    const out = new Collect();
    const j = new Jitter(sim, sim.rng.stream('j'), 0.3, micros(200), out, false);
    const sender = { onEvent: (_k: number, i: number) => { j.receiveFrame(tagged(i)); if (i < 199) sim.after(micros(10), sender, 0, i + 1); } };
    sim.schedule(0 as Nanos, sender, 0, 0);
    sim.runUntil(millis(10));
    expect(out.tags.length).toBe(200);
    expect(out.tags).not.toEqual(Array.from({ length: 200 }, (_, i) => i));
  });
});

describe('drop by TCP sequence number', () => {
  it('drops the matching segments only, up to the limit', () => {
    const out = new Collect();
    const d = new DropTcp((s) => s.seq === 5000 && s.payloadLength > 0, out, 1);
    d.receiveFrame(tcpFrame(4900));
    d.receiveFrame(tcpFrame(5000));
    d.receiveFrame(tcpFrame(5000));
    d.receiveFrame(tagged(1));
    expect(out.frames.length).toBe(3);
    expect(d.counters.dropped).toBe(1);
  });
});

describe('link down and up', () => {
  it('loses frames that arrive while the link is down', () => {
    const sim = new Simulator({ seed: 5 });
    const out = new Collect();
    const o = new Outage(sim, [{ down: micros(100), up: micros(200) }], out);
    for (const t of [50, 100, 150, 199, 200, 250]) sim.schedule(micros(t), { onEvent: () => o.receiveFrame(tagged(t)) });
    sim.runUntil(micros(300));
    expect(out.tags).toEqual([50, 200, 250]);
    expect(o.counters.dropped).toBe(3);
  });
});

describe('fault chains', () => {
  it('give each fault its own stream: adding duplication does not change which frames are lost', () => {
    const lostWith = (spec: object) => {
      const sim = new Simulator({ seed: 9 });
      const out = new Collect();
      const { head } = buildFaultChain(sim, 'a->b', { loss: 0.1, ...spec }, out);
      for (let i = 0; i < 1000; i++) head.receiveFrame(tagged(i));
      return [...new Set(out.tags)];
    };
    expect(lostWith({ duplicate: 0.2 })).toEqual(lostWith({}));
  });

  it('build only the faults that are asked for', () => {
    const sim = new Simulator({ seed: 9 });
    const { faults } = buildFaultChain(sim, 'x', { loss: 0.01, jitter: { rate: 0.01, maxNanos: micros(5) } }, new Collect());
    expect(Object.keys(faults).sort()).toEqual(['jitter', 'loss']);
  });
});
