// Linux networking constants and interrupt-moderation figures the host model obeys.

import { param } from './param';
import { estimate, source } from './source';

const LINUX = source('linux');

export const LINUX_CONSTANTS = {
  napiWeight: param(64, 'packets', { min: 1, max: 1024 }, LINUX, 'NAPI poll weight: packets one device may deliver per poll'),
  softirqBudgetPackets: param(300, 'packets', { min: 1, max: 100_000 }, LINUX, 'net_rx_action budget: packets per softirq run (netdev_budget)'),
  softirqBudgetUs: param(2000, 'µs', { min: 10, max: 1_000_000 }, LINUX, 'net_rx_action time limit per softirq run (netdev_budget_usecs = 2 ms)'),
  gsoMaxBytes: param(65_536, 'B', { min: 1500, max: 262_144 }, LINUX, 'Largest GSO/TSO super-packet (GSO_MAX_SIZE)'),
  groMaxBytes: param(65_536, 'B', { min: 1500, max: 262_144 }, LINUX, 'Largest GRO/LRO aggregate'),
  /** ixgbe's adaptive moderation steps, lowest latency first. */
  ixgbeLowestLatencyIntsPerSec: param(100_000, 'ints/s', { min: 1000, max: 1_000_000 }, LINUX, 'ixgbe adaptive moderation: lowest-latency step'),
  ixgbeLowLatencyIntsPerSec: param(20_000, 'ints/s', { min: 1000, max: 1_000_000 }, LINUX, 'ixgbe adaptive moderation: low-latency step'),
  ixgbeBulkIntsPerSec: param(8_000, 'ints/s', { min: 100, max: 1_000_000 }, LINUX, 'ixgbe adaptive moderation: bulk step'),
  /** The e1000 anecdote: 50,000 -> 5,000 interrupts/s more than doubled throughput. */
  e1000AnecdoteHighIntsPerSec: param(50_000, 'ints/s', { min: 0, max: 1_000_000 }, source('e1000-anecdote'), 'e1000 anecdote: interrupt rate before throttling'),
  e1000AnecdoteLowIntsPerSec: param(5_000, 'ints/s', { min: 0, max: 1_000_000 }, source('e1000-anecdote'), 'e1000 anecdote: interrupt rate after throttling (throughput more than doubled)'),
  /** Fixed coalescing defaults when a scenario switches coalescing to 'fixed'. */
  fixedCoalesceUsecs: param(125, 'µs', { min: 0, max: 100_000 }, estimate('the interval of ixgbe\'s 8,000 ints/s bulk step (1 s / 8,000 = 125 µs)', 'linux'), 'Fixed coalescing: longest wait before an interrupt'),
  fixedCoalesceFrames: param(32, 'frames', { min: 1, max: 4096 }, estimate('half the NAPI weight, so a poll usually drains one interrupt\'s worth', 'linux'), 'Fixed coalescing: frames that raise an interrupt at once'),
  txRingDescriptors: param(256, 'descriptors', { min: 8, max: 8192 }, estimate('e1000 and ixgbe default ring size (256 and 512 descriptors)', 'linux'), 'NIC transmit descriptor ring size'),
  rxRingDescriptors: param(256, 'descriptors', { min: 8, max: 8192 }, estimate('e1000 default ring size', 'linux'), 'NIC receive descriptor ring size'),
  delayedAckSegments: param(2, 'segments', { min: 1, max: 64 }, source('tcp-rfcs'), 'ACK at least every second full-sized segment (RFC 1122 4.2.3.2)'),
  delayedAckMs: param(40, 'ms', { min: 1, max: 500 }, estimate('Linux\'s minimum delayed-ACK timeout TCP_DELACK_MIN = HZ/25 = 40 ms; RFC 1122 caps it at 500 ms', 'linux'), 'Delayed-ACK timeout'),
} as const;
