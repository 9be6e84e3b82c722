// Pins the wire's timeline as the rest of the model sees it: when a frame
// arrives, when the sender's queue lets the next frame onto the medium, that
// faults at the far end never move either instant, and where an arrival falls
// among other events of the same nanosecond. The last point is what makes the
// wire's second event per frame (end of serialisation) observable: the arrival
// is scheduled then, so it ranks after events scheduled before the end of
// serialisation for the same instant and before those scheduled later.
import { describe, expect, it } from 'vitest';
import { Simulator, gbps, micros, type EventHandler, type Nanos } from '../../sim';
import type { FrameSink } from './frame-sink';
import type { FaultSpec } from './faults/chain';
import { Link } from './link';
import { wireBytes } from './wire';

// 1 Gb/s: 8 ns per byte. A 100-byte frame occupies 124 byte times = 992 ns.
const SER = wireBytes(100) * 8;
const DELAY = micros(1);

class Recorder implements FrameSink {
  readonly log: string[] = [];
  readonly times: number[] = [];
  constructor(private readonly sim: Simulator) {}
  receiveFrame(frame: Uint8Array): void {
    this.times.push(this.sim.now);
    this.log.push(`frame ${frame[0]!}`);
  }
}

const frame = (tag: number): Uint8Array => new Uint8Array(100).fill(tag);

/** Sends three frames back to back at t=0 and samples the sender's queue just before and at each end of serialisation. */
function sendThree(faults: FaultSpec): { arrivals: number[]; queue: [number, number][]; sent: [number, number][] } {
  const sim = new Simulator({ seed: 5 });
  const link = new Link(sim, { rate: gbps(1), delay: DELAY, faultsAtoB: faults });
  const b = new Recorder(sim);
  link.attach(new Recorder(sim), b);
  for (let i = 0; i < 3; i++) link.aToB.transmit(frame(i));
  const queue: [number, number][] = [];
  const sent: [number, number][] = [];
  for (let k = 1; k <= 3; k++) {
    sim.runUntil((k * SER - 1) as Nanos);
    const before = link.aToB.queueLength;
    const sentBefore = link.aToB.counters.framesSent;
    sim.runUntil((k * SER) as Nanos);
    queue.push([before, link.aToB.queueLength]);
    sent.push([sentBefore, link.aToB.counters.framesSent]);
  }
  sim.runUntil(micros(100));
  return { arrivals: b.times, queue, sent };
}

describe('the wire timeline', () => {
  it('a frame arrives one serialisation time plus the delay after it starts, and the queue releases the next frame at the end of serialisation', () => {
    const r = sendThree({});
    expect(r.arrivals).toEqual([SER + DELAY, 2 * SER + DELAY, 3 * SER + DELAY]);
    // Two frames wait behind the first; each end of serialisation lets one more onto the medium.
    expect(r.queue).toEqual([[2, 1], [1, 0], [0, 0]]);
    expect(r.sent).toEqual([[1, 2], [2, 3], [3, 3]]);
  });

  it('faults at the far end move neither the arrival instants of the frames they pass nor the sender side', () => {
    const clean = sendThree({});
    // Corruption of every frame: all three still arrive, on time.
    const corrupt = sendThree({ corrupt: 1 });
    expect(corrupt.arrivals).toEqual(clean.arrivals);
    expect(corrupt.queue).toEqual(clean.queue);
    expect(corrupt.sent).toEqual(clean.sent);
    // Loss of every frame: none arrives, the sender's timeline is the same.
    const lost = sendThree({ loss: 1 });
    expect(lost.arrivals).toEqual([]);
    expect(lost.queue).toEqual(clean.queue);
    expect(lost.sent).toEqual(clean.sent);
  });

  it('an arrival ranks after same-instant events scheduled before its frame finished serialising and before those scheduled after', () => {
    const sim = new Simulator({ seed: 1 });
    const link = new Link(sim, { rate: gbps(1), delay: DELAY });
    const b = new Recorder(sim);
    link.attach(new Recorder(sim), b);
    const arrival = SER + DELAY;
    const mark: EventHandler = { onEvent: (_k, tag) => void b.log.push(`event ${tag}`) };
    // Scheduled for the arrival instant while the frame is still serialising.
    const early: EventHandler = { onEvent: () => void sim.schedule(arrival as Nanos, mark, 0, 1) };
    // Scheduled for the same instant once the frame is on its way.
    const late: EventHandler = { onEvent: () => void sim.schedule(arrival as Nanos, mark, 0, 2) };
    link.aToB.transmit(frame(7));
    sim.schedule((SER - 1) as Nanos, early);
    sim.schedule((SER + 1) as Nanos, late);
    sim.runUntil(micros(100));
    expect(b.times).toEqual([arrival]);
    expect(b.log).toEqual(['event 1', 'frame 7', 'event 2']);
  });
});
