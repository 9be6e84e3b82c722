// The names of the host-side operations every cost profile prices. The machine
// builders (host layers, NIC driver, socket OSM) look these up by name; a profile
// must price all of them (the type makes a missing one a compile error).

export const HOST_OPS = [
  // native path, top to bottom (DESIGN.md 1.2)
  'syscall',
  'contextSwitch',
  'socketLayer',
  'inetSock',
  'tcpTxSegment',
  'tcpRxSegment',
  'tcpRxAck',
  'tcpTxAck',
  'udpTx',
  'udpRx',
  'ipTx',
  'ipRx',
  'checksum',
  'copy',
  'skbAlloc',
  'skbFree',
  'qdisc',
  'driverTx',
  'driverRx',
  'driverTxCleanup',
  'dmaDescriptorSetup',
  'doorbellWrite',
  'hardIrq',
  'softirqEntry',
  'napiPollPacket',
  // offload path, host side: the socket OSM's four subsystems and I2O messaging
  'osmUserInterface',
  'osmMessageInterface',
  'osmKernelInterface',
  'osmMemoryManagement',
  'i2oMessageBuild',
  'i2oMessagePost',
  'i2oReplyHandling',
] as const;

export type HostOpName = (typeof HOST_OPS)[number];

/** Operations of the TCP/UDP/IP code itself: the ISM prices the same ones in IOP cycles (DESIGN.md 1.3). */
export const PROTOCOL_OPS = [
  'tcpTxSegment',
  'tcpRxSegment',
  'tcpRxAck',
  'tcpTxAck',
  'udpTx',
  'udpRx',
  'ipTx',
  'ipRx',
  'checksum',
] as const satisfies readonly HostOpName[];

export type ProtocolOpName = (typeof PROTOCOL_OPS)[number];
