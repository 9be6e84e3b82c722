// A live parameter change in the worker (protocol `apply` → `applied`).
//
// Contract: the answer is never fatal. A refused change (bad path, value out of
// range, a parameter that needs a restart, a world that takes no live changes)
// leaves the world exactly as it was and says why in `message`, naming the
// field; an accepted one says where each configuration stood when it took
// effect and hands back the world's whole change log, which the page keeps (it
// is what a rebuilt world and a shared link replay).
import type { LiveChange, LiveValue } from '../scenario/run';
import { PROTOCOL_VERSION, type FromWorker, type ToWorker, type WorldPosition } from './protocol';

export interface ApplyOutcome {
  readonly ok: boolean;
  readonly message: string;
  readonly at: readonly WorldPosition[];
  readonly log: readonly LiveChange[];
  readonly dropped: number;
}

/** What a world that can change live offers (ScenarioLabWorld). */
export interface LiveApplicable {
  apply?(path: string, value: LiveValue): ApplyOutcome;
}

type ApplyMessage = Extract<ToWorker, { type: 'apply' }>;

export function appliedReply(world: LiveApplicable, msg: ApplyMessage): FromWorker {
  const out: ApplyOutcome = world.apply
    ? world.apply(msg.path, msg.value)
    : { ok: false, message: 'this world takes no live changes (only scenario worlds do)', at: [], log: [], dropped: 0 };
  return {
    v: PROTOCOL_VERSION, type: 'applied', epoch: msg.epoch, seq: msg.seq, path: msg.path, ok: out.ok, message: out.message,
    at: out.at.map((p) => ({ events: p.events, nowNanos: p.nowNanos })),
    log: out.log.map((c) => ({ path: c.path, value: c.value, at: c.at.map((p) => ({ events: p.events, nowNanos: p.nowNanos })) })),
    dropped: out.dropped,
  };
}

/** A change's effect for the page: 'took effect at 12.345 ms' or the reason it did not. */
export function outcomeMessage(ok: boolean, atNanos: number, dropped: number, why = ''): string {
  if (!ok) return why;
  const t = `took effect at ${(atNanos / 1e6).toFixed(3)} ms`;
  return dropped > 0 ? `${t}; ${dropped} later change${dropped === 1 ? '' : 's'} dropped (made while rewound)` : t;
}
