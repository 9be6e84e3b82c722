// Public names of src/net/wire: byte-exact wire formats (views over bytes with
// named field offsets, parse -> repr | WireError, emit into caller memory).
export * from './types';
export * from './seq';
export * from './bytes';
export * from './checksum';
export * from './ethernet';
export * from './arp';
export * from './ipv4-addr';
export * from './ipv4';
export * from './tcp-options';
export * from './tcp';
export * from './udp';
export * from './frame';
export * from './pcapng';
export * from './pcapng-writer';
export * from './pcapng-reader';
export * from './print';
export * from './dissect';
