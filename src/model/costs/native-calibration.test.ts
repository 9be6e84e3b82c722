import { describe, expect, it } from 'vitest';
import { buildCostTables } from './cost-tables';
import { NATIVE_2002_BULK, nativeReceivePerSegment, nativeSendPerSegment } from './native-path';
import { categoryShare, type PathSum } from './path-sum';
import { resolveHostCosts } from './resolve';

// Foong et al.: ~1 GHz of CPU per 1 Gb/s = 1e9 cycles / 125e6 bytes = 8 cycles/B.
const FOONG_CYCLES_PER_BYTE = 1e9 / (1e9 / 8);
const TOLERANCE = 0.35;

function host2002() {
  const t = buildCostTables('xeon-2002', 'iop321-2002');
  if (!t.ok) throw new Error('the 2002 profiles must build');
  return resolveHostCosts(t.tables, 2.4e9);
}

function fixedPart(s: PathSum, h: ReturnType<typeof host2002>, seg: number, csum: boolean): number {
  // Per-byte work of one segment: the copy and (without offload) the checksum.
  return s.total - seg * (h.ops.copy.perByte + (csum ? h.ops.checksum.perByte : 0));
}

describe('the xeon-2002 table summed over a 1460-byte bulk segment', () => {
  const h = host2002();
  const seg = NATIVE_2002_BULK.segmentBytes;
  const send = nativeSendPerSegment(h, NATIVE_2002_BULK);
  const recv = nativeReceivePerSegment(h, NATIVE_2002_BULK);

  it('costs about 1 GHz of host CPU per Gb/s on both the sending and the receiving side (Foong, ±35%)', () => {
    for (const [name, s] of [['send + ACKs received', send], ['receive + ACKs sent', recv]] as const) {
      const cpb = s.total / seg;
      const ghzPerGbps = (cpb * 125e6) / 1e9;
      console.log(`native 2002-gigabit ${name}: ${s.total.toFixed(0)} cycles/segment = ${cpb.toFixed(2)} cycles/B = ${ghzPerGbps.toFixed(2)} GHz per Gb/s`);
      expect(cpb).toBeGreaterThan(FOONG_CYCLES_PER_BYTE * (1 - TOLERANCE));
      expect(cpb).toBeLessThan(FOONG_CYCLES_PER_BYTE * (1 + TOLERANCE));
    }
  });

  it('spends a minority of the per-packet cycles in protocol code (tcp + ip), with or without the data-touching work', () => {
    for (const [name, s] of [['send', send], ['receive', recv]] as const) {
      const protocol = (s.byCategory.tcp ?? 0) + (s.byCategory.ip ?? 0);
      const shareAll = categoryShare(s, ['tcp', 'ip']);
      const shareFixed = protocol / fixedPart(s, h, seg, true);
      console.log(`native 2002-gigabit ${name}: tcp+ip ${protocol.toFixed(0)} cycles = ${(shareAll * 100).toFixed(1)}% of all, ${(shareFixed * 100).toFixed(1)}% of non-data-touching`);
      expect(shareAll).toBeLessThan(0.5);
      expect(shareFixed).toBeLessThan(0.5);
    }
  });

  it('prints the cycles per byte by category so a reviewer can read the calibration', () => {
    const rows = Object.entries(recv.byCategory).map(([c, v]) => `${c}=${(v / seg).toFixed(2)}`);
    console.log(`native 2002-gigabit receive cycles/B by category: ${rows.join(' ')}`);
    const sum = Object.values(recv.byCategory).reduce((a, b) => a + b, 0);
    expect(sum).toBeCloseTo(recv.total, 6);
  });

  it('gets cheaper per byte with stateless offloads, as TSO and GRO amortise per-packet work', () => {
    const sl = { ...NATIVE_2002_BULK, checksumOffload: true, tsoSegments: 44, groSegments: 44, packetsPerInterrupt: 16 };
    const s2 = nativeSendPerSegment(h, sl).total;
    const r2 = nativeReceivePerSegment(h, sl).total;
    console.log(`stateless on the 2002 table: send ${(s2 / seg).toFixed(2)} cycles/B, receive ${(r2 / seg).toFixed(2)} cycles/B`);
    expect(s2).toBeLessThan(send.total * 0.7);
    expect(r2).toBeLessThan(recv.total * 0.7);
  });
});

describe('the x86-2020 table summed over a 1448-byte segment', () => {
  const t = buildCostTables('x86-2020', 'arm-2020');
  if (!t.ok) throw new Error('the 2020 profiles must build');
  const h = resolveHostCosts(t.tables, 3e9);
  const base = { ...NATIVE_2002_BULK, segmentBytes: 1448 };

  it('has Cai et al.\'s shape without offloads: tcp+ip the largest share (~37%), copy small (~5%)', () => {
    const r = nativeReceivePerSegment(h, base);
    const tcpip = categoryShare(r, ['tcp', 'ip']);
    const copy = categoryShare(r, ['copy']);
    console.log(`x86-2020 receive, no offloads: ${(r.total / 1448).toFixed(2)} cycles/B, tcp+ip ${(tcpip * 100).toFixed(0)}%, copy ${(copy * 100).toFixed(0)}%`);
    expect(tcpip).toBeGreaterThan(0.25);
    expect(tcpip).toBeLessThan(0.45);
    expect(copy).toBeLessThan(0.12);
    for (const [c, v] of Object.entries(r.byCategory)) expect(v, c).toBeLessThanOrEqual(r.byCategory.tcp ?? 0);
  });

  it('gets to ~1 cycle/B with checksum offload, TSO/GRO and coalescing, where copy grows to a large share', () => {
    const r = nativeReceivePerSegment(h, { ...base, checksumOffload: true, tsoSegments: 45, groSegments: 45, packetsPerInterrupt: 16 });
    const cpb = r.total / 1448;
    console.log(`x86-2020 receive with offloads: ${cpb.toFixed(2)} cycles/B = ${((3e9 / cpb) * 8 / 1e9).toFixed(1)} Gb/s per 3 GHz core, copy ${(categoryShare(r, ['copy']) * 100).toFixed(0)}%`);
    expect(cpb).toBeLessThan(1.5);
    expect(categoryShare(r, ['copy'])).toBeGreaterThan(0.2);
  });
});
