// What an event runs. Hot paths schedule (handler, kind, arg, obj) tuples on a
// long-lived handler object instead of a fresh closure, so that scheduling an
// event allocates nothing: `kind` says which of the handler's events this is
// (an int32), `arg` carries a number, `obj` a reference (a segment, a frame).

import type { Simulator } from './simulator';

export interface EventHandler {
  onEvent(kind: number, arg: number, obj: unknown, sim: Simulator): void;
}
