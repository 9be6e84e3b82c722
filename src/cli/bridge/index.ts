// Public names of the bridge between the lab's stack and the Linux kernel
// (issue 3, item 5): a network namespace with a TUN carried by socat over
// loopback UDP, the real-time driver, and the checks of what the machine offers.
export { runHost, commandExists, type HostResult } from './host-command';
export { ProcessSet, type Child, type StartOptions } from './processes';
export { missingRequirements, describeMissing, netemUnavailable, type Requirement } from './preflight';
export { impairBothWays, qdiscDrops } from './impairment';
export {
  Namespace,
  sweepStaleNamespaces,
  DEFAULT_KERNEL_ADDR,
  DEFAULT_LAB_ADDR,
  DEFAULT_PREFIX_LENGTH,
  DEFAULT_MTU,
  type NamespaceOptions,
} from './namespace';
export { UdpTunnel, type PacketHandler } from './udp-tunnel';
export { TunPort, PEER_MAC, LAB_MAC, type PacketPipe, type Deferrer, type TunPortCounters } from './tun-port';
export { RealtimeDriver, type SteppableClock, type RealtimeDriverOptions } from './realtime-driver';
export { BridgeSession, type SessionOptions } from './session';
export { HttpPayloadServer, PAYLOAD_CONN_HTTP, type HttpServerOptions, type ResponseReport } from './http-server';
export { sendPayloadTo, PAYLOAD_CONN_SEND, type SendReport } from './payload-sender';
export { writeAll, drainToEof, concatSource, type ByteSource } from './stream-writer';
export { parseRequestHead, responseHead, respondTo, MAX_HEAD_BYTES, type HeadParse } from './http10';
export { parseArgs, parseSize, USAGE, type BridgeArgs, type BridgeMode } from './args';
