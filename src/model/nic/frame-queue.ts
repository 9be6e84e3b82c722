// A FIFO of frame buffers on a growable ring: push and shift are O(1) and
// allocate nothing once the ring has grown to the working size (descriptor
// rings, the qdisc, the NIC's transmit FIFO all hold frames this way).

export class FrameQueue {
  private ring: (Uint8Array | null)[] = new Array<Uint8Array | null>(16).fill(null);
  private head = 0;
  private n = 0;
  /** Sum of the lengths of the frames held. */
  bytes = 0;

  get length(): number {
    return this.n;
  }

  push(f: Uint8Array): void {
    if (this.n === this.ring.length) this.grow();
    this.ring[(this.head + this.n) % this.ring.length] = f;
    this.n++;
    this.bytes += f.length;
  }

  /** The oldest frame, or null when empty. */
  shift(): Uint8Array | null {
    if (this.n === 0) return null;
    const f = this.ring[this.head]!;
    this.ring[this.head] = null;
    this.head = (this.head + 1) % this.ring.length;
    this.n--;
    this.bytes -= f.length;
    return f;
  }

  /** The oldest frame without removing it, or null. */
  peek(): Uint8Array | null {
    return this.n === 0 ? null : this.ring[this.head]!;
  }

  private grow(): void {
    const bigger = new Array<Uint8Array | null>(this.ring.length * 2).fill(null);
    for (let i = 0; i < this.n; i++) bigger[i] = this.ring[(this.head + i) % this.ring.length]!;
    this.ring = bigger;
    this.head = 0;
  }
}
