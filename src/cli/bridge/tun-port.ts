// The lab stack's network interface on the bridge: Ethernet on the stack's
// side, bare IP packets on the TUN's side (a TUN has no link layer).
//
// Towards the kernel, `transmit` takes the stack's Ethernet frame, drops the
// header and any padding (the IPv4 total length says where the packet ends) and
// hands the IP packet to the pipe. From the kernel, `receivePacket` wraps an IP
// packet in an Ethernet frame from a fixed peer MAC to the stack's MAC (padded
// to the 60-byte minimum, as a real NIC would deliver it) and delivers it.
//
// ARP: the kernel's side has no MAC, so the port answers the stack's ARP
// requests for any address but the stack's own with the fixed peer MAC (proxy
// ARP, RFC 1027), one simulated instant later through the simulator so the
// stack is never re-entered from inside its own transmit. A stack that lets the
// ARP cache be seeded never asks; either way the stack's ARP code stays real.
//
// Contract: never throws. Frames that are not IPv4 or ARP, or are malformed,
// are counted by reason and dropped. Frames passed in are read only during the
// call (link/frame-sink.ts ownership rule); what is kept is copied.
import type { FrameSink, Netif } from '../../net/link';
import {
  ARP_REPLY, ARP_REQUEST, ETHERNET_HEADER_LEN, ETHERNET_MIN_FRAME_LEN, ETHERTYPE_ARP, ETHERTYPE_IPV4,
  buildArpFrame, isWireError, parseArp, readU16, writeU16, writeU48,
} from '../../net/wire';
import type { Ipv4Addr, MacAddr } from '../../net/wire';
import type { Nanos } from '../../sim/units';

/** Where IP packets go towards the kernel (a UdpTunnel). */
export interface PacketPipe {
  send(packet: Uint8Array): void;
}

/** The part of the Simulator the port needs to defer an ARP reply. */
export interface Deferrer {
  readonly now: Nanos;
  call(at: Nanos, fn: () => void): unknown;
}

/** A locally administered MAC standing for the kernel's side of the TUN. */
export const PEER_MAC: MacAddr = 0x02_00_0a_4d_00_01;
/** The MAC the bridge gives the lab's stack. */
export const LAB_MAC: MacAddr = 0x02_00_0a_4d_00_02;

export interface TunPortCounters {
  toKernel: number;
  fromKernel: number;
  arpReplies: number;
  droppedNotIp: number;
  droppedMalformed: number;
}

export class TunPort implements Netif {
  readonly counters: TunPortCounters = { toKernel: 0, fromKernel: 0, arpReplies: 0, droppedNotIp: 0, droppedMalformed: 0 };
  private sink: FrameSink | null = null;
  private readonly inbound = new Uint8Array(ETHERNET_HEADER_LEN + 65535);

  constructor(
    private readonly pipe: PacketPipe,
    private readonly sim: Deferrer,
    readonly labIp: Ipv4Addr,
    readonly labMac: MacAddr = LAB_MAC,
    readonly peerMac: MacAddr = PEER_MAC,
  ) {}

  /** Where frames from the kernel are delivered: the stack's receive side. */
  attach(sink: FrameSink): void {
    this.sink = sink;
  }

  /** A frame from the stack, towards the kernel. */
  transmit(frame: Uint8Array): void {
    if (frame.length < ETHERNET_HEADER_LEN) {
      this.counters.droppedMalformed += 1;
      return;
    }
    const etherType = readU16(frame, 12);
    if (etherType === ETHERTYPE_ARP) {
      this.answerArp(frame);
      return;
    }
    if (etherType !== ETHERTYPE_IPV4) {
      this.counters.droppedNotIp += 1;
      return;
    }
    const ip = frame.subarray(ETHERNET_HEADER_LEN);
    // RFC 791: total length covers header and data; whatever follows is Ethernet padding.
    const total = ip.length >= 4 ? readU16(ip, 2) : 0;
    if (ip.length < 20 || ip[0]! >> 4 !== 4 || total < 20 || total > ip.length) {
      this.counters.droppedMalformed += 1;
      return;
    }
    this.counters.toKernel += 1;
    this.pipe.send(ip.subarray(0, total));
  }

  /** An IP packet from the kernel, towards the stack. */
  receivePacket(packet: Uint8Array): void {
    if (packet.length < 20 || packet[0]! >> 4 !== 4 || packet.length > 65535) {
      // IPv6 is disabled on the TUN; anything else is not for an IPv4 stack.
      this.counters.droppedNotIp += 1;
      return;
    }
    if (this.sink === null) return;
    const buf = this.inbound;
    writeU48(buf, 0, this.labMac);
    writeU48(buf, 6, this.peerMac);
    writeU16(buf, 12, ETHERTYPE_IPV4);
    buf.set(packet, ETHERNET_HEADER_LEN);
    let len = ETHERNET_HEADER_LEN + packet.length;
    if (len < ETHERNET_MIN_FRAME_LEN) {
      buf.fill(0, len, ETHERNET_MIN_FRAME_LEN);
      len = ETHERNET_MIN_FRAME_LEN;
    }
    this.counters.fromKernel += 1;
    this.sink.receiveFrame(buf.subarray(0, len));
  }

  private answerArp(frame: Uint8Array): void {
    const req = parseArp(frame.subarray(ETHERNET_HEADER_LEN));
    if (isWireError(req)) {
      this.counters.droppedMalformed += 1;
      return;
    }
    if (req.operation !== ARP_REQUEST || req.targetIp === this.labIp) return;
    const reply = new Uint8Array(ETHERNET_MIN_FRAME_LEN);
    const n = buildArpFrame(
      { dst: req.senderMac, src: this.peerMac, etherType: ETHERTYPE_ARP },
      { operation: ARP_REPLY, senderMac: this.peerMac, senderIp: req.targetIp, targetMac: req.senderMac, targetIp: req.senderIp },
      reply,
    );
    if (isWireError(n)) return;
    this.counters.arpReplies += 1;
    this.sim.call(this.sim.now, () => this.sink?.receiveFrame(reply.subarray(0, n)));
  }
}
