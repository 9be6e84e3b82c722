// Ethernet II frames (IEEE 802.3 with an EtherType, no 802.1Q tag) and MAC
// address helpers. A MAC is a 48-bit integer (types.ts, MacAddr).
//
// Contract: parseEthernet checks the length once; after that no read can fail.
// The frame check sequence is not part of the bytes handled here (as in pcap
// captures, the NIC strips it). emitEthernet writes the 14-byte header only;
// the caller writes the payload after it.
import { readU16, readU48, writeU16, writeU48 } from './bytes';
import { wireError, type EthernetRepr, type MacAddr, type WireError } from './types';

export const ETHERNET_DST = 0;
export const ETHERNET_SRC = 6;
export const ETHERNET_ETHERTYPE = 12;
export const ETHERNET_HEADER_LEN = 14;
/** Minimum frame length without the FCS; shorter frames are padded (IEEE 802.3 clause 4.2.3.3). */
export const ETHERNET_MIN_FRAME_LEN = 60;
export const MAC_BROADCAST: MacAddr = 0xffff_ffff_ffff;

/**
 * Accessors over a frame whose length was checked (>= 14 bytes): the view
 * shape of STYLE.md, allocation-free, for demultiplexing without a repr.
 */
export const ethernetView = {
  dst: (b: Uint8Array): MacAddr => readU48(b, ETHERNET_DST),
  src: (b: Uint8Array): MacAddr => readU48(b, ETHERNET_SRC),
  etherType: (b: Uint8Array): number => readU16(b, ETHERNET_ETHERTYPE),
} as const;

export function parseEthernet(bytes: Uint8Array): EthernetRepr | WireError {
  if (bytes.length < ETHERNET_HEADER_LEN) {
    return wireError('truncated', 'ethernet.header', `need ${ETHERNET_HEADER_LEN} bytes, have ${bytes.length}`);
  }
  const etherType = readU16(bytes, ETHERNET_ETHERTYPE);
  // Values up to 1500 are 802.3 lengths, not EtherTypes (IEEE 802.3 clause 3.2.6).
  if (etherType < 0x0600) {
    return wireError('unsupported', 'ethernet.etherType', `0x${etherType.toString(16)} is an 802.3 length, not Ethernet II`);
  }
  return { dst: readU48(bytes, ETHERNET_DST), src: readU48(bytes, ETHERNET_SRC), etherType };
}

/** The bytes after the Ethernet header (a view, not a copy). */
export function ethernetPayload(bytes: Uint8Array): Uint8Array {
  return bytes.subarray(ETHERNET_HEADER_LEN);
}

export function ethernetHeaderLen(_repr?: EthernetRepr): number {
  return ETHERNET_HEADER_LEN;
}

export function ethernetBufferLen(_repr: EthernetRepr, payloadLength: number): number {
  return ETHERNET_HEADER_LEN + payloadLength;
}

/** Write the header at buf[offset]; returns the header length or an error if buf is too short. */
export function emitEthernet(repr: EthernetRepr, buf: Uint8Array, offset = 0): number | WireError {
  if (buf.length - offset < ETHERNET_HEADER_LEN) {
    return wireError('truncated', 'ethernet.buffer', `need ${ETHERNET_HEADER_LEN} bytes at ${offset}, have ${buf.length - offset}`);
  }
  writeU48(buf, offset + ETHERNET_DST, repr.dst);
  writeU48(buf, offset + ETHERNET_SRC, repr.src);
  writeU16(buf, offset + ETHERNET_ETHERTYPE, repr.etherType);
  return ETHERNET_HEADER_LEN;
}

const HEX = '0123456789abcdef';

/** "aa:bb:cc:dd:ee:ff", lower case. */
export function formatMac(mac: MacAddr): string {
  let out = '';
  for (let i = 5; i >= 0; i--) {
    const byte = Math.floor(mac / 2 ** (8 * i)) & 0xff;
    out += HEX[byte >>> 4]! + HEX[byte & 15]! + (i > 0 ? ':' : '');
  }
  return out;
}

/** Parse "aa:bb:cc:dd:ee:ff" (or with '-'); an error names 'mac' on bad text. */
export function parseMac(text: string): MacAddr | WireError {
  const parts = text.split(/[:-]/);
  if (parts.length !== 6) return wireError('malformed', 'mac', `expected 6 groups in "${text}"`);
  let mac = 0;
  for (const part of parts) {
    if (!/^[0-9a-fA-F]{1,2}$/.test(part)) return wireError('malformed', 'mac', `bad group "${part}" in "${text}"`);
    mac = mac * 256 + parseInt(part, 16);
  }
  return mac;
}

export function isMulticastMac(mac: MacAddr): boolean {
  return (Math.floor(mac / 0x100_0000_0000) & 1) === 1;
}
