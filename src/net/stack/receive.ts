// The receive path: Ethernet, ARP, IPv4 (with reassembly), then TCP or UDP.
// Each frame is one batch of softirq work. Every rejection is counted by
// reason and the frame dropped; nothing here throws (a fault escaping a
// protocol handler is caught and counted as 'internal-error').
import { LAYER, TRACE_KIND, type Priority, type Simulator } from '../../sim';
import type { Reassembler } from '../ipv4';
import {
  ETHERTYPE_ARP, ETHERTYPE_IPV4, IPPROTO_TCP, IPPROTO_UDP, MAC_BROADCAST, isWireError, parseArp, parseUdp, readU16,
  readU48, type Ipv4Addr, type Ipv4Repr, type MacAddr, type WireError,
} from '../wire';
import type { DropCounters } from './drops';
import type { Output } from './output';
import type { RxParser } from './rx-parse';
import type { TcpLayer } from './tcp-layer';
import type { UdpLayer } from './udp-layer';

export interface RxContext {
  sim: Simulator;
  out: Output;
  mac: MacAddr;
  addr: Ipv4Addr;
  drops: DropCounters;
  tcp: TcpLayer;
  udp: UdpLayer;
  reassembler: Reassembler;
  rxPriority: Priority;
  onFragmentHeld: () => void;
  parser: RxParser;
  /** The processor's id, for trace records. */
  cpuId: number;
}

function dropWire(ctx: RxContext, layer: string, e: WireError): void {
  ctx.drops.count(`${layer}-${e.kind}`);
}

export function receiveFrame(ctx: RxContext, frame: Uint8Array): void {
  ctx.out.begin(ctx.rxPriority);
  try {
    receive(ctx, frame);
  } catch {
    ctx.drops.count('internal-error');
  } finally {
    ctx.out.commit();
  }
}

function receive(ctx: RxContext, frame: Uint8Array): void {
  if (frame.length < 14) {
    ctx.drops.count('ethernet-truncated');
    return;
  }
  const dst = readU48(frame, 0);
  if (dst !== ctx.mac && dst !== MAC_BROADCAST) {
    ctx.drops.count('ethernet-not-for-us');
    return;
  }
  const etherType = readU16(frame, 12);
  if (etherType === ETHERTYPE_ARP) {
    const arp = parseArp(frame.subarray(14));
    if (isWireError(arp)) return dropWire(ctx, 'arp', arp);
    ctx.out.receiveArp(arp);
    return;
  }
  if (etherType !== ETHERTYPE_IPV4) {
    ctx.drops.count('ethernet-unknown-type');
    return;
  }
  const ipCycles = ctx.out.charge('ipRx', frame.length - 14);
  const tr = ctx.sim.trace;
  // The received frame's span was given at the wire (the NIC or HDM tagged the buffer).
  const span = tr.enabled ? tr.tagOf(frame) : 0;
  if (tr.enabled) tr.record(ctx.sim.now, span, ctx.out.below, LAYER.ip, TRACE_KIND.frame, frame.length, ipCycles, ctx.cpuId);
  const px = ctx.parser;
  const bad = px.parseIpv4(frame, 14);
  if (bad !== null) {
    ctx.drops.count(`ipv4-${bad.kind}`);
    return;
  }
  let ip: Ipv4Repr = px.ip;
  if (ip.dst !== ctx.addr) {
    ctx.drops.count('ipv4-not-for-us');
    return;
  }
  // RFC 1122 3.2.1.3: a source that is broadcast, multicast or "this host" on the wire is bogus.
  if (ip.src === 0 || ip.src === 0xffffffff || ip.src >>> 28 === 0xe) {
    ctx.drops.count('ipv4-bad-source');
    return;
  }
  let bytes = frame;
  let l4 = px.ipPayloadOffset;
  let l4Len = ip.payloadLength;
  if (ip.moreFragments || ip.fragmentOffset !== 0) {
    const whole = ctx.reassembler.accept(ip, frame.subarray(l4, l4 + l4Len), ctx.sim.now);
    ctx.onFragmentHeld();
    if (whole === null) return;
    ip = whole.ip;
    bytes = whole.payload;
    l4 = 0;
    l4Len = whole.payload.length;
  }
  if (ctx.out.ipTap !== null) ctx.out.ipTap('rx', bytes === frame ? null : ip, bytes === frame ? frame.subarray(14) : bytes);
  if (ip.protocol === IPPROTO_TCP) {
    const sumCycles = ctx.out.charge('checksum', l4Len);
    const badTcp = px.parseTcp(bytes, l4, l4Len, ip.src, ip.dst);
    if (badTcp !== null) {
      ctx.drops.count(`tcp-${badTcp.kind}`);
      return;
    }
    const seg = px.tcp;
    if (seg.srcPort === 0 || seg.dstPort === 0) {
      ctx.drops.count('tcp-port-zero');
      return;
    }
    if (tr.enabled) tr.record(ctx.sim.now, span, LAYER.ip, LAYER.tcp, TRACE_KIND.segment, seg.payload.length, sumCycles, ctx.cpuId);
    const carried = seg.payload.length;
    ctx.tcp.input(ip.src, seg);
    // Data goes on to the socket's receive queue (DESIGN.md 1.2: tcp > socket).
    if (tr.enabled && carried > 0) tr.record(ctx.sim.now, span, LAYER.tcp, LAYER.socket, TRACE_KIND.segment, carried, 0, ctx.cpuId);
    return;
  }
  if (ip.protocol === IPPROTO_UDP) {
    ctx.out.charge('checksum', l4Len);
    const udp = parseUdp(bytes.subarray(l4, l4 + l4Len), ip.src, ip.dst);
    if (isWireError(udp)) return dropWire(ctx, 'udp', udp);
    if (tr.enabled) tr.record(ctx.sim.now, span, LAYER.ip, LAYER.udp, TRACE_KIND.segment, udp.payload.length, 0, ctx.cpuId);
    const carried = udp.payload.length;
    ctx.udp.input(ip.src, udp);
    if (tr.enabled) tr.record(ctx.sim.now, span, LAYER.udp, LAYER.socket, TRACE_KIND.segment, carried, 0, ctx.cpuId);
    return;
  }
  ctx.drops.count('ipv4-unknown-protocol');
}
