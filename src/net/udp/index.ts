// src/net/udp: UDP socket state (the stack in src/net/stack moves the datagrams).
export { UdpSocketState, DEFAULT_UDP_RCVBUF, DEFAULT_UDP_SNDBUF } from './socket';
export type { UdpDatagram, UdpCounters } from './socket';
