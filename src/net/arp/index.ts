// src/net/arp: the neighbour cache with timeouts and bounded queues.
export { ArpCache, ARP_DEFAULTS } from './cache';
export type { ArpOptions, ArpCounters } from './cache';
