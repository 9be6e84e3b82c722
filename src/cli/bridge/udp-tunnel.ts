// The userspace end of the TUN: a UDP socket on 127.0.0.1 exchanging one IP
// packet per datagram with socat (see namespace.ts for the layout).
//
// Contract: `open` binds to 127.0.0.1 on an ephemeral port and reserves a second
// one for socat; it resolves with the tunnel or an error string, never rejects.
// Datagrams from anywhere but socat's address are ignored (counted in
// `foreignDatagrams`), so nothing else on loopback can inject packets. `send`
// copies the packet first (node may queue a send), so the caller may reuse its buffer.
import dgram from 'node:dgram';

export type PacketHandler = (packet: Uint8Array) => void;

export class UdpTunnel {
  foreignDatagrams = 0;
  sentPackets = 0;
  receivedPackets = 0;
  sendErrors = 0;
  private handler: PacketHandler = () => {};
  private closed = false;

  private constructor(
    private readonly socket: dgram.Socket,
    readonly userPort: number,
    readonly socatPort: number,
  ) {
    socket.on('message', (msg, from) => {
      if (from.address !== '127.0.0.1' || from.port !== this.socatPort) {
        this.foreignDatagrams += 1;
        return;
      }
      this.receivedPackets += 1;
      this.handler(new Uint8Array(msg.buffer, msg.byteOffset, msg.byteLength));
    });
    socket.on('error', () => {
      this.sendErrors += 1;
    });
  }

  static async open(): Promise<UdpTunnel | string> {
    const socatPort = await reservePort();
    if (typeof socatPort === 'string') return socatPort;
    const socket = dgram.createSocket({ type: 'udp4', recvBufferSize: 4 << 20, sendBufferSize: 4 << 20 });
    const bound = await new Promise<string | null>((resolve) => {
      socket.once('error', (e) => resolve(e.message));
      socket.bind(0, '127.0.0.1', () => resolve(null));
    });
    if (bound !== null) {
      socket.close();
      return `udp bind: ${bound}`;
    }
    return new UdpTunnel(socket, socket.address().port, socatPort);
  }

  onPacket(handler: PacketHandler): void {
    this.handler = handler;
  }

  send(packet: Uint8Array): void {
    if (this.closed) return;
    this.sentPackets += 1;
    this.socket.send(Buffer.from(packet), this.socatPort, '127.0.0.1', (err) => {
      if (err) this.sendErrors += 1;
    });
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.socket.close();
  }
}

/** Binds a throw-away socket to learn a free loopback UDP port, then frees it. */
function reservePort(): Promise<number | string> {
  return new Promise((resolve) => {
    const s = dgram.createSocket('udp4');
    s.once('error', (e) => resolve(`udp reserve: ${e.message}`));
    s.bind(0, '127.0.0.1', () => {
      const port = s.address().port;
      s.close(() => resolve(port));
    });
  });
}
