// pcapng capture files (draft-ietf-opsawg-pcapng): block types, option codes
// and the shapes the writer takes and the reader returns. The writer is in
// pcapng-writer.ts, the reader in pcapng-reader.ts.
//
// Layout of every block: type (u32), total length (u32), body, total length
// again; total length is a multiple of 4 and includes the 12 framing bytes.
// Options inside a block: code (u16), length (u16), value padded to 4 bytes,
// ended by opt_endofopt (code 0, length 0).

export const PCAPNG_SHB = 0x0a0d0d0a;
export const PCAPNG_IDB = 0x00000001;
export const PCAPNG_SPB = 0x00000003;
export const PCAPNG_EPB = 0x00000006;
export const PCAPNG_BYTE_ORDER_MAGIC = 0x1a2b3c4d;

export const OPT_ENDOFOPT = 0;
export const OPT_COMMENT = 1;
export const SHB_HARDWARE = 2;
export const SHB_OS = 3;
export const SHB_USERAPPL = 4;
export const IF_NAME = 2;
export const IF_DESCRIPTION = 3;
export const IF_TSRESOL = 9;

/** LINKTYPE_ETHERNET (tcpdump.org link-layer header types). */
export const LINKTYPE_ETHERNET = 1;
/** LINKTYPE_RAW: raw IPv4/IPv6 packets, as a TUN device gives them. */
export const LINKTYPE_RAW = 101;

export interface PcapngInterface {
  linkType: number;
  /** 0 means no limit. */
  snapLen: number;
  name?: string;
  description?: string;
  /**
   * if_tsresol: units per second are 10^-exp (base 10) or 2^-exp (base 2).
   * The writer always uses base 10, exponent 9: nanoseconds.
   */
  tsResolution: { base: 10 | 2; exponent: number };
}

export interface PcapngPacket {
  interfaceId: number;
  /** Timestamp in nanoseconds since the epoch of the capture (the simulation's zero for the lab). */
  timestampNs: bigint;
  /** Captured bytes: a view into the file for the reader. */
  data: Uint8Array;
  originalLength: number;
  comment?: string;
}

export interface PcapngSection {
  application?: string;
  os?: string;
  hardware?: string;
  comment?: string;
}

export interface PcapngFile {
  section: PcapngSection;
  interfaces: PcapngInterface[];
  packets: PcapngPacket[];
  /** Blocks of other types (name resolution, statistics, ...) that were skipped. */
  skippedBlocks: number;
}
