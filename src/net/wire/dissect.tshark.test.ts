// The inspector's field tree checked against Wireshark's own dissection
// (tshark -T pdml) of the same real frames: every field that both name must
// sit at the same offset with the same size, and, for the fields whose wording
// the lab copies from Wireshark, carry the same label.
import { afterAll, describe, expect, it } from 'vitest';
import { dissectFrame, type FieldNode } from './dissect';
import { captured, tcpAckWithSack } from './fixtures/frames';
import { PcapngWriter } from './pcapng-writer';
import { TSHARK_MISSING_MESSAGE, tsharkAvailable, tsharkPdml, removeTempCaptures, writeTempCapture, type PdmlField } from './testing/tshark';

afterAll(removeTempCaptures);

const HAVE_TSHARK = tsharkAvailable();

// Fields whose label is deliberately worded differently from Wireshark's (it adds
// MAC vendor resolution, DSCP names, relative sequence numbers in SACK edges,
// or groups bits differently).
const OWN_WORDING = new Set(['eth.dst', 'eth.src', 'ip.dsfield', 'ip.dsfield.dscp', 'ip.dsfield.ecn', 'ip.flags', 'ip.flags.rb', 'ip.flags.df', 'ip.flags.mf', 'tcp.flags', 'tcp.flags.res', 'tcp.flags.ae', 'tcp.ack_raw', 'arp.opcode', 'arp.hw.type', 'udp.checksum', 'arp.src.hw_mac', 'arp.dst.hw_mac', 'tcp.options.sack']);

function flatten(nodes: readonly FieldNode[]): FieldNode[] {
  return nodes.flatMap((n) => [n, ...flatten(n.children ?? [])]);
}

function once<T extends { name: string }>(items: readonly T[]): Map<string, T> {
  const count = new Map<string, number>();
  for (const i of items) count.set(i.name, (count.get(i.name) ?? 0) + 1);
  return new Map(items.filter((i) => count.get(i.name) === 1).map((i) => [i.name, i]));
}

describe.skipIf(!HAVE_TSHARK)(HAVE_TSHARK ? 'the field tree against Wireshark' : TSHARK_MISSING_MESSAGE, () => {
  it('places and labels fields as tshark does for every captured frame', () => {
    const frames = [...Object.values(captured).map((c) => c.bytes), tcpAckWithSack];
    const w = new PcapngWriter();
    w.addInterface();
    frames.forEach((f, i) => w.writePacket(0, i, f));
    const pdml = tsharkPdml(writeTempCapture(w.toBytes()));
    expect(pdml).toHaveLength(frames.length);
    const mismatches: string[] = [];
    let compared = 0;
    frames.forEach((bytes, i) => {
      const theirs = once<PdmlField>(pdml[i]!);
      for (const mine of once(flatten(dissectFrame(bytes))).values()) {
        const t = theirs.get(mine.name);
        if (!t) continue;
        compared++;
        // Wireshark reports a bit field at the byte holding its bits; the lab at the whole field with a mask.
        const posOk = mine.bitMask === undefined ? t.pos === mine.offset && t.size === mine.length : t.pos >= mine.offset && t.pos + t.size <= mine.offset + mine.length;
        if (!posOk) mismatches.push(`frame ${i + 1} ${mine.name}: lab ${mine.offset}+${mine.length}, tshark ${t.pos}+${t.size}`);
        if (!OWN_WORDING.has(mine.name) && t.showname !== mine.label) {
          mismatches.push(`frame ${i + 1} ${mine.name}: lab "${mine.label}", tshark "${t.showname}"`);
        }
      }
    });
    expect(mismatches).toEqual([]);
    expect(compared).toBeGreaterThan(300);
  });
});
