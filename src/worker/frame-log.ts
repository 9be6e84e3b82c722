// A capture sink that numbers every frame a world captures and keeps the last
// `capacity` of them, so the worker can send the page what is new since the last
// reply and, after a seek, the whole retained history again.
//
// Contract: frames are copied on capture (the model reuses its buffers); numbers start
// at 0 and increase by one per frame; `since(no)` returns the retained frames numbered
// `no` or later (oldest first) and how many of those the ring had already overwritten.
import type { StreamCaptureSource, StreamCapturePoint, StreamFrame } from './stream';

export class FrameLog {
  private readonly ring: (StreamFrame | undefined)[];
  /** Frames captured in total (the next frame's number). */
  total = 0;

  /** `point`: where the frames are captured; every frame carries it. */
  constructor(readonly capacity = 4096, readonly point: StreamCapturePoint = 'wire') {
    this.ring = new Array<StreamFrame | undefined>(capacity);
  }

  frame(t: number, source: StreamCaptureSource, bytes: Uint8Array, comment?: string): void {
    const f: StreamFrame = { no: this.total, t, source, bytes: bytes.slice(), point: this.point };
    this.ring[this.total % this.capacity] = comment === undefined ? f : { ...f, comment };
    this.total += 1;
  }

  /** Copies of the retained frames numbered `from` or later (fresh buffers the caller may transfer). */
  since(from: number): { frames: StreamFrame[]; dropped: number } {
    const oldest = Math.max(0, this.total - this.capacity);
    const start = Math.max(from, oldest);
    const frames: StreamFrame[] = [];
    for (let no = start; no < this.total; no++) {
      const f = this.ring[no % this.capacity]!;
      frames.push({ ...f, bytes: f.bytes.slice() });
    }
    return { frames, dropped: Math.max(0, start - from) };
  }
}
