import { describe, expect, it } from 'vitest';
import { Simulator, gbps, micros, type Nanos } from '../../sim';
import { buildFaultChain, updateFaultChain } from './faults/chain';
import type { FrameSink } from './frame-sink';
import { Link } from './link';

class Recorder implements FrameSink {
  readonly times: number[] = [];
  readonly tags: number[] = [];
  constructor(private readonly sim: Simulator) {}
  receiveFrame(frame: Uint8Array): void {
    this.times.push(this.sim.now);
    this.tags.push(frame[0]!);
  }
}

const frame = (tag: number): Uint8Array => new Uint8Array(100).fill(tag);

describe('live changes of a link', () => {
  it('a loss rate raised from 0 to 1 drops every frame after the change and none before', () => {
    const sim = new Simulator({ seed: 3 });
    const rec = new Recorder(sim);
    let chain = buildFaultChain(sim, 'a->b', {}, rec);
    for (let i = 0; i < 5; i++) chain.head.receiveFrame(frame(i));
    chain = updateFaultChain(sim, 'a->b', chain.faults, { loss: 1 }, rec);
    for (let i = 5; i < 10; i++) chain.head.receiveFrame(frame(i));
    expect(rec.tags).toEqual([0, 1, 2, 3, 4]);
    expect(chain.faults.loss?.counters.dropped).toBe(5);
  });

  it('a fault turned off passes frames untouched and keeps its counters', () => {
    const sim = new Simulator({ seed: 3 });
    const rec = new Recorder(sim);
    let chain = buildFaultChain(sim, 'a->b', { burstLoss: { pGoodToBad: 1, pBadToGood: 0, lossInGood: 0, lossInBad: 1 } }, rec);
    for (let i = 0; i < 3; i++) chain.head.receiveFrame(frame(i));
    chain = updateFaultChain(sim, 'a->b', chain.faults, {}, rec);
    for (let i = 3; i < 6; i++) chain.head.receiveFrame(frame(i));
    expect(rec.tags).toEqual([3, 4, 5]);
    expect(chain.faults.burstLoss?.counters.dropped).toBe(3);
  });

  it('the chain built live draws like one built so from the start (same named streams)', () => {
    const run = (live: boolean): number[] => {
      const sim = new Simulator({ seed: 9 });
      const rec = new Recorder(sim);
      let chain = buildFaultChain(sim, 'x', live ? {} : { loss: 0.5 }, rec);
      if (live) chain = updateFaultChain(sim, 'x', chain.faults, { loss: 0.5 }, rec);
      for (let i = 0; i < 40; i++) chain.head.receiveFrame(frame(i));
      return rec.tags;
    };
    expect(run(true)).toEqual(run(false));
  });

  it('a shorter propagation delay never lets a frame overtake one already on its way', () => {
    const sim = new Simulator({ seed: 1 });
    const link = new Link(sim, { rate: gbps(1), delay: micros(100) });
    const a = new Recorder(sim);
    const b = new Recorder(sim);
    link.attach(a, b);
    link.aToB.transmit(frame(1));
    sim.runUntil(micros(2) as Nanos);
    link.setDelay(micros(1));
    link.aToB.transmit(frame(2));
    link.aToB.transmit(frame(3));
    sim.runUntil(micros(200) as Nanos);
    link.aToB.transmit(frame(4));
    sim.runUntil(micros(1000) as Nanos);
    expect(b.tags).toEqual([1, 2, 3, 4]);
    // Frames 2 and 3 would have arrived ~97 µs before frame 1: they wait for it.
    expect(b.times.slice(0, 3)).toEqual([992 + 100_000, 992 + 100_000, 992 + 100_000]);
    // Frame 4, sent once the wire is clear, takes the new delay alone.
    expect(b.times[3]).toBe(200_000 + 992 + 1000);
  });

  it('a longer propagation delay applies to frames sent after the change', () => {
    const sim = new Simulator({ seed: 1 });
    const link = new Link(sim, { rate: gbps(1), delay: micros(10) });
    const b = new Recorder(sim);
    link.attach(new Recorder(sim), b);
    link.aToB.transmit(frame(1));
    sim.runUntil(micros(50) as Nanos);
    link.setDelay(micros(100));
    link.aToB.transmit(frame(2));
    sim.runUntil(micros(1000) as Nanos);
    expect(b.times).toEqual([124 * 8 + 10_000, 50_000 + 124 * 8 + 100_000]);
  });
});
