// Time to live (RFC 791 3.2; RFC 1122 3.2.1.7). A host sends datagrams with a
// fixed default TTL (64, Linux's net.ipv4.ip_default_ttl) and MUST NOT send
// TTL 0. A host does not forward, so it never decrements TTL, and it MUST NOT
// discard a datagram addressed to it just because its TTL is below 2: the
// receive path ignores the field.
export const DEFAULT_TTL = 64;

/** The TTL a host may send: an integer in 1..255 (the default for anything else). */
export function sendTtl(ttl: number | undefined): number {
  if (ttl === undefined || !Number.isFinite(ttl)) return DEFAULT_TTL;
  return Math.min(255, Math.max(1, Math.floor(ttl)));
}
