// The server machine: host CPU, NIC (stateless offloads, coalescing, rings, NAPI),
// the I/O bus and the iNIC. Defaults are the 2002-gigabit machine.

import { z } from 'zod';
import { estimate, I2O_DEFAULTS, LINUX_CONSTANTS, param, source } from '../../model/costs';
import { CARD_BUFFER_SHARE, HDM_RINGS } from '../../model/offload/config';
import { bool, choice, group, num, numChoice } from './fields';

const I2O = I2O_DEFAULTS;
const L = LINUX_CONSTANTS;

export const serverSchema = group({
  cores: num(param(1, 'cores', { min: 1, max: 256 }, estimate('the 2002 server of the article\'s era: one single-core Xeon (the reader asked; the article does not say)'), 'Host CPU cores'), { int: true }),
  clockMHz: num(param(2400, 'MHz', { min: 50, max: 10_000 }, estimate('a 2.4 GHz Xeon was a mainstream server CPU of 2002', 'foong-2003'), 'Host CPU clock')),
});

const coalesceOff = z.strictObject({ mode: z.literal('off') });
const coalesceFixed = z.strictObject({
  mode: z.literal('fixed'),
  usecs: num(L.fixedCoalesceUsecs),
  frames: num(L.fixedCoalesceFrames, { int: true }),
});
const coalesceAdaptive = z.strictObject({
  mode: z.literal('adaptive'),
  lowestLatencyIntsPerSec: num(L.ixgbeLowestLatencyIntsPerSec, { int: true }),
  lowLatencyIntsPerSec: num(L.ixgbeLowLatencyIntsPerSec, { int: true }),
  bulkIntsPerSec: num(L.ixgbeBulkIntsPerSec, { int: true }),
});
export const coalescingSchema = z
  .discriminatedUnion('mode', [coalesceOff, coalesceFixed, coalesceAdaptive], { error: "must be one of 'off' | 'fixed' | 'adaptive'" })
  .prefault({ mode: 'fixed' });

export const nicSchema = group({
  checksumOffload: bool(true, "'stateless': the NIC computes TCP/UDP checksums (send and receive)", estimate('gigabit MACs of 2002 (Intel 82544) offered checksum offload', 'stateless-gains')),
  tso: bool(false, "'stateless': TCP segmentation offload (the NIC cuts super-packets into segments)", estimate('Linux gained TSO in 2.5/2.6, after the 2002 era', 'linux')),
  gso: bool(false, "'stateless': generic segmentation offload in software just before the driver", estimate('GSO arrived in Linux 2.6.18 (2006)', 'stateless-gains')),
  lro: bool(false, "'stateless': large receive offload (the NIC merges segments)", estimate('LRO came with 10 GbE NICs, after 2002', 'stateless-gains')),
  gro: bool(false, "'stateless': generic receive offload (NAPI merges segments in software)", estimate('GRO arrived in Linux 2.6.29 (2009)', 'stateless-gains')),
  coalescing: coalescingSchema.meta({ unit: '', source: estimate('e1000\'s InterruptThrottleRate of ~8,000 ints/s, i.e. 125 µs', 'linux'), description: "'stateless': interrupt coalescing (off, fixed, or adaptive like ixgbe)", apply: 'restart' }),
  coalesceNative: bool(false, "Also coalesce interrupts in the 'native' configuration", estimate("DESIGN.md 1.1 defines 'native' as the plain NIC with an interrupt per packet, so what coalescing alone saves shows in the 'stateless' column instead of hiding in the baseline")),
  txRingDescriptors: num(L.txRingDescriptors, { int: true }),
  rxRingDescriptors: num(L.rxRingDescriptors, { int: true }),
  napiWeight: num(L.napiWeight, { int: true }),
  softirqBudgetPackets: num(L.softirqBudgetPackets, { int: true }),
  softirqBudgetUs: num(L.softirqBudgetUs),
  gsoMaxBytes: num(L.gsoMaxBytes, { int: true }),
  groMaxBytes: num(L.groMaxBytes, { int: true }),
});

