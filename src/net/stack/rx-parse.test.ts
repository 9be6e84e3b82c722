import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  TCP_ACK, buildTcpFrame, ipv4HeaderLenOf, isWireError, parseIpv4, parseTcp, seq, type Ipv4Repr, type TcpRepr,
} from '../wire';
import { RxParser } from './rx-parse';

const IP: Ipv4Repr = {
  src: 0x0a000001, dst: 0x0a000002, protocol: 6, ttl: 64, identification: 9, dscp: 0, ecn: 0, dontFragment: true,
  moreFragments: false, fragmentOffset: 0, payloadLength: 0,
};

function frame(tcp: Partial<TcpRepr>): Uint8Array {
  const seg: TcpRepr = {
    srcPort: 1234, dstPort: 80, seq: seq(77), ack: seq(99), flags: TCP_ACK, window: 1000, urgentPointer: 0,
    options: { timestamps: { tsVal: 5, tsEcr: 6 }, sackBlocks: [{ left: seq(1), right: seq(9) }] },
    payload: new Uint8Array([1, 2, 3, 4, 5]), ...tcp,
  };
  const buf = new Uint8Array(200);
  const n = buildTcpFrame({ dst: 2, src: 1, etherType: 0x800 }, IP, seg, buf) as number;
  return buf.slice(0, n);
}

/** Both parsers' verdicts on a frame: the error kind, or the parsed values. */
function verdicts(f: Uint8Array): [unknown, unknown] {
  const l3 = f.subarray(14);
  const ref = parseIpv4(l3);
  const p = new RxParser();
  const mine = p.parseIpv4(f, 14);
  if (isWireError(ref)) return [ref.kind, mine?.kind];
  if (mine !== null) return [ref, mine.kind];
  expect({ ...p.ip }).toEqual(ref);
  const hl = ipv4HeaderLenOf(l3);
  const refTcp = parseTcp(l3.subarray(hl, hl + ref.payloadLength), ref.src, ref.dst);
  const mineTcp = p.parseTcp(f, p.ipPayloadOffset, ref.payloadLength, ref.src, ref.dst);
  if (isWireError(refTcp)) return [refTcp.kind, mineTcp?.kind];
  if (mineTcp !== null) return [refTcp, mineTcp.kind];
  const strip = (t: TcpRepr) => ({
    ...t, payload: [...t.payload],
    options: Object.fromEntries(Object.entries(t.options).filter(([, v]) => v !== undefined).map(([k, v]) => [k, JSON.parse(JSON.stringify(v))])),
  });
  return [strip(refTcp), strip(p.tcp)];
}

describe('RxParser', () => {
  it('parses a valid frame exactly as the wire parsers do', () => {
    const [a, b] = verdicts(frame({}));
    expect(b).toEqual(a);
  });

  it('agrees with the wire parsers on corrupted and truncated frames', () => {
    const base = frame({});
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 14, max: base.length - 1 }), fc.nat({ max: 255 })), { maxLength: 4 }),
        fc.integer({ min: 14, max: base.length }),
        (edits, cut) => {
          const f = base.slice(0, cut);
          for (const [i, v] of edits) if (i < f.length) f[i] = v;
          const [a, b] = verdicts(f);
          expect(b).toEqual(a);
        },
      ),
      { numRuns: 500, seed: 7 },
    );
  });

  it('reuses its payload view for the same frame buffer', () => {
    const f = frame({});
    const p = new RxParser();
    p.parseIpv4(f, 14);
    p.parseTcp(f, p.ipPayloadOffset, p.ip.payloadLength, p.ip.src, p.ip.dst);
    const first = p.tcp.payload;
    p.parseIpv4(f, 14);
    p.parseTcp(f, p.ipPayloadOffset, p.ip.payloadLength, p.ip.src, p.ip.dst);
    expect(p.tcp.payload).toBe(first);
    expect([...first]).toEqual([1, 2, 3, 4, 5]);
  });
});
