// IPv4 address helpers: dotted quad text <-> unsigned 32-bit integer (Ipv4Addr).
// Never throws: bad text gives a WireError naming 'ipv4.address'.
import { wireError, type Ipv4Addr, type WireError } from './types';

export function formatIpv4(addr: Ipv4Addr): string {
  return `${(addr >>> 24) & 255}.${(addr >>> 16) & 255}.${(addr >>> 8) & 255}.${addr & 255}`;
}

export function parseIpv4Addr(text: string): Ipv4Addr | WireError {
  const parts = text.split('.');
  if (parts.length !== 4) return wireError('malformed', 'ipv4.address', `expected 4 octets in "${text}"`);
  let addr = 0;
  for (const part of parts) {
    if (!/^(0|[1-9][0-9]{0,2})$/.test(part) || Number(part) > 255) {
      return wireError('malformed', 'ipv4.address', `bad octet "${part}" in "${text}"`);
    }
    addr = addr * 256 + Number(part);
  }
  return addr >>> 0;
}

/** For constants in code and tests where the text is known good: throws nothing, returns 0 on bad text. */
export function ipv4(text: string): Ipv4Addr {
  const a = parseIpv4Addr(text);
  return typeof a === 'number' ? a : 0;
}
