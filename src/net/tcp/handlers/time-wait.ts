// TIME-WAIT (RFC 9293 3.3.2, 3.6): hold the connection for 2*MSL so a lost
// final ACK can be repeated and old duplicates die out.
import type { Nanos } from '../../../sim/units';
import type { Tcb } from '../tcb';

export function enterTimeWait(tcb: Tcb, now: Nanos): void {
  tcb.setState('TIME-WAIT');
  tcb.timers.stopRtx();
  tcb.timers.persistBackoff = 0;
  tcb.timers.armTimeWait(now, 2 * tcb.cfg.msl);
}
