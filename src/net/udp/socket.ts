// A UDP socket's state (RFC 768): its local and optional connected endpoints and
// a receive queue bounded by SO_RCVBUF. Datagrams that do not fit are dropped
// and counted, as Linux counts them in UDP_MIB_RCVBUFERRORS. The queue counts
// payload bytes (Linux counts skb truesize, a few hundred bytes more per
// datagram; the lab states buffer sizes in payload bytes everywhere).
import type { Ipv4Addr } from '../wire';

export interface UdpDatagram {
  from: Ipv4Addr;
  fromPort: number;
  data: Uint8Array;
}

export interface UdpCounters {
  datagramsIn: number;
  datagramsOut: number;
  bytesIn: number;
  bytesOut: number;
  rcvbufDrops: number;
}

export const DEFAULT_UDP_RCVBUF = 212_992;
export const DEFAULT_UDP_SNDBUF = 212_992;

export class UdpSocketState {
  localAddr: Ipv4Addr = 0;
  localPort = 0;
  remoteAddr: Ipv4Addr = 0;
  remotePort = 0;
  rcvBuf = DEFAULT_UDP_RCVBUF;
  sndBuf = DEFAULT_UDP_SNDBUF;
  readonly counters: UdpCounters = { datagramsIn: 0, datagramsOut: 0, bytesIn: 0, bytesOut: 0, rcvbufDrops: 0 };
  private readonly queue: UdpDatagram[] = [];
  private head = 0;
  private queuedBytes = 0;

  get connected(): boolean {
    return this.remotePort !== 0;
  }

  get bound(): boolean {
    return this.localPort !== 0;
  }

  get queued(): number {
    return this.queue.length - this.head;
  }

  get queuedByteCount(): number {
    return this.queuedBytes;
  }

  /** Queues a copy of an arriving datagram; false (and counted) when SO_RCVBUF is full. */
  deliver(from: Ipv4Addr, fromPort: number, payload: Uint8Array): boolean {
    // A connected socket takes datagrams only from its peer (Linux udp4_lib_lookup scoring).
    if (this.connected && (from !== this.remoteAddr || fromPort !== this.remotePort)) return false;
    if (this.queuedBytes + payload.length > this.rcvBuf && this.queued > 0) {
      this.counters.rcvbufDrops += 1;
      return false;
    }
    this.queue.push({ from, fromPort, data: payload.slice() });
    this.queuedBytes += payload.length;
    this.counters.datagramsIn += 1;
    this.counters.bytesIn += payload.length;
    return true;
  }

  /** Takes the next datagram, or undefined when the queue is empty. */
  take(): UdpDatagram | undefined {
    if (this.head >= this.queue.length) return undefined;
    const d = this.queue[this.head]!;
    this.head += 1;
    if (this.head > 64 && this.head * 2 > this.queue.length) {
      this.queue.splice(0, this.head);
      this.head = 0;
    }
    this.queuedBytes -= d.data.length;
    return d;
  }
}
