import { describe, expect, it } from 'vitest';
import { FrameClock } from './frame-clock';

function manualFrames() {
  const queued: ((t: number) => void)[] = [];
  return {
    schedule: (cb: (t: number) => void) => { queued.push(cb); },
    queued,
    fire: (t: number) => { const cbs = queued.splice(0); for (const cb of cbs) cb(t); },
  };
}

describe('FrameClock', () => {
  it('coalesces several requests before a frame into one frame for every subscriber', () => {
    const f = manualFrames();
    const clock = new FrameClock(f.schedule);
    const seen: string[] = [];
    clock.subscribe((t) => seen.push(`a${t}`));
    clock.subscribe((t) => seen.push(`b${t}`));
    clock.request();
    clock.request();
    clock.request();
    expect(f.queued).toHaveLength(1);
    f.fire(16);
    expect(seen).toEqual(['a16', 'b16']);
  });

  it('requests no frame when nothing asked for one, and a new one after each frame', () => {
    const f = manualFrames();
    const clock = new FrameClock(f.schedule);
    let frames = 0;
    const unsubscribe = clock.subscribe(() => { frames += 1; });
    expect(f.queued).toHaveLength(0);
    clock.request();
    f.fire(1);
    clock.request();
    f.fire(2);
    expect(frames).toBe(2);
    unsubscribe();
    clock.request();
    f.fire(3);
    expect(frames).toBe(2);
  });
});
