import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { dissectFrame, type FieldNode } from './dissect';
import { captured, tcpAckWithSack } from './fixtures/frames';

function find(nodes: readonly FieldNode[], name: string): FieldNode | undefined {
  for (const n of nodes) {
    if (n.name === name) return n;
    const inner = n.children ? find(n.children, name) : undefined;
    if (inner) return inner;
  }
  return undefined;
}

function all(nodes: readonly FieldNode[]): FieldNode[] {
  return nodes.flatMap((n) => [n, ...all(n.children ?? [])]);
}

describe('the inspector field tree', () => {
  const syn = dissectFrame(captured.tcpSyn.bytes);

  it('lays out a captured SYN as Wireshark does: layers, fields, offsets', () => {
    expect(syn.map((n) => n.name)).toEqual(['frame', 'eth', 'ip', 'tcp']);
    expect(find(syn, 'eth.src')).toEqual({ name: 'eth.src', label: 'Source: 02:00:00:00:00:01', offset: 6, length: 6 });
    expect(find(syn, 'ip.id')?.label).toBe('Identification: 0x35ba (13754)');
    expect(find(syn, 'ip.flags')?.label).toBe("Flags: 0x2, Don't fragment");
    expect(find(syn, 'ip.flags.df')).toMatchObject({ label: '.1.. .... .... .... = Don\'t fragment: Set', offset: 20, length: 2, bitMask: 0x4000 });
    expect(find(syn, 'ip.checksum')?.label).toBe('Header Checksum: 0xf0ff [correct]');
    expect(find(syn, 'tcp.srcport')).toEqual({ name: 'tcp.srcport', label: 'Source Port: 52160', offset: 34, length: 2 });
    expect(find(syn, 'tcp.hdr_len')?.label).toBe('1010 .... = Header Length: 40 bytes (10)');
    expect(find(syn, 'tcp.flags')?.label).toBe('Flags: 0x002 (S)');
    expect(find(syn, 'tcp.flags.syn')).toMatchObject({ label: '.... .... ..1. = Syn: Set', offset: 46, length: 2, bitMask: 0x0002 });
    expect(find(syn, 'tcp.flags.ack')?.label).toBe('.... ...0 .... = Acknowledgment: Not set');
    expect(find(syn, 'tcp.checksum')?.label).toBe('Checksum: 0x4e4c [correct]');
    expect(find(syn, 'tcp.options')?.label).toBe(
      'Options: (20 bytes), Maximum segment size, SACK permitted, Timestamps, No-Operation (NOP), Window scale',
    );
    expect(find(syn, 'tcp.options.mss_val')).toMatchObject({ label: 'MSS Value: 1460', offset: 56, length: 2 });
    expect(find(syn, 'tcp.options.wscale.shift')?.label).toBe('Shift count: 10');
    expect(find(syn, 'tcp.options.timestamp.tsval')).toMatchObject({ label: 'Timestamp value: 1317067582', offset: 62, length: 4 });
  });

  it('keeps every node inside the frame and every child inside its parent', () => {
    for (const { bytes } of [...Object.values(captured), { bytes: tcpAckWithSack }]) {
      const check = (nodes: readonly FieldNode[], lo: number, hi: number): void => {
        for (const n of nodes) {
          expect(n.offset).toBeGreaterThanOrEqual(lo);
          expect(n.offset + n.length).toBeLessThanOrEqual(hi);
          if (n.children) check(n.children, n.offset, n.offset + n.length);
        }
      };
      check(dissectFrame(bytes), 0, bytes.length);
    }
  });

  it('shows ARP, UDP, fragments, SACK blocks and payload', () => {
    const arp = dissectFrame(captured.arpReply.bytes);
    expect(find(arp, 'arp')?.label).toBe('Address Resolution Protocol (reply)');
    expect(find(arp, 'arp.src.hw_mac')?.label).toBe('Sender MAC address: 02:00:00:00:00:02');
    const udp = dissectFrame(captured.udpSmall.bytes);
    expect(find(udp, 'udp.checksum')?.label).toMatch(/^Checksum: 0x[0-9a-f]{4} \[correct\]$/);
    expect(find(udp, 'data')).toEqual({ name: 'data', label: 'Data (12 bytes)', offset: 42, length: 12 });
    const frag = dissectFrame(captured.ipv4FirstFragment.bytes);
    expect(find(frag, 'ip.flags.mf')?.label).toMatch(/More fragments: Set$/);
    expect(find(frag, 'data')?.label).toBe('Fragment of datagram 51432 at offset 0 (1480 bytes)');
    expect(find(dissectFrame(captured.ipv4LastFragment.bytes), 'ip.frag_offset')?.label).toBe('...0 0000 1011 1001 = Fragment Offset: 1480');
    const sack = dissectFrame(tcpAckWithSack);
    expect(all(sack).filter((n) => n.name === 'tcp.options.sack_le')).toHaveLength(2);
    const data = dissectFrame(captured.tcpDataFromClient.bytes);
    expect(find(data, 'data')).toEqual({ name: 'data', label: 'Data (17 bytes)', offset: 66, length: 17 });
  });

  it('marks bad checksums and malformed layers, naming the field', () => {
    const bad = captured.tcpSyn.bytes.slice();
    bad[60] = bad[60]! ^ 1; // the timestamp option's kind byte: its word grows by 0x100
    expect(find(dissectFrame(bad), 'tcp.checksum')?.label).toMatch(/^Checksum: 0x4e4c \[incorrect, should be 0x4d4c\]$/);
    const cut = dissectFrame(captured.tcpSyn.bytes.subarray(0, 40));
    expect(cut.at(-1)?.name).toBe('_ws.malformed');
    expect(cut.at(-1)?.label).toMatch(/ipv4\.totalLength/);
    const badOffset = captured.tcpSyn.bytes.slice();
    badOffset[46] = 0x40;
    expect(dissectFrame(badOffset).at(-1)?.label).toMatch(/tcp\.dataOffset/);
  });

  it('never throws and stays inside the frame on random bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 120 }), (bytes) => {
        const frame = Uint8Array.of(...captured.tcpSyn.bytes.subarray(0, 14), 0x45, ...bytes);
        for (const f of [frame, bytes]) {
          for (const n of all(dissectFrame(f))) expect(n.offset + n.length).toBeLessThanOrEqual(f.length);
        }
      }),
    );
  });
});
