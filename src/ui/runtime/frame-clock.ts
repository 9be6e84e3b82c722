// The page's one frame clock: every animated or high-rate view redraws from here.
//
// Contract: `subscribe(cb)` registers a per-frame callback; `request()` asks for one
// frame (several requests before the frame coalesce into one). No frame is requested
// when nothing asked for it, so an idle page does no work. Callbacks receive the
// requestAnimationFrame timestamp. The scheduler is injected for tests.
export type FrameCallback = (timestampMs: number) => void;
export type FrameScheduler = (cb: (timestampMs: number) => void) => unknown;

export class FrameClock {
  private readonly subscribers = new Set<FrameCallback>();
  private pending = false;

  constructor(private readonly schedule: FrameScheduler) {}

  subscribe(cb: FrameCallback): () => void {
    this.subscribers.add(cb);
    return () => { this.subscribers.delete(cb); };
  }

  request(): void {
    if (this.pending) return;
    this.pending = true;
    this.schedule(this.tick);
  }

  private readonly tick = (timestampMs: number): void => {
    this.pending = false;
    for (const cb of this.subscribers) cb(timestampMs);
  };
}
