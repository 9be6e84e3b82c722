// src/model/host: the host side of the `native` and `stateless` configurations
// (DESIGN.md 1.2: syscall > socket > inet > netdev): the socket API with its
// system-call and socket-layer costs and context switches, the device layer's
// qdisc, driver and GSO on transmit, the interrupt handler and NAPI softirq
// with GRO on receive, and the cost tables split between these layers and the
// INET stack so nothing is charged twice.
export { HostSocketLayer, type SocketLayerCounters } from './socket-layer';
export { HostNetdev, type NetdevOptions, type NetdevCounters } from './netdev';
export { Napi, type NapiOptions, type NapiCounters } from './napi';
export {
  hostLayerCosts, hostStackCosts, idealLayerCosts, opCycles, type HostLayerCosts, type ResolvedOp,
} from './costs';
