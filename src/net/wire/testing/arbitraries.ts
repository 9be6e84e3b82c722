// fast-check arbitraries for the wire reprs (test-only). Each generates only
// values that the wire can carry, so emit-then-parse must return them exactly.
import fc from 'fast-check';
import { seq } from '../seq';
import type { ArpRepr, EthernetRepr, Ipv4Repr, TcpOptions, TcpRepr, UdpRepr } from '../types';

export const u8 = fc.integer({ min: 0, max: 0xff });
export const u16 = fc.integer({ min: 0, max: 0xffff });
export const u32 = fc.integer({ min: 0, max: 0xffffffff });
export const mac = fc.integer({ min: 0, max: 2 ** 48 - 1 });
export const ipv4Addr = u32;
export const seqNumber = u32.map(seq);

export const ethernetRepr: fc.Arbitrary<EthernetRepr> = fc.record({
  dst: mac,
  src: mac,
  etherType: fc.integer({ min: 0x0600, max: 0xffff }),
});

export const arpRepr: fc.Arbitrary<ArpRepr> = fc.record({
  operation: fc.constantFrom(1 as const, 2 as const),
  senderMac: mac,
  senderIp: ipv4Addr,
  targetMac: mac,
  targetIp: ipv4Addr,
});

export const ipv4Repr: fc.Arbitrary<Ipv4Repr> = fc.record({
  src: ipv4Addr,
  dst: ipv4Addr,
  protocol: u8,
  ttl: u8,
  identification: u16,
  dscp: fc.integer({ min: 0, max: 63 }),
  ecn: fc.integer({ min: 0, max: 3 }),
  dontFragment: fc.boolean(),
  moreFragments: fc.boolean(),
  fragmentOffset: fc.integer({ min: 0, max: 1000 }).map((n) => n * 8),
  payloadLength: fc.integer({ min: 0, max: 20000 }),
});

const sackBlock = fc.record({ left: seqNumber, right: seqNumber });

/** Options that fit in 40 bytes: SACK blocks are limited to what fits beside the rest. */
export const tcpOptions: fc.Arbitrary<TcpOptions> = fc
  .record(
    {
      mss: u16,
      windowScale: fc.integer({ min: 0, max: 14 }),
      sackPermitted: fc.constant(true),
      timestamps: fc.record({ tsVal: u32, tsEcr: u32 }),
      sackBlocks: fc.array(sackBlock, { minLength: 1, maxLength: 4 }),
    },
    { requiredKeys: [] },
  )
  .map((o) => {
    if (o.sackBlocks === undefined) return o;
    const fixed = 4 * Number(o.mss !== undefined) + 4 * Number(o.windowScale !== undefined) +
      (o.timestamps !== undefined ? 12 : 4 * Number(o.sackPermitted === true));
    const fit = Math.min(4, Math.floor((40 - fixed - 4) / 8));
    const sackBlocks = o.sackBlocks.slice(0, fit);
    const { sackBlocks: _dropped, ...rest } = o;
    return sackBlocks.length > 0 ? { ...rest, sackBlocks } : rest;
  });

export const payload = (max: number): fc.Arbitrary<Uint8Array> => fc.uint8Array({ minLength: 0, maxLength: max });

export const tcpRepr: fc.Arbitrary<TcpRepr> = fc.record({
  srcPort: u16,
  dstPort: u16,
  seq: seqNumber,
  ack: seqNumber,
  flags: u8,
  window: u16,
  urgentPointer: u16,
  options: tcpOptions,
  payload: payload(64),
});

export const udpRepr: fc.Arbitrary<UdpRepr> = fc.record({ srcPort: u16, dstPort: u16, payload: payload(64) });
