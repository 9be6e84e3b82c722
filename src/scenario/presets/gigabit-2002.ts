// '2002-gigabit': the article's era. A 2.4 GHz single-core Xeon-class host on Linux 2.4,
// 1 GbE, PCI-X 64-bit/133 MHz, and an iNIC with a 600 MHz XScale IOP (IOP321). The
// schema's defaults are this machine, so the preset only names it.

import type { Preset } from './preset';

export const GIGABIT_2002: Preset = {
  name: '2002-gigabit',
  title: '2002: gigabit server, IOP321 iNIC',
  description:
    'A 2.4 GHz single-core Xeon-class server (Linux 2.4 costs, calibrated to ~1 GHz per Gb/s) with 1 GbE on ' +
    'PCI-X 64-bit/133 MHz, against an iNIC with a 600 MHz XScale IOP321 running the TCP/IP stack. ' +
    "No TSO, GSO, LRO or GRO (they came later); 'stateless' has checksum offload and e1000-style fixed " +
    "interrupt throttling (125 µs). 'native' takes an interrupt per packet: it is the lab's plain-NIC " +
    'baseline (DESIGN.md 1.1), so what coalescing saves shows in the stateless column. Bulk send, 64 KB writes.',
  values: {
    name: '2002-gigabit',
    description: 'The article\'s era: 2.4 GHz Xeon, 1 GbE, PCI-X 64/133, 600 MHz IOP321 iNIC; bulk send of 64 KB writes.',
  },
  sources: {},
};
