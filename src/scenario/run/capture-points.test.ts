// Capture points (issue 5 item 5): socket, IP, driver and wire, on every
// configuration, each written as pcapng with its own link type, parsed back by
// the project's reader (and judged by tshark where it is installed).
import { afterAll, describe, expect, it } from 'vitest';
import type { Nanos } from '../../sim';
import { isWireError, parseFrame, parseIpv4, readPcapng, type PcapngFile } from '../../net/wire';
import { removeTempCaptures, tsharkAvailable, tsharkExpert, writeTempCapture } from '../../net/wire/testing/tshark';
import type { Configuration, Scenario } from '../schema';
import { CAPTURE_LINKTYPES, CAPTURE_POINTS, CaptureRing, PcapngCapture, type CapturePoint } from '../world';
import { createRun } from './create';
import { scenarioOf } from './testing';

afterAll(removeTempCaptures);

const base = (sets: string[] = []): Scenario => scenarioOf('2002-gigabit', ['warmupMs=0', 'durationMs=3', ...sets]);

function capture(s: Scenario, c: Configuration, point: CapturePoint, until = 1_500_000): PcapngFile {
  const pcap = new PcapngCapture(c, point);
  const r = createRun(s, { configurations: [c], capture: pcap });
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  r.run.advanceTo(until as Nanos);
  const file = readPcapng(pcap.flush());
  if (isWireError(file)) throw new Error(JSON.stringify(file));
  return file;
}

const atPoint = (f: PcapngFile) => f.packets.filter((p) => p.interfaceId === 0);

function tsharkClean(f: Uint8Array, label: string): void {
  if (!tsharkAvailable()) return;
  const report = tsharkExpert(writeTempCapture(f));
  console.log(`tshark ${label}: ${report.errors} errors, ${report.malformed} malformed`);
  expect(report.errors).toBe(0);
  expect(report.malformed).toBe(0);
}

