// TCP connection states with their RFC 9293 (section 3.3.2) spellings, and the
// predicates the segment-arrival rules (RFC 9293 3.10.7) are phrased in.

export type TcpState =
  | 'CLOSED'
  | 'LISTEN'
  | 'SYN-SENT'
  | 'SYN-RECEIVED'
  | 'ESTABLISHED'
  | 'FIN-WAIT-1'
  | 'FIN-WAIT-2'
  | 'CLOSE-WAIT'
  | 'CLOSING'
  | 'LAST-ACK'
  | 'TIME-WAIT';

/** States in which both sequence spaces are synchronised (RFC 9293 3.5.2, 3.10.7.4). */
export function isSynchronized(s: TcpState): boolean {
  return s !== 'CLOSED' && s !== 'LISTEN' && s !== 'SYN-SENT' && s !== 'SYN-RECEIVED';
}

/** States in which arriving segment text is accepted (RFC 9293 3.10.7.4, seventh step). */
export function acceptsText(s: TcpState): boolean {
  return s === 'ESTABLISHED' || s === 'FIN-WAIT-1' || s === 'FIN-WAIT-2';
}

/** States in which the application may still queue data to send. */
export function acceptsSend(s: TcpState): boolean {
  return s === 'ESTABLISHED' || s === 'CLOSE-WAIT' || s === 'SYN-SENT' || s === 'SYN-RECEIVED';
}

/** States in which our FIN has been queued (the send side is closed). */
export function finQueuedIn(s: TcpState): boolean {
  return s === 'FIN-WAIT-1' || s === 'FIN-WAIT-2' || s === 'CLOSING' || s === 'LAST-ACK' || s === 'TIME-WAIT';
}
