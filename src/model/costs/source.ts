// Where every default number comes from. Each entry paraphrases a line of
// /work/shared/REFERENCES.md (or a specification the lab relies on) so that the UI
// can show, beside any parameter, the source of its default and how far to trust it:
//   'read'     the number was read in the source;
//   'quoted'   a third party quotes it;
//   'estimate' the lab reconstructed it; `why` says how, so a reader can check it.

export type SourceTag = 'read' | 'quoted' | 'estimate';

export type SourceId =
  | 'seed-article'
  | 'clark-1989'
  | 'kay-pasquale-1993'
  | 'foong-2003'
  | 'freimuth-2005'
  | 'menon-2008'
  | 'cai-2021'
  | 'brouer'
  | 'linux'
  | 'e1000-anecdote'
  | 'stateless-gains'
  | 'intel-toe'
  | 'hurwitz-feng-2003'
  | 'shivam-chase-2003'
  | 'mogul-2003'
  | 'i2o-1.5'
  | 'linux-i2o'
  | 'iop321'
  | 'i960'
  | 'bus-specs'
  | 'ieee-802.3'
  | 'tcp-rfcs'
  | 'lab';

export interface Source {
  readonly id: SourceId;
  /** The reference line, paraphrased. */
  readonly text: string;
  readonly tag: SourceTag;
  /** For estimates: how the number was reconstructed and why it is plausible. */
  readonly why?: string;
}

const TEXT: Record<SourceId, string> = {
  'seed-article': 'Linux Journal, "Kernel Korner: Improving Server Performance" (Intel iNIC socket offload prototype); a reader recalls ~5% host CPU at 1 Gb/s (anecdote, a plausibility bound only).',
  'clark-1989': 'Clark, Jacobson, Romkey, Salwen (IEEE Comm. 1989): under 200 instructions per packet for TCP\'s common path; the cost is in buffer management, interrupts and memory bandwidth (copy, checksum).',
  'kay-pasquale-1993': 'Kay and Pasquale (SIGCOMM 1993): for realistic mostly-small messages, non-data-touching work (buffers, protocol, OS) takes most of the time.',
  'foong-2003': 'Foong et al. (ISPASS 2003, Intel): the "1 GHz of CPU per 1 Gb/s" rule, i.e. about 8 cycles per byte, as a rough guide that does not hold in general.',
  'freimuth-2005': 'Freimuth et al. (USENIX 2005): network throughput scales with CPU clock at about 43%, 60% and 33-68% of ideal in three studies.',
  'menon-2008': 'Menon and Zwaenepoel (USENIX 2008): per-packet costs dominate receive; receive aggregation plus ACK offload gave +45-67% throughput on Linux.',
  'cai-2021': 'Cai et al. (SIGCOMM 2021, Linux 5.4, 100 GbE, one flow, no offloads): tcp/ip 37%, netdev 16%, skb 7%, memory management 7%, locks 5%, scheduling 5%, data copy 5% of cycles; with TSO/GRO/jumbo frames data copy dominates.',
  brouer: 'Brouer: 10 GbE at minimum frame size is 14.88 Mpps (67.2 ns, ~201 cycles per packet at 3 GHz); a DRAM cache miss is ~32 ns; full-size frames arrive at 812,744 per second at 10 GbE.',
  linux: 'Linux constants: NAPI weight 64; softirq budget 300 packets or 2 ms; GSO maximum 65,536 bytes; ixgbe interrupt moderation steps 100,000 / 20,000 / 8,000 interrupts/s as load rises.',
  'e1000-anecdote': 'An e1000 user reports that cutting 50,000 interrupts/s to 5,000 more than doubled throughput (anecdote).',
  'stateless-gains': 'Stateless offload gains in software stacks: TCP GSO 2.15 to 10.8 Gb/s, TCP GRO 4.10 to 9.14 Gb/s (one stream), UDP GSO/GRO ~4x, LRO 3 to 10 Gb/s.',
  'intel-toe': 'Intel: TOE helps most with large I/O (64 KB+) on long-lived connections, little with small packets or short connections, and is limited by the card\'s processor.',
  'hurwitz-feng-2003': 'Hurwitz and Feng (HOTI 2003): 2003 hosts could not fill 10 GbE: a little over 4 Gb/s and ~20 µs application to application.',
  'shivam-chase-2003': 'Shivam and Chase, "On the Elusive Benefits of Protocol Offload" (NICELI 2003): the LAWS ratios lag, application, wire, structural.',
  'mogul-2003': 'Mogul (HotOS IX 2003): offload pays when it enables direct data placement and copy avoidance, not for protocol cycles alone.',
  'i2o-1.5': 'I2O specification 1.5: 4-word header, 5-word single-transaction reply, function code ranges, MsgFlags, SGL simple elements, messaging-unit registers (inbound port 0x40, outbound 0x44).',
  'linux-i2o': 'Linux 2.4/2.6 i2o drivers: inbound frames of 32 words on IOPs of the era, 128 outbound frames of 128 words; LAN OSM: 96 receive buckets, repost after 18, copy threshold 200 bytes.',
  iop321: 'Intel IOP321 (80321): single-chip XScale I/O processor, nominal 600 MHz, I2O messaging unit, 2 DMA channels (Linux IQ80321 docs); IOP310 = 80200 XScale + 80312 with 3 DMA channels.',
  i960: 'i960 RM/RN I2O chips: 64-bit / 66 MHz internal bus, 528 MB/s.',
  'bus-specs': 'PCI, PCI-X and PCI Express base specifications: peak = width x clock (PCI 32-bit/33 MHz = 132 MB/s nominal, PCI-X 64-bit/133 MHz = 1.064 GB/s); PCIe gen1/2 2.5/5 GT/s with 8b/10b, gen3/4 8/16 GT/s with 128b/130b per lane per direction.',
  'ieee-802.3': 'IEEE 802.3: Ethernet framing (preamble 8 B, header 14 B, FCS 4 B, inter-frame gap 12 B; MTU 1500, jumbo up to ~9000).',
  'tcp-rfcs': 'TCP RFCs: RFC 9293 (TCP), RFC 1122 4.2.3.2 (delayed ACK at most 500 ms, ACK every second full segment), RFC 6298 (initial RTO 1 s), RFC 5681/6582 (NewReno), RFC 7323 (window scale, timestamps), RFC 2018 (SACK), RFC 6928 (initial window 10).',
  lab: 'The lab\'s own modelling choice.',
};

