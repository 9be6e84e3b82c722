// poll(2) readiness of an OSM socket: what the application can do without
// blocking. Readable means data, end of stream or a shutdown in the OSM's own
// record (data still on the card is not readable yet); writable means the
// connection can take data (the card's socket says so) and the socket has a
// transmit buffer to copy into; errors and hang-up combine both sides.
// Datagram sockets: readable when a datagram is in the receive pool; writable as the card says.
import { POLLERR, POLLHUP, POLLIN, POLLOUT, isSysError, type Fd, type Stack } from '../../../net/stack';
import type { DmaPool } from './dma-pool';
import type { OsmSocket } from './osm-socket';

export function osmReadiness(s: OsmSocket, card: Stack, cardFd: Fd, tx: DmaPool): number {
  if (s.type === 'dgram') {
    // Readable: a datagram is in the receive pool (one still on the card is not, yet).
    const r = card.poll(cardFd);
    return (isSysError(r) ? 0 : r & ~POLLIN) | (s.datagrams.length > 0 ? POLLIN : 0);
  }
  if (s.state === 'listening') return s.acceptQueue.length > 0 ? POLLIN : 0;
  const r = card.poll(cardFd);
  const ev = isSysError(r) ? 0 : r;
  const err = s.pendingError !== null || (ev & POLLERR) !== 0 ? POLLERR | POLLIN | POLLOUT : 0;
  // A socket that never connected (or whose connect failed) is the card's alone.
  if (s.state === 'idle') return ev | err;
  let out = err;
  if (s.rxBytes > 0 || s.rxEof || s.rdShut) out |= POLLIN;
  if (s.state === 'connected' && !s.wrShut && (ev & POLLOUT) !== 0 && s.txHeld < s.txShare && tx.available > 0) out |= POLLOUT;
  if ((ev & POLLHUP) !== 0 || (s.wrShut && s.rxEof)) out |= POLLHUP;
  return out;
}
