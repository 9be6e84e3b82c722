// A bulk transfer between the offload server and the peer, written against
// SocketApi in continuation style (src/net/stack/testing/apps.ts): the sender
// writes `total` bytes of connection `conn`'s deterministic payload in
// `chunk`-sized blocking sends; the receiver checks every byte it gets.
import type { PayloadChecker } from '../../../net/payload';
import { isSysError, type Accepted, type Fd, type SocketApi, type SysError } from '../../../net/stack';
import { callThen, receivePayload, sendPayload } from '../../../net/stack/testing/apps';
import { SERVER_ADDR, type OffloadWorld } from './world';

export interface BulkRun {
  /** Bytes the receiver has checked so far. */
  received(): number;
  checker: PayloadChecker | null;
  sendDone: boolean;
  sendError: SysError | null;
  recvDone: boolean;
}

/** Connects peer -> server:port and starts the transfer in the given direction. */
export function startBulk(
  w: OffloadWorld, dir: 'server-sends' | 'server-receives', total: number, chunk = 65536, conn = 1, port = 5001,
): BulkRun {
  const server = w.server.api;
  const peer: SocketApi = w.peer;
  const run: BulkRun = { received: () => 0, checker: null, sendDone: false, sendError: null, recvDone: false };
  const l = server.socket('stream') as Fd;
  server.bind(l, { addr: 0, port });
  server.listen(l, 8);
  const c = peer.socket('stream') as Fd;
  const begin = (sender: SocketApi, sfd: Fd, receiver: SocketApi, rfd: Fd): void => {
    sendPayload(sender, sfd, conn, 0, total, chunk, (err) => {
      run.sendDone = true;
      run.sendError = err;
    });
    const checker = receivePayload(receiver, rfd, conn, 0, total, chunk, () => {
      run.recvDone = true;
    });
    run.checker = checker;
    run.received = () => checker.offset;
  };
  callThen<Accepted>((k) => server.accept(l, k), (a) => {
    if (isSysError(a)) return;
    if (dir === 'server-sends') begin(server, a.fd, peer, c);
    else begin(peer, c, server, a.fd);
  });
  callThen<0>((k) => peer.connect(c, { addr: SERVER_ADDR, port }, k), () => undefined);
  return run;
}
