import { describe, expect, it } from 'vitest';
import { buildTcpFrame, ipv4, TCP_ACK, TCP_SYN, type Ipv4Repr, type TcpRepr } from '../../net/wire';
import type { FeedFrame } from '../views/feed/view-feed';
import { captureToPcapng } from './capture-file';
import { readPcapng } from '../../net/wire';
import { connectionsOf, filterRows, NO_FILTER, rowOf } from './packet-rows';

const ip: Ipv4Repr = {
  src: ipv4('10.0.0.1'), dst: ipv4('10.0.0.2'), protocol: 6, ttl: 64, identification: 1, dscp: 0, ecn: 0,
  dontFragment: true, moreFragments: false, fragmentOffset: 0, payloadLength: 0,
};

let no = 0;
function tcpFrame(flags: number, payload = 0, srcPort = 40000): FeedFrame {
  const tcp = { srcPort, dstPort: 5001, seq: 1, ack: 0, flags, window: 65535, urgentPointer: 0, options: flags & TCP_SYN ? { mss: 1460 } : {}, payload: new Uint8Array(payload) } as unknown as TcpRepr;
  const buf = new Uint8Array(1600);
  const n = buildTcpFrame({ dst: 2, src: 1, etherType: 0x0800 }, ip, tcp, buf) as number;
  return { no: no++, t: no * 1000, source: 'server->peer', bytes: buf.slice(0, n), configuration: 'native' };
}

describe('inspector rows and filters', () => {
  it('knows a SYN, a pure ACK and a data segment apart, and names the connection the same both ways', () => {
    const syn = rowOf(tcpFrame(TCP_SYN));
    const ack = rowOf(tcpFrame(TCP_ACK));
    const data = rowOf(tcpFrame(TCP_ACK, 100));
    expect([syn.isSyn, syn.isPureAck]).toEqual([true, false]);
    expect([ack.isSyn, ack.isPureAck]).toEqual([false, true]);
    expect(data.isPureAck).toBe(false);
    expect(syn.connection).toBe('10.0.0.1:40000 ↔ 10.0.0.2:5001');
  });

  it('hides pure ACKs, keeps one connection, keeps the bus or the wire', () => {
    const rows = [tcpFrame(TCP_SYN), tcpFrame(TCP_ACK), tcpFrame(TCP_ACK, 10, 40001)].map(rowOf);
    const bus = rowOf({ no: 99, t: 5, source: 'i2o-inbound', bytes: new Uint8Array(20), configuration: 'offload' });
    const all = [...rows, bus];
    expect(filterRows(all, { ...NO_FILTER, hidePureAcks: true })).toHaveLength(3);
    expect(connectionsOf(all)).toHaveLength(2);
    expect(filterRows(all, { ...NO_FILTER, connection: '10.0.0.1:40001 ↔ 10.0.0.2:5001' })).toHaveLength(1);
    expect(filterRows(all, { ...NO_FILTER, layer: 'bus' })).toEqual([bus]);
    expect(filterRows(all, { ...NO_FILTER, configuration: 'offload' })).toEqual([bus]);
  });

  it('writes a capture the project\'s pcapng reader parses back, frame for frame', () => {
    const frames = [tcpFrame(TCP_SYN), tcpFrame(TCP_ACK, 20)];
    const file = readPcapng(captureToPcapng(frames));
    if ('kind' in file) throw new Error(JSON.stringify(file));
    expect(file.packets.map((p) => p.data.length)).toEqual(frames.map((f) => f.bytes.length));
  });
});
