// The TCP demultiplexing tables: established (and half-open) connections by
// 4-tuple, listeners by local port. One local address per stack, so the
// 4-tuple is (local port, remote address, remote port): buckets keyed by the
// two ports hold the few sockets that differ by remote address.
import type { Ipv4Addr } from '../wire';
import type { TcpSock } from './tcp-sock';

export class TcpDemux {
  private readonly buckets = new Map<number, TcpSock[]>();
  readonly listeners = new Map<number, TcpSock>();

  private bucketKey(localPort: number, remotePort: number): number {
    return localPort * 65536 + remotePort;
  }

  lookup(localPort: number, remoteAddr: Ipv4Addr, remotePort: number): TcpSock | undefined {
    const b = this.buckets.get(this.bucketKey(localPort, remotePort));
    if (b === undefined) return undefined;
    for (let i = 0; i < b.length; i++) if (b[i]!.remote!.addr === remoteAddr) return b[i];
    return undefined;
  }

  insert(s: TcpSock): void {
    const key = this.bucketKey(s.local!.port, s.remote!.port);
    const b = this.buckets.get(key);
    if (b === undefined) this.buckets.set(key, [s]);
    else b.push(s);
    s.key = key;
  }

  remove(s: TcpSock): void {
    const b = this.buckets.get(s.key);
    if (b !== undefined) {
      const i = b.indexOf(s);
      if (i >= 0) b.splice(i, 1);
      if (b.length === 0) this.buckets.delete(s.key);
    }
    s.key = -1;
  }
}
