// Bit corruption on the medium. A corrupted frame is still delivered, so that
// the receiver's checksum checks catch it and count it (IPv4 header checksum,
// TCP/UDP checksums): that is the behaviour under test. Bits are flipped only
// past the Ethernet header, where the Internet checksum covers every bit; a
// single flipped bit is always detected by a ones'-complement sum (RFC 1071).
// Only IPv4 frames are corrupted: ARP carries no checksum of its own (on a real
// link the Ethernet FCS would drop it), so a flipped ARP frame could teach a
// host a wrong address, which is not the fault under study.
import type { Rng } from '../../../sim';
import { FramePool } from '../frame-pool';
import type { FrameSink } from '../frame-sink';

export interface CorruptionCounters {
  seen: number;
  corrupted: number;
}

const isIpv4 = (f: Uint8Array): boolean => f.length > 34 && f[12] === 0x08 && f[13] === 0x00;

export class Corruption implements FrameSink {
  readonly counters: CorruptionCounters = { seen: 0, corrupted: 0 };
  private readonly pool = new FramePool();

  /** `bitsPerFrame` bits are flipped in each corrupted frame (default 1). */
  constructor(private readonly rng: Rng, public rate: number, public next: FrameSink, readonly bitsPerFrame = 1) {}

  receiveFrame(frame: Uint8Array): void {
    this.counters.seen += 1;
    if (!(this.rate > 0 && isIpv4(frame) && this.rng.bernoulli(this.rate))) {
      this.next.receiveFrame(frame);
      return;
    }
    this.counters.corrupted += 1;
    // The caller owns `frame`: corrupt a copy.
    const copy = this.pool.copyOf(frame);
    const span = (copy.length - 14) * 8;
    for (let i = 0; i < this.bitsPerFrame; i++) {
      const bit = this.rng.int(0, span);
      const at = 14 + (bit >>> 3);
      copy[at] = copy[at]! ^ (1 << (bit & 7));
    }
    this.next.receiveFrame(copy);
    this.pool.give(copy);
  }
}
