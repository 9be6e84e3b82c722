// Socket set-up shared by the workloads: a server that listens and accepts for
// ever (a blocking accept loop), a client connect with a continuation, and
// control calls (bind, listen, shutdown) that may sleep for their answer.
// Errors are counted on the workload's stats, never thrown.
import {
  isPending, isSysError, type Accepted, type Cont, type Fd, type Result, type SockAddr, type SocketApi, type SysError,
} from '../../net/stack';
import type { WorkloadStats } from './context';

/**
 * Listens on `port` with TCP and calls `onAccept` for every connection, for
 * ever. `nodelay` sets TCP_NODELAY on each accepted socket, as request/response
 * servers do (Apache httpd and iSCSI targets turn Nagle off, so the last small
 * segment of a response does not wait for a delayed ACK).
 *
 * bind and listen are made as a blocking server makes them: the thread may
 * sleep for the answer (the offload OSM asks the card and sleeps until its
 * reply; the native stack answers at the call). `setUp` runs once both have
 * answered, listening or failed (counted), so clients started from it find the
 * server listening, as a real test harness waits for its server.
 */
export function serveTcp(
  api: SocketApi, addr: number, port: number, backlog: number, stats: WorkloadStats, onAccept: (fd: Fd) => void, nodelay = false,
  setUp: () => void = () => undefined,
): void {
  const lfd = api.socket('stream');
  if (isSysError(lfd)) {
    stats.error(`socket: ${lfd.errno}`);
    return setUp();
  }
  api.setsockopt(lfd, 'SO_REUSEADDR', true);
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
  controlCall((k) => api.bind(lfd, { addr, port }, k), (b) => {
    if (isSysError(b)) {
      stats.error(`bind: ${b.errno}`);
      return setUp();
    }
    controlCall((k) => api.listen(lfd, backlog, k), (l) => {
      if (isSysError(l)) stats.error(`listen: ${l.errno}`);
      else loop();
      setUp();
    });
  });
}

/**
 * Makes a control call (bind, listen, shutdown) that may sleep for its answer:
 * `k` gets the result once, at the call when the API answers there, or from
 * the continuation when the call returned PENDING.
 */
export function controlCall(call: (cont: Cont<0>) => Result<0>, k: (r: 0 | SysError) => void): void {
  const r = call(k);
  if (!isPending(r)) k(r);
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
