// The positions a person stepped from, so Back returns to them exactly (DESIGN.md 2.3).
// A position is what the worker needs to replay to the same state: per configuration,
// events processed and clock (WorldPosition). Bounded: the oldest are forgotten.
import type { ClientListener, WorldFigures, WorldPosition } from '../../worker';

export class PositionHistory {
  private readonly stack: WorldPosition[][] = [];

  constructor(readonly capacity = 1000) {}

  get depth(): number {
    return this.stack.length;
  }

  push(p: readonly WorldPosition[]): void {
    const last = this.stack[this.stack.length - 1];
    if (last && same(last, p)) return;
    this.stack.push(p.map((x) => ({ ...x })));
    if (this.stack.length > this.capacity) this.stack.shift();
  }

  pop(): WorldPosition[] | null {
    return this.stack.pop() ?? null;
  }

  clear(): void {
    this.stack.length = 0;
  }
}

function same(a: readonly WorldPosition[], b: readonly WorldPosition[]): boolean {
  return a.length === b.length && a.every((x, i) => x.events === b[i]!.events && x.nowNanos === b[i]!.nowNanos);
}

/**
 * Keeps a PositionHistory from the client's replies, whoever sent the request (buttons of
 * any panel, shortcuts, the test API): a step pushes the position it started from, a run
 * pushes where it started once; a seek (Back, the scrubber) pushes nothing; a new world
 * clears the history.
 */
export function trackHistory(history: PositionHistory): ClientListener {
  let last: WorldPosition[] | null = null;
  const positionOf = (f: WorldFigures) => f.worlds?.map((w) => w.position) ?? null;
  return {
    ready(_info, _spec, figures) {
      history.clear();
      last = positionOf(figures);
    },
    status(status) {
      if (status === 'running' && last) history.push(last);
    },
    figures(figures, slice) {
      if (slice.request === 'step' && last && slice.events > 0) history.push(last);
      last = positionOf(figures);
    },
  };
}
