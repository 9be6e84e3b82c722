// Public names of src/net: the protocol machines and the stack object
// (DESIGN.md 2.1). Wire formats and TCP are re-exported as namespaces to keep
// their many names apart; import from './wire' or './tcp' for the full set.
export * as wire from './wire';
export * as tcp from './tcp';
export * from './payload';
export * from './link';
export * from './ipv4';
export * from './arp';
export * from './udp';
export * from './stack';
