// TunPort: Ethernet on the stack's side, bare IP packets on the TUN's side,
// proxy ARP for the kernel's addresses.
import { describe, expect, it } from 'vitest';
import { Simulator } from '../../sim';
import {
  ARP_REPLY, ARP_REQUEST, ETHERTYPE_ARP, ETHERTYPE_IPV4, IPPROTO_TCP, TCP_SYN, buildArpFrame, buildTcpFrame,
  emitIpv4With, emitTcp, ipv4, isWireError, parseFrame, seq, IPV4_HEADER_LEN, MAC_BROADCAST,
} from '../../net/wire';
import type { Ipv4Repr, TcpRepr } from '../../net/wire';
import { LAB_MAC, PEER_MAC, TunPort } from './tun-port';

const LAB = ipv4('10.77.0.2');
const KERNEL = ipv4('10.77.0.1');

const tcp: TcpRepr = {
  srcPort: 9000, dstPort: 40000, seq: seq(7), ack: seq(0), flags: TCP_SYN, window: 1000, urgentPointer: 0,
  options: {}, payload: new Uint8Array(0),
};
const ip = (src: number, dst: number): Ipv4Repr => ({
  src, dst, protocol: IPPROTO_TCP, ttl: 64, identification: 1, dscp: 0, ecn: 0,
  dontFragment: true, moreFragments: false, fragmentOffset: 0, payloadLength: 0,
});

function kernelPacket(): Uint8Array {
  const buf = new Uint8Array(40);
  const n = emitTcp(tcp, buf, IPV4_HEADER_LEN, KERNEL, LAB) as number;
  emitIpv4With(ip(KERNEL, LAB), buf, 0, IPPROTO_TCP, n);
  return buf;
}

function rig() {
  const sim = new Simulator({ seed: 1 });
  const sent: Uint8Array[] = [];
  const delivered: Uint8Array[] = [];
  const port = new TunPort({ send: (p) => sent.push(p.slice()) }, sim, LAB);
  port.attach({ receiveFrame: (f) => delivered.push(f.slice()) });
  return { sim, sent, delivered, port };
}

describe('TunPort', () => {
  it('delivers an IP packet from the kernel to the stack as a padded Ethernet frame to the stack\'s MAC', () => {
    const { delivered, port } = rig();
    port.receivePacket(kernelPacket());
    expect(delivered).toHaveLength(1);
    const f = parseFrame(delivered[0]!);
    if (isWireError(f)) throw new Error(f.detail);
    expect(delivered[0]!.length).toBe(60);
    expect(f.eth).toEqual({ dst: LAB_MAC, src: PEER_MAC, etherType: ETHERTYPE_IPV4 });
    expect(f.ip?.src).toBe(KERNEL);
    expect(f.tcp?.seq).toBe(seq(7));
  });

  it('sends the stack\'s frame to the kernel as its IP packet without Ethernet header or padding', () => {
    const { sent, port } = rig();
    const frame = new Uint8Array(60);
    const n = buildTcpFrame({ dst: PEER_MAC, src: LAB_MAC, etherType: ETHERTYPE_IPV4 }, ip(LAB, KERNEL), tcp, frame);
    if (isWireError(n)) throw new Error(n.detail);
    expect(n).toBe(60);
    port.transmit(frame);
    expect(sent).toHaveLength(1);
    expect(sent[0]!.length).toBe(40);
    expect(Array.from(sent[0]!)).toEqual(Array.from(frame.subarray(14, 54)));
    expect(port.counters.toKernel).toBe(1);
  });

  it('answers the stack\'s ARP request for the kernel\'s address with the peer MAC, one event later', () => {
    const { sim, delivered, port, sent } = rig();
    const req = new Uint8Array(60);
    buildArpFrame(
      { dst: MAC_BROADCAST, src: LAB_MAC, etherType: ETHERTYPE_ARP },
      { operation: ARP_REQUEST, senderMac: LAB_MAC, senderIp: LAB, targetMac: 0, targetIp: KERNEL },
      req,
    );
    port.transmit(req);
    expect(delivered).toHaveLength(0);
    sim.runUntil(sim.now);
    expect(delivered).toHaveLength(1);
    const f = parseFrame(delivered[0]!);
    if (isWireError(f)) throw new Error(f.detail);
    expect(f.arp).toEqual({ operation: ARP_REPLY, senderMac: PEER_MAC, senderIp: KERNEL, targetMac: LAB_MAC, targetIp: LAB });
    expect(sent).toHaveLength(0);
  });

  it('does not answer an ARP request for the stack\'s own address', () => {
    const { sim, delivered, port } = rig();
    const req = new Uint8Array(60);
    buildArpFrame(
      { dst: MAC_BROADCAST, src: LAB_MAC, etherType: ETHERTYPE_ARP },
      { operation: ARP_REQUEST, senderMac: LAB_MAC, senderIp: LAB, targetMac: 0, targetIp: LAB },
      req,
    );
    port.transmit(req);
    sim.runUntil(sim.now);
    expect(delivered).toHaveLength(0);
  });

  it('counts and drops frames that are not IPv4 or ARP, and malformed IPv4', () => {
    const { sent, port } = rig();
    const v6 = new Uint8Array(60);
    v6[12] = 0x86; v6[13] = 0xdd;
    port.transmit(v6);
    const shortIp = new Uint8Array(60);
    shortIp[12] = 0x08; shortIp[14] = 0x45; shortIp[16] = 0x01; // total length 256 > frame
    port.transmit(shortIp);
    port.transmit(new Uint8Array(5));
    port.receivePacket(new Uint8Array([0x60, 0, 0, 0]));
    expect(sent).toHaveLength(0);
    expect(port.counters).toMatchObject({ droppedNotIp: 2, droppedMalformed: 2 });
  });
});
