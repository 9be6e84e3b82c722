// src/net/ipv4: fragmentation on send and reassembly on receive.
export { fragmentDatagram, fragmentDataSize, fragmentCount, EMSGSIZE } from './fragment';
export type { FragmentError, FragmentSink } from './fragment';
export { Reassembler, DEFAULT_REASSEMBLY_TIMEOUT, DEFAULT_REASSEMBLY_MAX_BYTES } from './reassembly';
export type { ReassemblyOptions, ReassemblyCounters, Datagram } from './reassembly';
export { DEFAULT_TTL, sendTtl } from './ttl';
