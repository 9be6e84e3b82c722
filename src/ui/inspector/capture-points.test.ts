import { describe, expect, it } from 'vitest';
import { buildTcpFrame, ETHERNET_HEADER_LEN, ipv4, readPcapng, TCP_SYN, type Ipv4Repr, type TcpRepr } from '../../net/wire';
import type { FeedFrame } from '../views/feed/view-feed';
import { captureToPcapng } from './capture-file';
import { rowOf } from './packet-rows';
import { dissectDatagram, dissectSocketRecord } from './point-frames';

const ip: Ipv4Repr = {
  src: ipv4('10.0.0.1'), dst: ipv4('10.0.0.2'), protocol: 6, ttl: 64, identification: 1, dscp: 0, ecn: 0,
  dontFragment: true, moreFragments: false, fragmentOffset: 0, payloadLength: 0,
};

/** A SYN as the IP layer hands it down: the Ethernet frame's bytes after its header. */
function synDatagram(no: number): FeedFrame {
  const tcp = { srcPort: 40000, dstPort: 5001, seq: 1, ack: 0, flags: TCP_SYN, window: 65535, urgentPointer: 0, options: { mss: 1460 }, payload: new Uint8Array(0) } as unknown as TcpRepr;
  const buf = new Uint8Array(200);
  const n = buildTcpFrame({ dst: 2, src: 1, etherType: 0x0800 }, ip, tcp, buf) as number;
  return { no, t: 1000 + no, source: 'server->peer', bytes: buf.slice(ETHERNET_HEADER_LEN, n), configuration: 'native', point: 'ip' };
}

const socketCall = (no: number): FeedFrame => ({
  no, t: 2000 + no, source: 'server->peer', bytes: new Uint8Array(64).fill(7), configuration: 'native', point: 'socket', comment: 'send(fd 3, 64 bytes)',
});

describe('inspector rows at the other capture points', () => {
  it('classifies a raw IPv4 datagram from its IPv4 header: a SYN of a named connection', () => {
    const r = rowOf(synDatagram(0));
    expect(r.point).toBe('ip');
    expect(r.layer).toBe('wire');
    expect(r.isSyn).toBe(true);
    expect(r.connection).toBe('10.0.0.1:40000 ↔ 10.0.0.2:5001');
    expect(r.summary).toContain('10.0.0.1.40000 > 10.0.0.2.5001');
  });

  it('summarises a socket record by its call and size, with no connection', () => {
    const r = rowOf(socketCall(1));
    expect(r.point).toBe('socket');
    expect(r.summary).toBe('send(fd 3, 64 bytes) (64 bytes)');
    expect([r.isSyn, r.isPureAck, r.connection]).toEqual([false, false, null]);
  });

  it('dissects a datagram with offsets into the datagram: no Ethernet node, IPv4 at byte 0', () => {
    const d = synDatagram(2).bytes;
    const tree = dissectDatagram(d);
    expect(tree.map((n) => n.name)).not.toContain('eth');
    const ipNode = tree.find((n) => n.name === 'ip')!;
    expect(ipNode.offset).toBe(0);
    expect(ipNode.length).toBe(20);
    const tcpNode = tree.find((n) => n.name === 'tcp')!;
    expect(tcpNode.offset).toBe(20);
    const flat = (ns: typeof tree): typeof tree => ns.flatMap((n) => [n, ...flat(n.children ?? [])]);
    for (const n of flat(tree)) expect(n.offset + n.length).toBeLessThanOrEqual(d.length);
  });

  it('shows a socket record as the call over all its bytes', () => {
    const [node] = dissectSocketRecord(new Uint8Array(64), 'send(fd 3, 64 bytes)');
    expect(node!.label).toBe('Socket call: send(fd 3, 64 bytes)');
    expect([node!.offset, node!.length]).toEqual([0, 64]);
  });

  it('downloads IP records as LINKTYPE_RAW (101) and socket records as USER1 (148) with the call as comment', () => {
    const ipFile = readPcapng(captureToPcapng([synDatagram(3)]));
    if ('kind' in ipFile) throw new Error(JSON.stringify(ipFile));
    expect(ipFile.interfaces.map((i) => i.linkType)).toEqual([101]);
    expect(ipFile.packets[0]!.data[0]).toBe(0x45);
    const sockFile = readPcapng(captureToPcapng([socketCall(4), { no: 5, t: 9000, source: 'i2o-inbound', bytes: new Uint8Array(20), configuration: 'offload', point: 'socket' }]));
    if ('kind' in sockFile) throw new Error(JSON.stringify(sockFile));
    expect(sockFile.interfaces.map((i) => i.linkType)).toEqual([148, 147]);
    expect(sockFile.packets[0]!.comment).toBe('send(fd 3, 64 bytes)');
  });
});
