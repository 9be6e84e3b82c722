import { describe, expect, it } from 'vitest';
import { Simulator, gbps, micros, type Nanos } from '../../sim';
import type { FrameSink } from './frame-sink';
import { Wire, wireBytes } from './wire';

class Recorder implements FrameSink {
  readonly times: number[] = [];
  readonly frames: Uint8Array[] = [];
  constructor(private readonly sim: Simulator) {}
  receiveFrame(frame: Uint8Array): void {
    this.times.push(this.sim.now);
    this.frames.push(frame.slice());
  }
}

function frame(len: number, tag: number): Uint8Array {
  return new Uint8Array(len).fill(tag);
}

describe('Wire', () => {
  it('delivers a frame after its serialisation time plus the propagation delay', () => {
    const sim = new Simulator({ seed: 1 });
    const wire = new Wire(sim, { rate: gbps(1), delay: micros(100) });
    const rec = new Recorder(sim);
    wire.sink = rec;
    wire.transmit(frame(1514, 1));
    sim.runUntil(micros(1000));
    // 1514 + 24 bytes of preamble, FCS and gap at 8 ns per byte.
    expect(rec.times).toEqual([1538 * 8 + 100_000]);
  });

  it('spaces back-to-back frames by their serialisation time and keeps their order', () => {
    const sim = new Simulator({ seed: 1 });
    const wire = new Wire(sim, { rate: gbps(1), delay: micros(10) });
    const rec = new Recorder(sim);
    wire.sink = rec;
    for (let i = 0; i < 5; i++) wire.transmit(frame(1514, i));
    sim.runUntil(micros(1000));
    expect(rec.frames.map((f) => f[0])).toEqual([0, 1, 2, 3, 4]);
    for (let i = 1; i < 5; i++) expect(rec.times[i]! - rec.times[i - 1]!).toBe(1538 * 8);
  });

  it('pads short frames to the Ethernet minimum on the medium', () => {
    expect(wireBytes(42)).toBe(84);
    expect(wireBytes(1514)).toBe(1538);
  });

  it('drops frames at the tail when the queue is full and counts them', () => {
    const sim = new Simulator({ seed: 1 });
    const wire = new Wire(sim, { rate: gbps(1), delay: micros(10), queueFrames: 3 });
    const rec = new Recorder(sim);
    wire.sink = rec;
    for (let i = 0; i < 10; i++) wire.transmit(frame(1000, i));
    sim.runUntil(micros(1000));
    // One on the medium, three waiting.
    expect(rec.frames.map((f) => f[0])).toEqual([0, 1, 2, 3]);
    expect(wire.counters.droppedQueueFull).toBe(6);
    expect(wire.counters.peakQueue).toBe(3);
  });

  it('drops frames larger than the MTU allows', () => {
    const sim = new Simulator({ seed: 1 });
    const wire = new Wire(sim, { rate: gbps(1), delay: micros(1), mtu: 1500 });
    const rec = new Recorder(sim);
    wire.sink = rec;
    wire.transmit(frame(1515, 0));
    wire.transmit(frame(1514, 1));
    sim.runUntil(micros(100));
    expect(rec.frames.length).toBe(1);
    expect(wire.counters.droppedOversize).toBe(1);
  });

  it('delivers a copy: the sender may reuse its buffer at once', () => {
    const sim = new Simulator({ seed: 1 });
    const wire = new Wire(sim, { rate: gbps(1), delay: micros(1) });
    const rec = new Recorder(sim);
    wire.sink = rec;
    const buf = frame(100, 7);
    wire.transmit(buf);
    buf.fill(9);
    sim.runUntil(micros(100));
    expect(rec.frames[0]!.every((b) => b === 7)).toBe(true);
  });

  it('reuses its frame buffers: a long steady stream allocates only the frames in flight', () => {
    const sim = new Simulator({ seed: 1 });
    const wire = new Wire(sim, { rate: gbps(1), delay: micros(100) });
    let n = 0;
    wire.sink = { receiveFrame: () => void (n += 1) };
    const f = frame(1514, 1);
    // One frame every 12.304 us (line rate): about 9 in flight over 100 us.
    const tick = { onEvent: (_k: number, i: number) => { wire.transmit(f); if (i < 5000) sim.after(12_304 as Nanos, tick, 0, i + 1); } };
    sim.schedule(0 as Nanos, tick, 0, 0);
    sim.runUntil(micros(100_000));
    expect(n).toBe(5001);
    expect(wire.poolAllocated).toBeLessThan(20);
  });
});
