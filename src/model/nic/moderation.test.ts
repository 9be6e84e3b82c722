// Interrupt moderation rules: off fires at once for received frames and
// delays transmit-only causes; fixed fires at `frames` or `usecs`; adaptive
// keeps an ixgbe-like minimum interval and moves between its three steps with
// the load (bytes per microsecond since the last interrupt).
import { describe, expect, it } from 'vitest';
import { InterruptModerator, TX_INTERRUPT_DELAY_NS } from './moderation';

describe('InterruptModerator', () => {
  it('off: a received frame interrupts at once; a transmit completion alone waits the transmit delay', () => {
    const m = new InterruptModerator({ mode: 'off' });
    expect(m.dueAt(1000)).toBe(-1);
    m.tx(1000);
    expect(m.dueAt(1000)).toBe(1000 + TX_INTERRUPT_DELAY_NS);
    m.rx(2000, 1500);
    expect(m.dueAt(2000)).toBe(2000);
  });

  it('fixed: fires after `frames` frames or `usecs` after the first, whichever comes first', () => {
    const m = new InterruptModerator({ mode: 'fixed', usecs: 125, frames: 4 });
    m.rx(10_000, 1500);
    expect(m.dueAt(10_000)).toBe(135_000);
    for (let i = 0; i < 3; i++) m.rx(20_000, 1500);
    expect(m.dueAt(20_000)).toBe(20_000);
    m.fired(20_000);
    expect(m.dueAt(20_000)).toBe(-1);
  });

  it('adaptive: the interval follows the step, and the step follows the load', () => {
    const m = new InterruptModerator({ mode: 'adaptive' });
    const seen: number[] = [];
    let t = 0;
    // Bulk: 1 Gb/s is 125 B/µs, far above 20 B/µs.
    for (let i = 0; i < 4; i++) {
      m.rx(t, 125 * (m.intervalNs / 1000));
      t = m.dueAt(t);
      m.fired(t);
      seen.push(1e9 / m.intervalNs);
    }
    // Light load: 1 B/µs.
    for (let i = 0; i < 4; i++) {
      t += 1_000_000;
      m.rx(t, 1000);
      m.fired(m.dueAt(t));
      seen.push(1e9 / m.intervalNs);
    }
    console.log(`interrupt rate steps seen: ${seen.join(', ')} per second`);
    expect(seen.slice(0, 4)).toContain(8000);
    expect(seen[seen.length - 1]).toBe(100_000);
  });
});
