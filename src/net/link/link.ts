// A full-duplex point-to-point link: two independent wires (a->b and b->a),
// each with its own queue, faults and rng streams. Attach the two ends' sinks
// (usually stacks) and give each stack its wire as netif. Faults and delay can
// change while frames flow (setFaults, setDelay: live scenario changes).
import type { BitsPerSecond, Nanos, Simulator } from '../../sim';
import type { FrameSink } from './frame-sink';
import { buildFaultChain, updateFaultChain, type FaultSet, type FaultSpec } from './faults/chain';
import { Wire } from './wire';

export interface LinkOptions {
  /** End names used in rng stream names: `link:<a>-><b>:<fault>`. */
  a?: string;
  b?: string;
  rate: BitsPerSecond;
  delay: Nanos;
  mtu?: number;
  queueFrames?: number;
  queueBytes?: number;
  faultsAtoB?: FaultSpec;
  faultsBtoA?: FaultSpec;
}

export class Link {
  readonly aToB: Wire;
  readonly bToA: Wire;
  faultsAtoB: FaultSet = {};
  faultsBtoA: FaultSet = {};
  readonly nameAtoB: string;
  readonly nameBtoA: string;

  constructor(private readonly sim: Simulator, private opts: LinkOptions) {
    const wireOpts = {
      rate: opts.rate, delay: opts.delay, mtu: opts.mtu, queueFrames: opts.queueFrames, queueBytes: opts.queueBytes,
    };
    this.aToB = new Wire(sim, wireOpts);
    this.bToA = new Wire(sim, wireOpts);
    const a = opts.a ?? 'a';
    const b = opts.b ?? 'b';
    this.nameAtoB = `${a}->${b}`;
    this.nameBtoA = `${b}->${a}`;
  }

  private endA: FrameSink | null = null;
  private endB: FrameSink | null = null;

  /** Connects the ends: frames sent on `aToB` reach `b`, frames on `bToA` reach `a`. */
  attach(a: FrameSink, b: FrameSink): void {
    this.endA = a;
    this.endB = b;
    const ab = buildFaultChain(this.sim, this.nameAtoB, this.opts.faultsAtoB ?? {}, b);
    const ba = buildFaultChain(this.sim, this.nameBtoA, this.opts.faultsBtoA ?? {}, a);
    this.aToB.sink = ab.head;
    this.bToA.sink = ba.head;
    this.faultsAtoB = ab.faults;
    this.faultsBtoA = ba.faults;
  }

  /**
   * Changes the faults of both directions from now on (see updateFaultChain:
   * frames already held by a fault are still released as it promised; outages
   * are fixed once attached). Before attach, only the options change.
   */
  setFaults(atoB: FaultSpec, btoA: FaultSpec = atoB): void {
    this.opts = { ...this.opts, faultsAtoB: atoB, faultsBtoA: btoA };
    if (this.endA === null || this.endB === null) return;
    const ab = updateFaultChain(this.sim, this.nameAtoB, this.faultsAtoB, atoB, this.endB);
    const ba = updateFaultChain(this.sim, this.nameBtoA, this.faultsBtoA, btoA, this.endA);
    this.aToB.sink = ab.head;
    this.bToA.sink = ba.head;
    this.faultsAtoB = ab.faults;
    this.faultsBtoA = ba.faults;
  }

  /** Changes the propagation delay of both directions for frames that finish serialising from now on. */
  setDelay(delay: Nanos): void {
    this.aToB.setDelay(delay);
    this.bToA.setDelay(delay);
  }
}