const TAG: Record<SourceId, SourceTag> = {
  'seed-article': 'quoted',
  'clark-1989': 'read',
  'kay-pasquale-1993': 'read',
  'foong-2003': 'quoted',
  'freimuth-2005': 'read',
  'menon-2008': 'read',
  'cai-2021': 'read',
  brouer: 'read',
  linux: 'read',
  'e1000-anecdote': 'read',
  'stateless-gains': 'read',
  'intel-toe': 'read',
  'hurwitz-feng-2003': 'read',
  'shivam-chase-2003': 'estimate',
  'mogul-2003': 'read',
  'i2o-1.5': 'read',
  'linux-i2o': 'read',
  iop321: 'read',
  i960: 'read',
  'bus-specs': 'read',
  'ieee-802.3': 'read',
  'tcp-rfcs': 'read',
  lab: 'estimate',
};

export const SOURCE_IDS: readonly SourceId[] = Object.keys(TEXT) as SourceId[];

/** The reference itself, with the tag REFERENCES.md gives it. */
export function source(id: SourceId): Source {
  const why = id === 'shivam-chase-2003' ? 'REFERENCES.md marks the notation of the equations as an estimate; the ratios are read.' : undefined;
  return why === undefined ? { id, text: TEXT[id], tag: TAG[id] } : { id, text: TEXT[id], tag: TAG[id], why };
}

/**
 * A number the lab reconstructed. `basis` names the reference it leans on (or 'lab'
 * when it is purely a modelling choice); `why` must say how the number was reached.
 */
export function estimate(why: string, basis: SourceId = 'lab'): Source {
  return { id: basis, text: TEXT[basis], tag: 'estimate', why };
}

/** A one-line citation for tables and tooltips: "[read] linux: Linux constants: ...". */
export function formatSource(s: Source): string {
  const why = s.why === undefined ? '' : ` (estimate: ${s.why})`;
  return `[${s.tag}] ${s.id}${why}`;
}
