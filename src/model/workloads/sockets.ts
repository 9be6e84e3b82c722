// Socket set-up shared by the workloads: a server that listens and accepts for
// ever (a blocking accept loop), and a client connect with a continuation.
// Errors are counted on the workload's stats, never thrown.
import { isPending, isSysError, type Accepted, type Fd, type SockAddr, type SocketApi, type SysError } from '../../net/stack';
import type { WorkloadStats } from './context';

/**
 * Listens on `port` with TCP and calls `onAccept` for every connection, for
 * ever. `nodelay` sets TCP_NODELAY on each accepted socket, as request/response
 * servers do (Apache httpd and iSCSI targets turn Nagle off, so the last small
 * segment of a response does not wait for a delayed ACK).
 */
export function serveTcp(
  api: SocketApi, addr: number, port: number, backlog: number, stats: WorkloadStats, onAccept: (fd: Fd) => void, nodelay = false,
): void {
  const lfd = api.socket('stream');
  if (isSysError(lfd)) return stats.error(`socket: ${lfd.errno}`);
  api.setsockopt(lfd, 'SO_REUSEADDR', true);
  const b = api.bind(lfd, { addr, port });
  if (isSysError(b)) return stats.error(`bind: ${b.errno}`);
  const l = api.listen(lfd, backlog);
  if (isSysError(l)) return stats.error(`listen: ${l.errno}`);
  const got = (r: Accepted | SysError): void => {
    if (isSysError(r)) {
      stats.error(`accept: ${r.errno}`);
      return;
    }
    if (nodelay) api.setsockopt(r.fd, 'TCP_NODELAY', true);
    onAccept(r.fd);
    loop();
  };
  const loop = (): void => {
    for (;;) {
      const r = api.accept(lfd, got);
      if (isPending(r)) return;
      if (isSysError(r)) return stats.error(`accept: ${r.errno}`);
      if (nodelay) api.setsockopt(r.fd, 'TCP_NODELAY', true);
      onAccept(r.fd);
    }
  };
  loop();
}

/** Opens a TCP socket and connects it to `to`; `k(fd)` once connected, `k(null)` on error (counted). */
export function connectTcp(api: SocketApi, to: SockAddr, stats: WorkloadStats, k: (fd: Fd | null) => void, nodelay = false): void {
  const fd = api.socket('stream');
  if (isSysError(fd)) {
    stats.error(`socket: ${fd.errno}`);
    return k(null);
  }
  if (nodelay) api.setsockopt(fd, 'TCP_NODELAY', true);
  const after = (r: 0 | SysError): void => {
    if (isSysError(r)) {
      stats.error(`connect: ${r.errno}`);
      api.close(fd);
      return k(null);
    }
    stats.connections += 1;
    k(fd);
  };
  const r = api.connect(fd, to, after);
  if (!isPending(r)) after(r as 0 | SysError);
}

/** Closes `fd`, ignoring the result (a close that lingers finishes in the background). */
export function closeQuietly(api: SocketApi, fd: Fd): void {
  api.close(fd);
}

/** Counts an error result under `what` unless it is null. */
export function noteError(stats: WorkloadStats, what: string, err: SysError | null): boolean {
  if (err === null) return false;
  stats.error(`${what}: ${err.errno}`);
  return true;
}

/**
 * The payload stream id of one direction of a TCP connection, known to both
 * ends without telling each other: the client's port and the direction
 * (0: server to client, 1: client to server). `isServer` says which end asks.
 */
export function streamIdOf(api: SocketApi, fd: Fd, isServer: boolean, dir: 0 | 1): number {
  const a = isServer ? api.getpeername(fd) : api.getsockname(fd);
  const port = isSysError(a) ? 0 : a.port;
  return port * 2 + dir;
}
