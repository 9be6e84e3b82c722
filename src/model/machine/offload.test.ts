// buildOffloadMachine presents the offload configuration as a Machine: its
// processors, bus, port and counters, with defaults from the 2002-gigabit
// tables (2.4 GHz host, 600 MHz IOP, PCI-X 64/133, pools from I2O_DEFAULTS).
import { describe, expect, it } from 'vitest';
import { Simulator, millis } from '../../sim';
import { I2O_DEFAULTS } from '../costs';
import { buildOffloadMachine } from './offload';

describe('buildOffloadMachine', () => {
  it('builds the offload configuration with the 2002-gigabit defaults and idle counters', () => {
    const sim = new Simulator({ seed: 1 });
    const m = buildOffloadMachine(sim, { addr: 0x0a000001, mac: 0x020000000001 });
    const c = m.counters();
    console.log(`offload machine: host ${m.appCpu.clock / 1e9} GHz, IOP ${m.iop.clock / 1e6} MHz, ${m.config.bus.label}, ` +
      `pools ${m.pools.tx.count}x${m.pools.tx.bufferBytes} B / ${m.pools.rx.count}x${m.pools.rx.bufferBytes} B, ` +
      `${m.mu.config.inboundFrames} inbound and ${m.mu.config.outboundFrames} outbound frames`);
    expect(m.configuration).toBe('offload');
    expect(m.hostCpus).toEqual([m.appCpu]);
    expect(m.appCpu.clock).toBe(2.4e9);
    expect(m.iop.clock).toBe(600e6);
    expect(m.config.bus.label).toBe('PCI-X 64-bit/133 MHz');
    expect(m.pools.tx.count).toBe(I2O_DEFAULTS.txPoolBuffers.value);
    expect(m.pools.rx.bufferBytes).toBe(I2O_DEFAULTS.rxPoolBufferBytes.value);
    expect(m.mu.config.inboundFrames).toBe(I2O_DEFAULTS.inboundFrames.value);
    expect(c).toEqual({
      interrupts: 0, contextSwitches: 0, copies: 0, bytesCopied: 0, dmaTransfers: 0, dmaBytes: 0, mmioReads: 0,
      i2oMessages: 0, i2oFramesInUse: 0, runtimeAllocations: 0, rxRingDrops: 0, poolExhausted: 0, i2oQueueFull: 0,
      sendBufferFull: 0, xmitPeakQueued: 0, xmitStoppedWaits: 0,
      // The card MAC's transmit ring: the e1000 default of 256 descriptors, all free.
      hdmTxStops: 0, hdmTxWakes: 0, hdmTxPeakInUse: 0, hdmTxDescriptors: 256, hdmTxFree: 256,
    });
    expect([...m.tcpConnections()]).toEqual([]);
  });

  it('sends the frames of its card out of the port it was attached with', () => {
    const sim = new Simulator({ seed: 1 });
    const m = buildOffloadMachine(sim, { addr: 0x0a000001, mac: 0x020000000001, hostCpus: 2 });
    const out: Uint8Array[] = [];
    m.attach({ transmit: (f) => out.push(f.slice()) });
    const fd = m.api.socket('stream') as number;
    m.api.connect(fd, { addr: 0x0a000002, port: 80 });
    sim.runUntil(millis(1));
    // No ARP entry: the ISM asks for the peer's MAC first (an ARP request, ethertype 0x0806).
    console.log(`after connect: ${out.length} frame(s) on the wire, first ethertype 0x${((out[0]![12]! << 8) | out[0]![13]!).toString(16)}`);
    expect(m.hostCpus.length).toBe(2);
    expect(out.length).toBeGreaterThan(0);
    expect((out[0]![12]! << 8) | out[0]![13]!).toBe(0x0806);
    expect(m.counters().i2oMessages).toBeGreaterThan(0);
  });
});
