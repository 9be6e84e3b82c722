// 'modern-25g': the same question asked of a 2020 server. 3 GHz cores, 25 GbE on PCIe
// gen3 x8, TSO, GSO and GRO on, adaptive interrupt moderation, Linux 5.x costs; the iNIC
// is imagined with a 2 GHz out-of-order embedded ARM core in place of the XScale.

import { estimate, source } from '../../model/costs';
import type { Preset } from './preset';

export const MODERN_25G: Preset = {
  name: 'modern-25g',
  title: '2020: 25 GbE server, stateless offloads, ARM iNIC',
  description:
    '8 cores at 3 GHz (Linux 5.x costs shaped after Cai et al.) with 25 GbE on PCIe gen3 x8; the NIC does ' +
    'checksums, TSO/GSO and GRO with ixgbe-style adaptive interrupt moderation. The iNIC is an imagined modern ' +
    'one: a 2 GHz Cortex-A72-class core running the same stack. Bulk send, 64 KB writes, 200 ms simulated.',
  values: {
    name: 'modern-25g',
    description: 'A 2020 server: 3 GHz cores, 25 GbE, PCIe gen3 x8, TSO/GSO/GRO and adaptive moderation; a 2 GHz ARM iNIC.',
    durationMs: 200,
    warmupMs: 20,
    sampleIntervalMs: 2,
    server: { cores: 8, clockMHz: 3000 },
    nic: {
      checksumOffload: true,
      tso: true,
      gso: true,
      gro: true,
      lro: false,
      coalescing: { mode: 'adaptive' },
      txRingDescriptors: 1024,
      rxRingDescriptors: 1024,
    },
    bus: { kind: 'pcie', gen: 3, lanes: 8 },
    inic: {
      iopClockMHz: 2000,
      inboundFrames: 256,
      outboundFrames: 512,
      txPool: { bufferBytes: 4096, buffers: 2048 },
      rxPool: { bufferBytes: 4096, buffers: 2048 },
      replyCoalescing: { enabled: true, maxReplies: 32, timeoutUs: 20 },
      receiveBuckets: 512,
      repostThreshold: 64,
    },
    wire: { bandwidthMbps: 25_000, delayUs: 2, queueBytes: 1_048_576 },
    peer: { clockMHz: 3000 },
    tcp: { sndBufBytes: 4_194_304, rcvBufBytes: 6_291_456, initialCwndSegments: 10 },
    costs: { hostProfile: 'x86-2020', iopProfile: 'arm-2020' },
  },
  sources: {
    durationMs: estimate('25 Gb/s moves ~430,000 segments in 200 ms per configuration: steady state at a tolerable simulation cost'),
    warmupMs: estimate('slow start to 25 Gb/s on a LAN settles within ~20 ms'),
    sampleIntervalMs: estimate('100 samples over the run'),
    'server.cores': estimate('a mid-range 2020 server socket has 8-32 cores; 8 keeps the model small'),
    'server.clockMHz': estimate('3 GHz sustained on a 2020 server core', 'brouer'),
    'nic.tso': source('stateless-gains'),
    'nic.gso': source('stateless-gains'),
    'nic.gro': source('menon-2008'),
    'nic.coalescing': source('linux'),
    'nic.txRingDescriptors': estimate('ice/mlx5 default rings of 1,024-2,048 descriptors', 'linux'),
    'nic.rxRingDescriptors': estimate('ice/mlx5 default rings of 1,024-2,048 descriptors', 'linux'),
    bus: estimate('25 GbE adapters sit on PCIe gen3 x8 (7.9 GB/s per direction)', 'bus-specs'),
    'inic.iopClockMHz': estimate('BlueField-2 class SmartNICs run Cortex-A72 cores at 2-2.5 GHz', 'iop321'),
    'inic.inboundFrames': estimate('scaled with the line rate: 25x the bandwidth, 4x the frames, with larger batches'),
    'inic.outboundFrames': estimate('scaled with the line rate like the inbound frames'),
    'inic.txPool': estimate('8 MiB per direction covers two 4 MB socket send buffers in flight', 'seed-article'),
    'inic.rxPool': estimate('8 MiB per direction, as the transmit pool', 'seed-article'),
    'inic.replyCoalescing': estimate('at 25 Gb/s a 4 KB buffer fills every 1.3 µs; 32 replies per interrupt keeps interrupts near the ixgbe bulk rate', 'linux'),
    'inic.receiveBuckets': estimate('the LAN OSM default of 96 scaled with the pool'),
    'inic.repostThreshold': estimate('the LAN OSM ratio of ~1/5 of the buckets'),
    'wire.bandwidthMbps': source('ieee-802.3'),
    'wire.delayUs': estimate('a short rack cable and modern PHYs'),
    'wire.queueBytes': estimate('a 1 MB shallow-buffer data-centre switch port'),
    'peer.clockMHz': estimate('a peer like the server'),
    'tcp.sndBufBytes': estimate('Linux tcp_wmem max 4 MB', 'linux'),
    'tcp.rcvBufBytes': estimate('Linux tcp_rmem max 6 MB', 'linux'),
    'tcp.initialCwndSegments': source('tcp-rfcs'),
    'costs.hostProfile': estimate('the 2020 x86 table', 'cai-2021'),
    'costs.iopProfile': estimate('the modern ARM IOP table', 'iop321'),
  },
};
