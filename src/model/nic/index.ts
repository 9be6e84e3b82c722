// src/model/nic: the NIC of the `native` and `stateless` configurations
// (descriptor rings, DMA over the bus, line-rate MAC, interrupt moderation,
// TSO and LRO) and the byte-level TCP frame tools the offloads share with the
// host's GSO and GRO layers.
export { Nic, type NicOptions, type NicCounters, type InterruptLine } from './nic';
export { InterruptModerator, TX_INTERRUPT_DELAY_NS, type Coalescing } from './moderation';
export { TcpAggregator, type AggregatorCounters } from './aggregator';
export { FrameQueue } from './frame-queue';
export {
  segmentTcpFrame, tcpLayout, fixIpChecksum, fixTcpChecksum, ETH_LEN, type TcpLayout,
} from './tcp-frame';