const BUS = source('bus-specs');
export const busSchema = z
  .discriminatedUnion('kind', [
    z.strictObject({
      kind: z.literal('pci'),
      widthBits: numChoice([32, 64], 32, 'bit', 'PCI data width', BUS),
      clockMHz: numChoice([33, 66], 33, 'MHz', 'PCI clock', BUS),
    }),
    z.strictObject({
      kind: z.literal('pci-x'),
      widthBits: numChoice([32, 64], 64, 'bit', 'PCI-X data width', BUS),
      clockMHz: numChoice([66, 100, 133, 266, 533], 133, 'MHz', 'PCI-X clock', BUS),
    }),
    z.strictObject({
      kind: z.literal('pcie'),
      gen: numChoice([1, 2, 3, 4], 3, 'gen', 'PCI Express generation (2.5, 5, 8, 16 GT/s per lane)', BUS),
      lanes: numChoice([1, 2, 4, 8, 16], 8, 'lanes', 'PCI Express link width', BUS),
    }),
  ], { error: "must be one of 'pci' | 'pci-x' | 'pcie'" })
  .prefault({ kind: 'pci-x' })
  .meta({ unit: '', source: estimate('the 2002 iNIC and server NICs sat on PCI-X 64-bit/133 MHz', 'bus-specs'), description: 'The I/O bus between host memory and the (i)NIC', apply: 'restart' });

const poolSchema = (bytes: typeof I2O.txPoolBufferBytes, count: typeof I2O.txPoolBuffers) =>
  group({ bufferBytes: num(bytes, { int: true }), buffers: num(count, { int: true }) });

export const inicSchema = group({
  iopClockMHz: num(param(600, 'MHz', { min: 10, max: 10_000 }, source('iop321'), 'I/O processor clock (IOP321 nominal 600 MHz)')),
  inboundFrames: num(I2O.inboundFrames, { int: true }),
  inboundFrameWords: num(I2O.inboundFrameWords, { int: true }),
  outboundFrames: num(I2O.outboundFrames, { int: true }),
  outboundFrameWords: num(I2O.outboundFrameWords, { int: true }),
  txPool: poolSchema(I2O.txPoolBufferBytes, I2O.txPoolBuffers),
  rxPool: poolSchema(I2O.rxPoolBufferBytes, I2O.rxPoolBuffers),
  replyCoalescing: group({
    enabled: bool(true, 'The IOP batches replies behind one host interrupt', estimate('the article\'s memory-management goal 2: minimize host interrupts', 'seed-article')),
    maxReplies: num(I2O.replyCoalesceMax, { int: true }),
    timeoutUs: num(I2O.replyCoalesceUs),
  }),
  receiveBuckets: num(I2O.receiveBuckets, { int: true }),
  repostThreshold: num(I2O.repostThreshold, { int: true }),
  copyThresholdBytes: num(I2O.copyThresholdBytes, { int: true }),
  dmaChannels: num(I2O.dmaChannels, { int: true }),
  macChecksumOffload: bool(true, 'The card\'s MAC computes TCP/UDP checksums for the ISM', estimate('the iNIC\'s gigabit MAC (82544 class) had checksum offload', 'iop321')),
  // The card MAC's descriptor rings (the HDM's). Resizing a ring resets the device
  // (ethtool -G), so a change restarts the run.
  txDescriptors: num(HDM_RINGS.txDescriptors, { int: true, apply: 'restart' }),
  rxDescriptors: num(HDM_RINGS.rxDescriptors, { int: true, apply: 'restart' }),
  // The part of each socket buffer the card's TCP socket holds (the rest is the
  // OSM's pool share). Sockets are divided when made, so a change restarts the run.
  cardBufferSharePercent: num(CARD_BUFFER_SHARE, { int: true, apply: 'restart' }),
});

export const configurationSchema = choice(['native', 'stateless', 'offload'], 'native', 'A server configuration (DESIGN.md 1.1)', estimate('DESIGN.md 1.1'));