describe('capture points', () => {
  const configs: Configuration[] = ['native', 'stateless', 'offload'];

  for (const c of configs) {
    it(`${c}: every point writes pcapng the reader parses, with the point's link type and bytes of that layer`, () => {
      for (const point of CAPTURE_POINTS) {
        const file = capture(base(), c, point);
        const pkts = atPoint(file);
        const largest = Math.max(...pkts.map((p) => p.data.length));
        console.log(`${c} @ ${point}: ${pkts.length} records (largest ${largest} B), ${file.packets.length - pkts.length} I2O frames`);
        expect(file.interfaces[0]!.linkType).toBe(CAPTURE_LINKTYPES[point]);
        // A blocking 64 KB send is one record: the socket point has few, the others many.
        expect(pkts.length).toBeGreaterThan(point === 'socket' ? 2 : 5);
        if (c === 'offload') expect(file.packets.some((p) => p.interfaceId === 1)).toBe(true);
        for (const p of pkts) {
          if (point === 'wire' || point === 'driver') expect(isWireError(parseFrame(p.data))).toBe(false);
          if (point === 'ip') {
            const ip = parseIpv4(p.data);
            expect(isWireError(ip)).toBe(false);
            if (!isWireError(ip)) expect(20 + ip.payloadLength).toBe(p.data.length);
          }
          if (point === 'socket') expect(p.comment).toMatch(/^(socket|bind|listen|accept|connect|send|recv|sendto|recvfrom|shutdown|close)\(/);
        }
        if (point === 'socket') {
          const sent = pkts.filter((p) => p.comment!.startsWith('send(')).reduce((n, p) => n + p.data.length, 0);
          expect(sent).toBeGreaterThan(10_000);
          expect(pkts.some((p) => /^(accept|connect)\(/.test(p.comment!))).toBe(true);
        }
      }
    });
  }

  it('socket point: offload records bind and listen when the card replies, native at the call', () => {
    const at = (c: Configuration, call: string): bigint => {
      const p = atPoint(capture(base(), c, 'socket')).find((x) => x.comment!.startsWith(`${call}(`));
      if (!p) throw new Error(`${c}: no ${call} record`);
      if (call !== 'socket') expect(p.comment).toMatch(/= 0$/);
      return p.timestampNs;
    };
    // Native answers at the call: socket, bind and listen share the server's first instant.
    expect(at('native', 'bind')).toBe(at('native', 'socket'));
    expect(at('native', 'listen')).toBe(at('native', 'bind'));
    // The socket OSM sends each to the card and sleeps for the reply (two round trips).
    expect(at('offload', 'bind')).toBeGreaterThan(at('offload', 'socket'));
    expect(at('offload', 'listen')).toBeGreaterThan(at('offload', 'bind'));
  });

  it('stateless with TSO: the driver and IP points see 64 KB super-segments that the wire sees cut to the MTU', () => {
    const s = base(['nic.tso=true', 'nic.checksumOffload=true']);
    const wire = Math.max(...atPoint(capture(s, 'stateless', 'wire')).map((p) => p.data.length));
    const driver = Math.max(...atPoint(capture(s, 'stateless', 'driver')).map((p) => p.data.length));
    const ip = Math.max(...atPoint(capture(s, 'stateless', 'ip')).map((p) => p.data.length));
    console.log(`largest record with TSO: wire ${wire} B, driver ${driver} B, ip ${ip} B`);
    expect(wire).toBeLessThanOrEqual(1514);
    expect(driver).toBeGreaterThan(1514);
    expect(ip).toBeGreaterThan(1500);
  });

  it('a UDP datagram larger than the MTU is one datagram at the IP point and fragments at the driver', () => {
    const s = base(['workload.kind=udp-stream', 'workload.messageBytes=4000']);
    for (const c of ['native', 'offload'] as const) {
      const ip = atPoint(capture(s, c, 'ip')).filter((p) => p.data[9] === 17);
      const drv = atPoint(capture(s, c, 'driver')).filter((p) => p.data[23] === 17);
      console.log(`${c} UDP 4000 B: ip point ${ip.length} datagrams (largest ${Math.max(...ip.map((p) => p.data.length))} B), ` +
        `driver ${drv.length} frames (largest ${Math.max(...drv.map((p) => p.data.length))} B)`);
      expect(ip.some((p) => p.data.length === 20 + 8 + 4000)).toBe(true);
      expect(drv.length).toBeGreaterThan(ip.length);
      expect(Math.max(...drv.map((p) => p.data.length))).toBeLessThanOrEqual(1514);
    }
  });

  it('the files pass tshark with checksum validation on (ip and driver points, offload included)', () => {
    for (const [c, point] of [['native', 'ip'], ['offload', 'ip'], ['native', 'driver'], ['offload', 'driver'], ['offload', 'socket']] as const) {
      const pcap = new PcapngCapture(c, point);
      const r = createRun(base(), { configurations: [c], capture: pcap });
      if (!r.ok) throw new Error('set-up');
      r.run.advanceTo(1_000_000 as Nanos);
      tsharkClean(pcap.flush(), `${c} @ ${point}`);
    }
  });

  it('a ring takes the point from createRun and keeps the socket calls with their comments; a bad point is a named error', () => {
    const ring = new CaptureRing(10_000);
    const r = createRun(base(), { configurations: ['offload'], capture: ring, capturePoint: 'socket' });
    if (!r.ok) throw new Error('set-up');
    r.run.advanceTo(1_000_000 as Nanos);
    const calls = ring.frames().filter((f) => f.comment !== undefined);
    expect(calls.length).toBeGreaterThan(3);
    const bad = createRun(base(), { configurations: ['native'], capture: ring, capturePoint: 'nic' as CapturePoint });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.errors[0]!.path).toBe('capture.point');
    const mismatch = createRun(base(), { configurations: ['native'], capture: new PcapngCapture('x', 'ip'), capturePoint: 'wire' });
    expect(mismatch.ok).toBe(false);
  });
});
