// The user calls of RFC 9293 section 3.10 that change state: OPEN (active),
// CLOSE (which only closes our send side, 3.10.4) and ABORT (3.10.5).
import type { Tcb } from './tcb';
import type { Endpoint } from './types';

/** RFC 9293 3.10.1 active OPEN: the SYN goes out at the next dispatch. */
export function openActive(tcb: Tcb, remote: Endpoint): void {
  tcb.remote = { ...remote };
  tcb.active = true;
  tcb.sndNxt = tcb.iss;
  tcb.sndMax = tcb.iss;
  tcb.setState('SYN-SENT');
}

/** RFC 9293 3.10.4 CLOSE: queue our FIN after the data, per state. */
export function closeSend(tcb: Tcb): void {
  switch (tcb.state) {
    case 'LISTEN':
    case 'SYN-SENT':
      tcb.enterClosed();
      break;
    case 'SYN-RECEIVED':
      // The FIN waits until the handshake completes (establish() moves on).
      tcb.finQueued = true;
      break;
    case 'ESTABLISHED':
      tcb.finQueued = true;
      tcb.setState('FIN-WAIT-1');
      break;
    case 'CLOSE-WAIT':
      tcb.finQueued = true;
      tcb.setState('LAST-ACK');
      break;
    default:
      break;
  }
}

/** RFC 9293 3.10.5 ABORT: <SEQ=SND.NXT><CTL=RST> from the synchronized states. */
export function abortConnection(tcb: Tcb): void {
  const s = tcb.state;
  const sendReset = s === 'SYN-RECEIVED' || s === 'ESTABLISHED' || s === 'FIN-WAIT-1' || s === 'FIN-WAIT-2' || s === 'CLOSE-WAIT';
  tcb.enterClosed();
  if (sendReset) tcb.rstPending = { seq: tcb.sndNxt, ack: tcb.rcvNxt, withAck: true };
}
