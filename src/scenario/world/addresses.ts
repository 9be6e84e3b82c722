// Addresses of the machines in every world: the server is 10.0.0.1, the peer
// 10.0.0.2, with locally administered MACs (the 0x02 bit of the first octet).
import type { Ipv4Addr, MacAddr } from '../../net/wire';

export const SERVER_ADDR: Ipv4Addr = 0x0a000001;
export const PEER_ADDR: Ipv4Addr = 0x0a000002;
export const SERVER_MAC: MacAddr = 0x020000000001;
export const PEER_MAC: MacAddr = 0x020000000002;
/** The port the server application listens on (HTTP's, for every workload). */
export const SERVER_PORT = 80;
